/**
 * The scheduler's state loop: the single writer of scheduler state. Other components (the control
 * API, the Mesos adapter, timers) reach it only through narrow interfaces such as
 * {@link org.exhibitormesos.scheduler.loop.ClusterControl}, and read it through immutable
 * snapshots ({@link org.exhibitormesos.scheduler.loop.ClusterSnapshot}).
 */
package org.exhibitormesos.scheduler.loop;

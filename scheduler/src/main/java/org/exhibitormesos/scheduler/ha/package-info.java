/**
 * The highly available scheduler on {@code zk:} storage: leader election, a standby that answers
 * reads and redirects writes, and a leader that stops acting as soon as its term ends.
 */
package org.exhibitormesos.scheduler.ha;

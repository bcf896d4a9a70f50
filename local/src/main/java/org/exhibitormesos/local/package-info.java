/**
 * {@code exhibitor-mesos local}: mesos-local and the scheduler in one JVM on one work dir, the
 * servers added and started through the control API, progress shown until SIGTERM or Ctrl-C, and
 * the same ensemble back with its data when started again on that work dir.
 */
package org.exhibitormesos.local;

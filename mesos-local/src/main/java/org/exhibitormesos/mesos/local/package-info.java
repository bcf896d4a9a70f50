/**
 * mesos-local: a master and N agents in one JVM that speak the Mesos 1.11 v1 HTTP protocol
 * (scheduler API on the master, executor API per agent), launch executors as real OS processes and
 * inject the failures real clusters have. Used by the integration tests and by
 * {@code exhibitor-mesos local}.
 */
package org.exhibitormesos.mesos.local;

/**
 * The emulated master and its agents' logic, owned by one state thread: frameworks and their
 * subscriptions, the allocator (offers, filters), ACCEPT processing and validation, reservations
 * and volumes, the agents' status update manager, reconciliation, executors' lifecycle and the
 * executor API, and fault injection. {@link org.exhibitormesos.mesos.local.master.Master} is the
 * thread-safe entry point.
 */
package org.exhibitormesos.mesos.local.master;

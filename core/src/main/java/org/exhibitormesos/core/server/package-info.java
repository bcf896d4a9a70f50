/**
 * Servers of an ensemble and their parts: settings the operator gives, the observed and desired
 * state, tasks, reservations with persistent volumes, ZooKeeper identities, failures and stickiness.
 * All types are immutable values.
 */
package org.exhibitormesos.core.server;

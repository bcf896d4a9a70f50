/**
 * Cluster-level decisions as pure functions: the operator's commands over the whole state, with
 * validation before any change and the quorum guard that refuses to stop or remove more voters than
 * the ensemble can lose.
 */
package org.exhibitormesos.core.cluster;

/**
 * The scheduler's persisted state: the {@link org.exhibitormesos.core.state.ClusterState} document,
 * its JSON {@link org.exhibitormesos.core.state.StateCodec} with a schema version and numbered
 * {@link org.exhibitormesos.core.state.Migrations}, and ZooKeeper myid allocation. The byte-level
 * persistence SPI lives in {@code org.exhibitormesos.core.state.store}.
 */
package org.exhibitormesos.core.state;

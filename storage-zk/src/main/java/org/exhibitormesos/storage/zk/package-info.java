/**
 * The scheduler's state in ZooKeeper, and leader election for a highly available scheduler.
 *
 * <p>{@link org.exhibitormesos.storage.zk.ZkStorageSpec} parses {@code --storage zk:...}. One
 * {@link org.exhibitormesos.storage.zk.ZkSession} per process is shared by the
 * {@link org.exhibitormesos.storage.zk.ZkStateStore} (one znode, znode version = compare-and-set,
 * digest ACL for the framework's user) and the
 * {@link org.exhibitormesos.storage.zk.ZkLeaderElection} (ephemeral sequential candidates). A
 * leader writes through a store made with
 * {@link org.exhibitormesos.storage.zk.ZkStateStore#fenced}: each write is a ZooKeeper
 * {@code multi} that also checks the leader's own candidate znode, so a leader whose session
 * expired cannot write, whatever it believes.
 *
 * <p>Plain ZooKeeper client recipes; every ZooKeeper error is translated once into a
 * {@link org.exhibitormesos.core.state.store.StateStoreException}.
 */
package org.exhibitormesos.storage.zk;

/**
 * The byte-level persistence SPI under the scheduler's state: one document, read and written with
 * explicit versions and compare-and-set.
 *
 * <p>{@link org.exhibitormesos.core.state.store.StateStore} is deliberately tiny (read, CAS, delete)
 * so that every backend (local file, ZooKeeper, memory) can pass the one shared contract suite
 * {@code StateStoreContractTest}, shipped in core's test-jar. The typed state document and its codec
 * live above this package and never see a backend.
 *
 * <p>Outcomes a caller is expected to handle in normal operation are values, not exceptions: a lost
 * compare-and-set is {@link org.exhibitormesos.core.state.store.WriteResult.Conflict}. Failures of
 * the backend itself are {@link org.exhibitormesos.core.state.store.StateStoreException} with a
 * {@link org.exhibitormesos.core.state.store.StateStoreException.Reason}.
 *
 * <p>Nothing here performs I/O; {@link org.exhibitormesos.core.state.store.MemoryStateStore} keeps
 * bytes on the heap.
 */
package org.exhibitormesos.core.state.store;

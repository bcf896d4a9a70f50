package org.exhibitormesos.core.state.store;

import java.util.Optional;

/**
 * A single opaque document, stored with an explicit version and written by compare-and-set.
 *
 * <p><b>Versions.</b> Every stored document has a version {@code >= 0} assigned by the store. A
 * successful {@link #compareAndSet} stores a version strictly greater than the one it replaced.
 * Versions are explicit counters kept with the data, never modification times. After a
 * {@link #delete}, a later create may start the count again.
 *
 * <p><b>Threads.</b> Implementations are safe for use by one writer thread; an implementation may
 * promise more (see its Javadoc). A store is exclusive to one process only if the implementation
 * says so (e.g. by a lock taken when it is opened).
 *
 * <p><b>Errors.</b> Conflicts are values ({@link WriteResult.Conflict}). Backend failures are
 * {@link StateStoreException} with a {@link StateStoreException.Reason}. Calling any method except
 * {@link #close()} and {@link #describe()} after close throws {@link IllegalStateException}. Byte
 * arrays are copied on the way in and out; callers may reuse them.
 *
 * <p><b>Lifecycle.</b> Opening may take resources (files, locks, sessions); {@link #close()} releases
 * them and is idempotent.
 */
public interface StateStore extends AutoCloseable {

  /** The version meaning "nothing is stored": expected by a create, reported by a conflict. */
  long ABSENT = -1;

  /**
   * Reads the stored document.
   *
   * @return the bytes and their version, or empty if nothing has been stored (or it was deleted);
   *     never empty because the stored data is unreadable
   * @throws StateStoreException {@code CORRUPT} if stored data exists but cannot be decoded,
   *     {@code IO} or {@code UNAVAILABLE} if it cannot be read
   * @throws IllegalStateException if the store is closed
   */
  Optional<Versioned<byte[]>> read() throws StateStoreException;

  /**
   * Stores {@code data} if the stored version is {@code expectedVersion}.
   *
   * @param data the new document, possibly empty, never null
   * @param expectedVersion the version the caller last read, or {@link #ABSENT} to create (nothing
   *     may be stored yet)
   * @return {@link WriteResult.Written} with the new version, strictly greater than the old one; or
   *     {@link WriteResult.Conflict} with the actual version (ABSENT if nothing stored) and nothing
   *     changed
   * @throws StateStoreException if the backend fails; the outcome is then unknown and callers
   *     re-read. {@code CORRUPT} if the stored data cannot be decoded to check its version
   * @throws IllegalArgumentException if {@code expectedVersion < ABSENT}
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalStateException if the store is closed
   */
  WriteResult compareAndSet(byte[] data, long expectedVersion) throws StateStoreException;

  /**
   * Deletes the stored document if its version is {@code expectedVersion}.
   *
   * @param expectedVersion the version the caller last read, {@code >= 0}
   * @return {@link WriteResult.Written} with version {@link #ABSENT}; or {@link WriteResult.Conflict}
   *     with the actual version (ABSENT if nothing is stored) and nothing changed
   * @throws StateStoreException if the backend fails; the outcome is then unknown
   * @throws IllegalArgumentException if {@code expectedVersion < 0}
   * @throws IllegalStateException if the store is closed
   */
  WriteResult delete(long expectedVersion) throws StateStoreException;

  /**
   * @return a short description for logs and error messages, such as {@code file:/var/lib/x.json}
   *     or {@code zk:host:2181/exhibitor-mesos/state}; never null, allowed after close
   */
  String describe();

  /** Releases the store's resources. Idempotent; never throws. */
  @Override
  void close();
}

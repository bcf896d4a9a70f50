package org.exhibitormesos.core.state.store;

/**
 * The outcome of a {@link StateStore#compareAndSet(byte[], long)} or {@link StateStore#delete(long)}:
 * either the write happened, or the stored version was not the one the caller expected.
 *
 * <p>A conflict is a normal outcome (another writer, or a stale read), not an error: callers re-read
 * and decide. Failures of the backend are {@link StateStoreException} instead.
 */
public sealed interface WriteResult permits WriteResult.Written, WriteResult.Conflict {

  /**
   * The write happened.
   *
   * @param version the version now stored; {@link StateStore#ABSENT} after a delete
   */
  record Written(long version) implements WriteResult {

    /** @throws IllegalArgumentException if {@code version} is below {@link StateStore#ABSENT} */
    public Written {
      if (version < StateStore.ABSENT) {
        throw new IllegalArgumentException("version must be >= ABSENT (-1), got " + version);
      }
    }
  }

  /**
   * Nothing was written because the stored version differs from the expected one.
   *
   * @param actualVersion the version actually stored, or {@link StateStore#ABSENT} if nothing is
   *     stored
   */
  record Conflict(long actualVersion) implements WriteResult {

    /** @throws IllegalArgumentException if {@code actualVersion} is below {@link StateStore#ABSENT} */
    public Conflict {
      if (actualVersion < StateStore.ABSENT) {
        throw new IllegalArgumentException(
            "actualVersion must be >= ABSENT (-1), got " + actualVersion);
      }
    }
  }

  /** @return true if the write happened */
  default boolean written() {
    return this instanceof Written;
  }
}

package org.exhibitormesos.core.state.store;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link StateStore} on the heap, for tests, simulations and embedding.
 *
 * <p>Thread-safe: every operation is atomic with respect to the others, including those of stores
 * obtained by {@link #reopen()}. Versions start at 1 and grow by one per write. Nothing survives the
 * JVM; {@link #reopen()} simulates a restart of the process that owns the store.
 */
public final class MemoryStateStore implements StateStore {

  /** The storage shared by a store and its reopened successors; guarded by itself. */
  private static final class Cell {
    private byte[] data;
    private long version = ABSENT;
  }

  private final Cell cell;
  private final String name;
  private volatile boolean closed;

  /** Creates an empty store described as {@code memory:state}. */
  public MemoryStateStore() {
    this("state");
  }

  /**
   * Creates an empty store.
   *
   * @param name used in {@link #describe()} as {@code memory:<name>}
   */
  public MemoryStateStore(String name) {
    this(new Cell(), name);
  }

  private MemoryStateStore(Cell cell, String name) {
    this.cell = cell;
    this.name = Objects.requireNonNull(name, "name");
  }

  /**
   * Returns a new, open store over the same storage, as a restarted process would see it. Allowed
   * whether or not this store is closed.
   *
   * @return a store sharing this store's data and versions
   */
  public MemoryStateStore reopen() {
    return new MemoryStateStore(cell, name);
  }

  @Override
  public Optional<Versioned<byte[]>> read() {
    ensureOpen();
    synchronized (cell) {
      if (cell.data == null) {
        return Optional.empty();
      }
      return Optional.of(new Versioned<>(cell.data.clone(), cell.version));
    }
  }

  @Override
  public WriteResult compareAndSet(byte[] data, long expectedVersion) {
    Objects.requireNonNull(data, "data");
    if (expectedVersion < ABSENT) {
      throw new IllegalArgumentException("expectedVersion must be >= ABSENT (-1), got "
          + expectedVersion);
    }
    ensureOpen();
    synchronized (cell) {
      if (cell.version != expectedVersion) {
        return new WriteResult.Conflict(cell.version);
      }
      cell.data = Arrays.copyOf(data, data.length);
      cell.version = expectedVersion == ABSENT ? 1 : expectedVersion + 1;
      return new WriteResult.Written(cell.version);
    }
  }

  @Override
  public WriteResult delete(long expectedVersion) {
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must be >= 0, got " + expectedVersion);
    }
    ensureOpen();
    synchronized (cell) {
      if (cell.version != expectedVersion) {
        return new WriteResult.Conflict(cell.version);
      }
      cell.data = null;
      cell.version = ABSENT;
      return new WriteResult.Written(ABSENT);
    }
  }

  @Override
  public String describe() {
    return "memory:" + name;
  }

  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("state store " + describe() + " is closed");
    }
  }
}

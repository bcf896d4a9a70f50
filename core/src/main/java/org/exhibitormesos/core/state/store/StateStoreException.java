package org.exhibitormesos.core.state.store;

import java.util.Objects;

/**
 * A failure of a {@link StateStore} backend, typed by {@link Reason}.
 *
 * <p>Each backend translates its own errors (I/O, ZooKeeper codes) into this exception exactly once.
 * The message names the store (a path or {@link StateStore#describe()}) and what was wrong, so an
 * operator can act on it without a stack trace. A lost compare-and-set is never an exception; it is
 * {@link WriteResult.Conflict}.
 */
public final class StateStoreException extends Exception {

  /** Why a store operation failed. */
  public enum Reason {
    /** The backend cannot be reached now (e.g. no ZooKeeper quorum); retrying later may work. */
    UNAVAILABLE,
    /**
     * Stored data exists but cannot be decoded (truncated, bad checksum, bad header). Never treated
     * as "nothing stored": an operator must look.
     */
    CORRUPT,
    /** An I/O operation failed; the outcome of a write that fails this way is unknown: re-read. */
    IO,
    /** Another process holds the store's exclusive lock (another scheduler is running). */
    LOCKED,
    /** This writer has lost its right to write (e.g. leadership moved); it must stop writing. */
    FENCED
  }

  private final Reason reason;
  private final String store;

  /**
   * @param reason why the operation failed
   * @param store the store's {@link StateStore#describe()} string
   * @param message what was wrong; must name the store (path or description) for operators
   * @param cause the underlying error, or null
   * @throws NullPointerException if {@code reason}, {@code store} or {@code message} is null
   */
  public StateStoreException(Reason reason, String store, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * @param reason why the operation failed
   * @param store the store's {@link StateStore#describe()} string
   * @param message what was wrong; must name the store (path or description) for operators
   */
  public StateStoreException(Reason reason, String store, String message) {
    this(reason, store, message, null);
  }

  /** @return why the operation failed */
  public Reason reason() {
    return reason;
  }

  /** @return the {@link StateStore#describe()} string of the store that failed */
  public String store() {
    return store;
  }
}

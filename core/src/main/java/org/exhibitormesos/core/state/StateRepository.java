package org.exhibitormesos.core.state;

import java.util.Optional;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.Versioned;
import org.exhibitormesos.core.state.store.WriteResult;

/**
 * The typed state on top of a byte-level {@link StateStore}: decodes on load, encodes on save, and
 * turns every way the state can be unusable into a {@link StateStoreException} naming the store, so
 * a scheduler stops with one clear message rather than starting fresh. Use from one writer thread.
 */
public final class StateRepository {
  private final StateStore store;
  private final StateCodec codec;

  public StateRepository(StateStore store, StateCodec codec) {
    this.store = store;
    this.codec = codec;
  }

  /**
   * @return the state and its version, or empty when the store holds nothing yet
   * @throws StateStoreException {@code CORRUPT} when the stored document cannot be decoded (the
   *     message names the store and the field), or as the store's {@code read}
   */
  public Optional<Versioned<ClusterState>> load() throws StateStoreException {
    Optional<Versioned<byte[]>> raw = store.read();
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Versioned<>(codec.decode(raw.get().value()), raw.get().version()));
    } catch (StateFormatException e) {
      throw new StateStoreException(StateStoreException.Reason.CORRUPT, store.describe(),
          "state in " + store.describe() + " cannot be read: " + e.getMessage()
              + "; it is not treated as empty: fix or restore it", e);
    }
  }

  /**
   * Writes {@code state} if the stored version is still {@code expectedVersion}
   * ({@link StateStore#ABSENT} for the first write).
   *
   * @return the new version
   * @throws StateStoreException {@code FENCED} when another writer changed the state since: this
   *     process must stop acting on its copy; or as the store's {@code compareAndSet}
   */
  public long save(ClusterState state, long expectedVersion) throws StateStoreException {
    WriteResult result = store.compareAndSet(codec.encode(state), expectedVersion);
    if (result instanceof WriteResult.Written written) {
      return written.version();
    }
    long actual = ((WriteResult.Conflict) result).actualVersion();
    throw new StateStoreException(StateStoreException.Reason.FENCED, store.describe(),
        "state in " + store.describe() + " was changed by another writer (version " + actual
            + ", expected " + expectedVersion + "); this scheduler stops acting on its copy");
  }

  public String describe() {
    return store.describe();
  }
}

package org.exhibitormesos.core.state.store;

import java.util.Objects;

/**
 * A value together with the explicit version it was stored under.
 *
 * <p>Versions are counters assigned by the store, never timestamps or file modification times: a
 * later successful write of the same document always carries a strictly greater version. Pass the
 * version back to {@link StateStore#compareAndSet(byte[], long)} to write optimistically.
 *
 * <p>Immutable if {@code T} is; note that for {@code byte[]} the record's {@code equals} compares
 * array identity, not contents.
 *
 * @param value the stored value, never null
 * @param version the version, {@code >= 0}
 * @param <T> the value type
 */
public record Versioned<T>(T value, long version) {

  /**
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code version} is negative
   */
  public Versioned {
    Objects.requireNonNull(value, "value");
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0, got " + version);
    }
  }
}

package org.exhibitormesos.core.ids;

import org.exhibitormesos.core.InvalidInputException;

/**
 * The id of one ZooKeeper server of the ensemble, as operators see it in commands and messages.
 *
 * <p>Valid ids are {@value #MIN}..{@value #MAX}: the upper bound keeps every id usable as a ZooKeeper
 * server id even with extended types (TTL nodes) enabled, which reserve 255.
 * {@link #toString()} is the bare number so ids print naturally in messages ({@code server 3}).
 *
 * @param value the id, {@value #MIN}..{@value #MAX}
 */
public record ServerId(int value) implements Comparable<ServerId> {
  /** Smallest valid id. */
  public static final int MIN = 0;
  /** Largest valid id. */
  public static final int MAX = 254;

  /** @throws InvalidInputException if {@code value} is outside {@value #MIN}..{@value #MAX} */
  public ServerId {
    if (value < MIN || value > MAX) {
      throw new InvalidInputException(
          "server id " + value + " is out of range " + MIN + ".." + MAX);
    }
  }

  /**
   * @return the id {@code value}
   * @throws InvalidInputException if {@code value} is outside {@value #MIN}..{@value #MAX}
   */
  public static ServerId of(int value) {
    return new ServerId(value);
  }

  @Override
  public int compareTo(ServerId other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}

package org.exhibitormesos.mesos.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Doubles the delay after every consecutive failure, starting at {@code initial} and never exceeding
 * {@code max}. Deterministic (no jitter) so tests can reason about it. Immutable and thread safe.
 */
public record ExponentialBackoff(Duration initial, Duration max) implements BackoffPolicy {
  public ExponentialBackoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial backoff must be positive, got " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max backoff " + max + " is below the initial " + initial);
    }
  }

  /** 1 s doubling up to 15 s, close to what the Mesos C++ scheduler library does. */
  public static ExponentialBackoff schedulerDefault() {
    return new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(15));
  }

  @Override
  public Duration delayAfter(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1, got " + failures);
    }
    int shift = Math.min(failures - 1, 30);
    long nanos;
    try {
      nanos = Math.multiplyExact(initial.toNanos(), 1L << shift);
    } catch (ArithmeticException overflow) {
      return max;
    }
    Duration d = Duration.ofNanos(nanos);
    return d.compareTo(max) > 0 ? max : d;
  }
}

package org.exhibitormesos.core.server;

import java.time.Duration;
import java.util.Optional;
import org.exhibitormesos.core.InvalidInputException;

/**
 * When a failed server is relaunched (the original's {@code failover-delay},
 * {@code failover-max-delay}, {@code failover-max-tries}).
 *
 * <p>The defaults keep an ensemble whole: the first relaunch after a failure happens at once (on the
 * previous agent, where the data is), then {@code delay} doubling up to {@code maxDelay} for failures
 * that follow each other; no limit on tries.
 */
public record FailoverPolicy(Duration delay, Duration maxDelay, Optional<Integer> maxTries) {
  public static final FailoverPolicy DEFAULT =
      new FailoverPolicy(Duration.ofSeconds(5), Duration.ofMinutes(10), Optional.empty());

  public FailoverPolicy {
    if (delay.isNegative() || maxDelay.isNegative()) {
      throw new InvalidInputException("failover delays must not be negative");
    }
    if (maxDelay.compareTo(delay) < 0) {
      throw new InvalidInputException("failover-max-delay " + maxDelay + " is shorter than failover-delay " + delay);
    }
    maxTries.ifPresent(t -> {
      if (t < 1) {
        throw new InvalidInputException("invalid failover-max-tries " + t + ": must be a whole number >= 1");
      }
    });
  }

  /**
   * The wait before relaunching after the {@code failures}-th failure in a row: zero for the first,
   * then {@code delay * 2^(failures-2)}, capped at {@code maxDelay}.
   */
  public Duration delayAfter(int failures) {
    if (failures <= 1) {
      return Duration.ZERO;
    }
    Duration d = delay;
    for (int i = 2; i < failures && d.compareTo(maxDelay) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }

  /** True when {@code failures} failures in a row exhaust the allowed tries. */
  public boolean exhausted(int failures) {
    return maxTries.map(t -> failures >= t).orElse(false);
  }

  public FailoverPolicy withDelay(Duration value) {
    return new FailoverPolicy(value, maxDelay.compareTo(value) < 0 ? value : maxDelay, maxTries);
  }

  public FailoverPolicy withMaxDelay(Duration value) {
    return new FailoverPolicy(delay, value, maxTries);
  }

  public FailoverPolicy withMaxTries(Optional<Integer> value) {
    return new FailoverPolicy(delay, maxDelay, value);
  }
}

package org.exhibitormesos.core.server;

import java.time.Instant;
import java.util.Optional;

/**
 * Failures of a server in a row, when it may be relaunched next, and the last failure's description.
 * Reset by {@code start} and by a task that stayed running longer than the failover max delay.
 */
public record FailureRecord(int failures, Optional<Instant> notBefore, Optional<String> lastFailure) {
  public static final FailureRecord NONE = new FailureRecord(0, Optional.empty(), Optional.empty());

  public FailureRecord {
    if (failures < 0) {
      throw new IllegalArgumentException("failures must not be negative");
    }
  }

  /** True when a relaunch may happen at {@code now}. */
  public boolean eligibleAt(Instant now) {
    return notBefore.map(t -> !now.isBefore(t)).orElse(true);
  }
}

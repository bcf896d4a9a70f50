package org.exhibitormesos.mesos.http;

import java.time.Duration;

/** How long to wait before the next attempt of a failing operation (e.g. a subscription). */
@FunctionalInterface
public interface BackoffPolicy {
  /**
   * The delay before attempt number {@code failures + 1}.
   *
   * @param failures consecutive failures so far, at least 1
   * @return a non-negative delay
   */
  Duration delayAfter(int failures);
}

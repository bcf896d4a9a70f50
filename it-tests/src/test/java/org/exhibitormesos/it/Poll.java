package org.exhibitormesos.it;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for a condition by polling against a deadline. */
public final class Poll {

  private static final Duration INTERVAL = Duration.ofMillis(100);

  private Poll() {}

  /**
   * Calls {@code probe} until it returns a value or {@code timeout} passes.
   *
   * @return the first value, or empty on timeout
   * @throws InterruptedException if interrupted while waiting
   */
  public static <T> Optional<T> until(Duration timeout, Supplier<Optional<T>> probe)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent() || System.nanoTime() - deadline >= 0) {
        return value;
      }
      Thread.sleep(INTERVAL.toMillis());
    }
  }
}

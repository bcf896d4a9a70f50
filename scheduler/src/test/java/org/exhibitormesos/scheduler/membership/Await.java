package org.exhibitormesos.scheduler.membership;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for a condition by polling against a deadline; never a bare sleep. */
final class Await {
  private static final long INTERVAL_MS = 50;

  private Await() {
  }

  /**
   * Calls {@code probe} until it returns a value or {@code timeout} passes.
   *
   * @throws AssertionError naming {@code what} on timeout
   */
  static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      try {
        Thread.sleep(INTERVAL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /** Waits until {@code condition} holds. */
  static void until(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
    until(what, timeout, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }
}

package org.exhibitormesos.executor.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for a condition by polling it until a deadline. */
public final class Deadlines {
  private static final long POLL_MILLIS = 50;

  private Deadlines() {}

  /**
   * Reads {@code value} until {@code done} holds for it or {@code timeout} passes.
   *
   * @return the last value read (check it: it may not satisfy {@code done})
   */
  public static <T> T poll(Supplier<T> value, Predicate<T> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = value.get();
    while (!done.test(last) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return last;
      }
      last = value.get();
    }
    return last;
  }

  /** Waits for {@code condition}; throws {@link AssertionError} naming {@code what} if it never holds. */
  public static void until(BooleanSupplier condition, Duration timeout, String what) {
    if (!poll(condition::getAsBoolean, ok -> ok, timeout)) {
      throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }
  }
}

package org.exhibitormesos.bench.floor;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Polls a condition every {@value #INTERVAL_MS} ms against a deadline. */
public final class Poll {
  /** The probing interval the issue prescribes; it bounds every figure's resolution. */
  public static final long INTERVAL_MS = 20;

  private Poll() {
  }

  /**
   * Calls {@code condition} until it holds.
   *
   * @return {@link System#nanoTime()} right after the call that held
   * @throws TimeoutException naming {@code what} if {@code timeout} passes first
   * @throws InterruptedException if interrupted while waiting
   */
  public static long until(String what, Duration timeout, BooleanSupplier condition)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long started = System.nanoTime();
      if (condition.getAsBoolean()) {
        return System.nanoTime();
      }
      if (started - deadline >= 0) {
        throw new TimeoutException(what + " did not happen within " + timeout);
      }
      long rest = INTERVAL_MS - (System.nanoTime() - started) / 1_000_000;
      if (rest > 0) {
        Thread.sleep(rest);
      }
    }
  }
}

package org.exhibitormesos.mesos.local.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Deadline-bounded polling for tests; no bare sleeps for synchronisation. */
final class Await {
  static final Duration DEFAULT = Duration.ofSeconds(10);

  private Await() {}

  /** Polls {@code condition} every 10 ms until true, failing after {@link #DEFAULT}. */
  static void until(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + DEFAULT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + DEFAULT + " waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}

package org.exhibitormesos.storage.zk;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline, instead of bare sleeps. */
final class Waits {

  private Waits() {}

  static void until(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for "
            + what);
      }
      Thread.sleep(20);
    }
  }
}

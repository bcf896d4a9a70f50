package org.exhibitormesos.mesos.local.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Deadline-bounded waiting for tests; no bare sleeps for synchronisation. */
public final class Await {
  public static final Duration DEFAULT = Duration.ofSeconds(20);

  private Await() {}

  public static void until(Duration timeout, BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  public static void until(BooleanSupplier condition, String what) throws InterruptedException {
    until(DEFAULT, condition, what);
  }

  /** Takes elements until one matches, failing after {@code timeout}. */
  public static <T> T next(BlockingQueue<T> queue, Duration timeout, Predicate<? super T> match,
      String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      T item = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
      if (item == null) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      if (match.test(item)) {
        return item;
      }
    }
  }

  public static <T> T next(BlockingQueue<T> queue, Predicate<? super T> match, String what)
      throws InterruptedException {
    return next(queue, DEFAULT, match, what);
  }
}

package org.exhibitormesos.storage.zk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.zookeeper.KeeperException;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.StateStoreException.Reason;

/**
 * Exponential backoff for one operation, bounded in time: 50 ms doubling up to 1 s, never past
 * the deadline. Not thread-safe: one instance per operation attempt loop.
 */
final class Backoff {

  private static final Duration FIRST = Duration.ofMillis(50);
  private static final Duration MAX = Duration.ofSeconds(1);

  private final Clock clock;
  private final Instant deadline;
  private final Duration bound;
  private final String store;
  private final String what;
  private Duration next = FIRST;
  private int retries;

  Backoff(Clock clock, Duration bound, String store, String what) {
    this.clock = clock;
    this.bound = bound;
    this.deadline = clock.instant().plus(bound);
    this.store = store;
    this.what = what;
  }

  /**
   * Waits before the next attempt after {@code cause}.
   *
   * @throws StateStoreException {@code UNAVAILABLE} once the bound has passed; {@code IO} if the
   *     thread is interrupted (the interrupt flag is restored)
   */
  void pause(KeeperException cause) throws StateStoreException {
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      throw new StateStoreException(Reason.UNAVAILABLE, store,
          what + " on " + store + " failed: ZooKeeper unreachable for " + bound.toMillis()
              + " ms (" + retries + " retries, last: " + cause.code() + ")", cause);
    }
    Duration wait = next.compareTo(left) < 0 ? next : left;
    next = next.multipliedBy(2).compareTo(MAX) < 0 ? next.multipliedBy(2) : MAX;
    retries++;
    sleep(wait, store, what);
  }

  static void sleep(Duration wait, String store, String what) throws StateStoreException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      throw interrupted(store, what, e);
    }
  }

  static StateStoreException interrupted(String store, String what, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new StateStoreException(Reason.IO, store,
        what + " on " + store + " interrupted; its outcome is unknown: re-read", e);
  }
}

package org.exhibitormesos.mesos.http.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Declares a stream dead when no event arrived for {@code misses} heartbeat intervals: a network
 * partition can leave the TCP connection up while nothing flows. Checks once per interval on the
 * given scheduler, measuring time with the given clock.
 *
 * <p>Must be used from the scheduler's (single) thread. {@code onTimeout} fires at most once.
 */
final class HeartbeatWatchdog implements AutoCloseable {
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Duration interval;
  private final Duration deadline;
  private final Runnable onTimeout;
  private Instant lastEvent;
  private ScheduledFuture<?> check;
  private boolean done;

  HeartbeatWatchdog(Clock clock, ScheduledExecutorService scheduler, Duration interval, int misses,
      Runnable onTimeout) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("heartbeat interval must be positive, got " + interval);
    }
    this.clock = clock;
    this.scheduler = scheduler;
    this.interval = interval;
    this.deadline = interval.multipliedBy(misses);
    this.onTimeout = onTimeout;
  }

  /** The silence after which the stream is declared dead. */
  Duration deadline() {
    return deadline;
  }

  void start() {
    lastEvent = clock.instant();
    long period = Math.max(1, interval.toMillis());
    check = scheduler.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
  }

  /** Any event counts as a sign of life. */
  void eventSeen() {
    lastEvent = clock.instant();
  }

  private void check() {
    if (done) {
      return;
    }
    if (Duration.between(lastEvent, clock.instant()).compareTo(deadline) >= 0) {
      close();
      onTimeout.run();
    }
  }

  @Override
  public void close() {
    done = true;
    if (check != null) {
      check.cancel(false);
    }
  }
}

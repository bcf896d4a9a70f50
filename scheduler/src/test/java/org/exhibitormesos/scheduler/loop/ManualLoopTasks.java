package org.exhibitormesos.scheduler.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/** {@link LoopTasks} run by hand on the test's thread, with a clock the test moves. */
final class ManualLoopTasks implements LoopTasks {
  private final Deque<Runnable> queue = new ArrayDeque<>();
  private final List<Scheduled> timers = new ArrayList<>();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private boolean shutdown;

  private final class Scheduled implements Timer {
    final Instant at;
    final Runnable task;
    boolean cancelled;

    Scheduled(Instant at, Runnable task) {
      this.at = at;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @Override
  public void execute(Runnable task) {
    if (!shutdown) {
      queue.add(task);
    }
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    Scheduled s = new Scheduled(now.plus(delay), task);
    if (!shutdown) {
      timers.add(s);
    }
    return s;
  }

  @Override
  public void shutdown() {
    shutdown = true;
    queue.clear();
    timers.clear();
  }

  /** Runs queued tasks (and tasks they queue) until none is left. */
  void run() {
    while (!queue.isEmpty()) {
      queue.poll().run();
    }
  }

  /** Moves the clock, running every timer that falls due on the way, in order. */
  void advance(Duration d) {
    Instant end = now.plus(d);
    while (true) {
      run();
      Scheduled next = timers.stream().filter(t -> !t.cancelled && !t.at.isAfter(end))
          .min(Comparator.comparing(t -> t.at)).orElse(null);
      if (next == null) {
        break;
      }
      timers.remove(next);
      if (next.at.isAfter(now)) {
        now = next.at;
      }
      next.task.run();
    }
    now = end;
    run();
  }
}

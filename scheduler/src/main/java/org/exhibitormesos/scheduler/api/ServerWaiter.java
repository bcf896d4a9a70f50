package org.exhibitormesos.scheduler.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.scheduler.loop.ClusterControl;
import org.exhibitormesos.scheduler.loop.ClusterSnapshot;

/**
 * Waits, without blocking a thread, until every named server is where a start or stop wants it, by
 * polling {@link ClusterControl#snapshot()}. Thread-safe.
 */
final class ServerWaiter {
  /** Where the servers should end up. */
  enum Goal {
    /** {@code start}: every server Running. */
    RUNNING("to run") {
      @Override
      boolean reached(Optional<Server> server) {
        return server.map(s -> s.observed() == ObservedState.RUNNING).orElse(false);
      }
    },
    /** {@code stop}: every server stopped (Added, no task); a server that was removed meanwhile counts. */
    STOPPED("to stop") {
      @Override
      boolean reached(Optional<Server> server) {
        return server.map(s -> s.observed() == ObservedState.ADDED && s.desired() != DesiredState.ACTIVE)
            .orElse(true);
      }
    };

    private final String words;

    Goal(String words) {
      this.words = words;
    }

    abstract boolean reached(Optional<Server> server);

    /** {@code to run} / {@code to stop}, for messages. */
    String words() {
      return words;
    }
  }

  /**
   * @param reached true when every server reached the goal
   * @param snapshot the last snapshot looked at
   * @param missing the servers that did not reach it, empty when {@code reached}
   */
  record Result(boolean reached, ClusterSnapshot snapshot, SortedSet<ServerId> missing) {}

  private final ClusterControl control;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final Duration pollInterval;

  /**
   * @param timer runs the polls; each poll is short and never blocks
   * @param pollInterval how often a waiting request looks at the state
   */
  ServerWaiter(ClusterControl control, Clock clock, ScheduledExecutorService timer, Duration pollInterval) {
    this.control = Objects.requireNonNull(control, "control");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
  }

  /**
   * Completes once every server in {@code servers} reached {@code goal}, or with {@code reached ==
   * false} when {@code timeout} passed first. Cancelling the returned future stops the polling.
   * Completes exceptionally with {@link RejectedExecutionException} if the timer shuts down.
   */
  CompletableFuture<Result> await(Collection<ServerId> servers, Goal goal, Duration timeout) {
    CompletableFuture<Result> result = new CompletableFuture<>();
    Instant deadline = clock.instant().plus(timeout);
    poll(new TreeSet<>(servers), goal, deadline, result);
    return result;
  }

  private void poll(SortedSet<ServerId> servers, Goal goal, Instant deadline, CompletableFuture<Result> result) {
    if (result.isDone()) {
      return;
    }
    ClusterSnapshot snapshot = control.snapshot();
    SortedSet<ServerId> missing = new TreeSet<>();
    for (ServerId id : servers) {
      if (!goal.reached(snapshot.state().server(id))) {
        missing.add(id);
      }
    }
    if (missing.isEmpty()) {
      result.complete(new Result(true, snapshot, missing));
      return;
    }
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      result.complete(new Result(false, snapshot, missing));
      return;
    }
    long delayNanos = Math.min(left.toNanos(), pollInterval.toNanos());
    try {
      timer.schedule(() -> poll(servers, goal, deadline, result), delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
    }
  }
}

package org.exhibitormesos.scheduler.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.exhibitormesos.core.cluster.CommandOutcome;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.StateRepository;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.scheduler.membership.MembershipEvent;

/**
 * The one writer of the scheduler's state. Operator commands, Mesos events, membership events and
 * timers are messages to one thread ({@link LoopTasks}); each becomes a {@link Decision} (the next
 * state and the actions it calls for), the state is persisted with a compare-and-set on its
 * version, the new snapshot is published, and only then do the actions leave the process, in order.
 *
 * <p>A save that fails (another writer fenced this one, the store is unreachable or the state
 * cannot be written) stops the loop: nothing more is acted upon, commands fail with
 * {@link IllegalStateException}, and the {@link StopListener} is told why.
 *
 * <p>Thread safety: every public method may be called from any thread; they only post messages.
 */
public final class StateLoop implements ClusterControl, AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(StateLoop.class);

  /** Told once when the loop stops acting because of a fatal error. */
  @FunctionalInterface
  public interface StopListener {
    void stopped(String why);
  }

  private final StateRepository repository;
  private final LoopTasks tasks;
  private final Clock clock;
  private final LoopHandlers handlers;
  private final EffectRunner runner;
  private final StopListener onStop;

  // Confined to the loop thread.
  private ClusterState state;
  private long version;
  private LoopTasks.Timer holdTimer;
  private LoopTasks.Timer reconcileTimer;

  private volatile boolean stopped;
  private volatile String stopReason = "";
  private volatile Optional<LiveEnsemble> live = Optional.empty();
  private volatile ClusterSnapshot snapshot;

  /**
   * @param loaded the state as loaded, or a new one
   * @param loadedVersion its version; {@link StateStore#ABSENT} for a new state, which
   *     {@link #start()} persists first
   */
  public StateLoop(StateRepository repository, ClusterState loaded, long loadedVersion, LoopTasks tasks, Clock clock,
      LoopHandlers handlers, Outbox outbox, StopListener onStop) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.onStop = Objects.requireNonNull(onStop, "onStop");
    this.runner = new EffectRunner(outbox, handlers.suppression(), this::wakeUpAt);
    this.state = Objects.requireNonNull(loaded, "loaded");
    this.version = loadedVersion;
    this.snapshot = new ClusterSnapshot(state, live, clock.instant());
  }

  /** Persists a state that was never stored (so its secret is kept before anything is launched). */
  public void start() {
    tasks.execute(() -> {
      if (version == StateStore.ABSENT) {
        commit(Decision.none(state), true);
      }
    });
  }

  @Override
  public CompletableFuture<CommandOutcome> submit(ClusterCommand command) {
    CompletableFuture<CommandOutcome> result = new CompletableFuture<>();
    if (stopped) {
      result.completeExceptionally(notActing());
      return result;
    }
    tasks.execute(() -> {
      if (stopped) {
        result.completeExceptionally(notActing());
        return;
      }
      CommandOutcome outcome;
      try {
        outcome = handlers.commands().apply(state, command, clock.instant());
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      Decision d = new Decision.Builder(outcome.state()).effects(outcome.effects()).build();
      try {
        if (!commit(d, false)) {
          result.completeExceptionally(notActing());
          return;
        }
      } catch (RuntimeException e) {
        // A bug, not bad input: the caller must still get an answer; nothing was persisted.
        result.completeExceptionally(new IllegalStateException("the command could not be applied: " + e, e));
        throw e;
      }
      LOG.info("{}", outcome.message());
      result.complete(new CommandOutcome(state, outcome.effects(), outcome.message()));
      act(d);
    });
    return result;
  }

  @Override
  public ClusterSnapshot snapshot() {
    return snapshot;
  }

  /** The framework id to subscribe with, as last persisted. */
  public Optional<String> frameworkId() {
    return snapshot.state().frameworkId();
  }

  /** True once a fatal error stopped the loop. */
  public boolean isStopped() {
    return stopped;
  }

  public void onSubscribed(String frameworkId) {
    post(() -> handlers.subscriptions().onSubscribed(state, frameworkId, clock.instant()));
  }

  public void onDisconnected() {
    tasks.execute(() -> handlers.subscriptions().onDisconnected());
  }

  public void onOffers(List<Offer> offers) {
    post(() -> handlers.offers().onOffers(state, offers, clock.instant()));
  }

  public void onRescind(String offerId) {
    tasks.execute(() -> handlers.offers().rescind(offerId));
  }

  public void onUpdate(TaskStatus status) {
    post(() -> handlers.updates().onUpdate(state, status, clock.instant()));
  }

  public void onMembership(MembershipEvent event) {
    post(() -> handlers.membership().apply(state, event, clock.instant()));
  }

  /** Mesos removed the framework, or the scheduler cannot go on: stop acting. */
  public void stopWith(String why) {
    tasks.execute(() -> fatal(why, null));
  }

  /** A new live view of the ensemble; published with the next snapshot at once. */
  public void onLive(LiveEnsemble view) {
    tasks.execute(() -> {
      live = Optional.of(view);
      publish();
    });
  }

  /** Stops the loop; messages still queued are dropped. Idempotent. */
  @Override
  public void close() {
    stopped = true;
    if (stopReason.isEmpty()) {
      stopReason = "the scheduler is shutting down";
    }
    tasks.shutdown();
  }

  private void post(Supplier<Decision> handler) {
    tasks.execute(() -> {
      if (stopped) {
        return;
      }
      Decision d = handler.get();
      if (commit(d, false)) {
        act(d);
      }
    });
  }

  /** Persists the decision's state (if it changed) and publishes it; false once the loop stopped. */
  private boolean commit(Decision d, boolean force) {
    ClusterState next = StateFolds.fold(d.state(), d.actions());
    if (force || !next.equals(state)) {
      try {
        version = repository.save(next, version);
      } catch (Exception e) {
        fatal("cannot persist the state to " + repository.describe() + ": " + e.getMessage(), e);
        return false;
      }
      state = next;
    }
    publish();
    return true;
  }

  private void act(Decision d) {
    runner.run(d.actions());
    armTimers();
  }

  private void armTimers() {
    Instant now = clock.instant();
    if (holdTimer == null) {
      handlers.offers().holdDeadline().ifPresent(at -> holdTimer = tasks.schedule(until(now, at), () -> {
        holdTimer = null;
        if (!stopped) {
          Decision d = handlers.offers().onHoldExpired(state, clock.instant());
          if (commit(d, false)) {
            act(d);
          }
        }
      }));
    }
    if (reconcileTimer == null) {
      handlers.subscriptions().nextRetry().ifPresent(delay -> reconcileTimer = tasks.schedule(delay, () -> {
        reconcileTimer = null;
        if (!stopped) {
          Decision d = handlers.subscriptions().retry(state);
          if (commit(d, false)) {
            act(d);
          }
        }
      }));
    }
  }

  /** A server's failover delay ends at {@code at}: revive offers then if it still waits. */
  private void wakeUpAt(Instant at) {
    tasks.schedule(until(clock.instant(), at), () -> {
      if (stopped) {
        return;
      }
      Instant now = clock.instant();
      if (state.serverList().stream().anyMatch(s -> s.wantsOffer(now))) {
        act(new Decision.Builder(state).send(handlers.suppression().revive()).build());
      }
    });
  }

  private void publish() {
    snapshot = new ClusterSnapshot(state, live, clock.instant());
  }

  private void fatal(String why, Exception e) {
    if (stopped) {
      return;
    }
    stopped = true;
    stopReason = why;
    if (e != null) {
      LOG.error("state loop stops acting: {}", why, e);
    } else {
      LOG.error("state loop stops acting: {}", why);
    }
    onStop.stopped(why);
  }

  private IllegalStateException notActing() {
    return new IllegalStateException("the scheduler does not act any more: " + stopReason);
  }

  private static Duration until(Instant now, Instant at) {
    Duration d = Duration.between(now, at);
    return d.isNegative() ? Duration.ZERO : d;
  }
}

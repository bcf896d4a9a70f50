package org.exhibitormesos.scheduler.mesos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.lifecycle.Effect;
import org.exhibitormesos.core.lifecycle.Lifecycle;
import org.exhibitormesos.core.lifecycle.LifecycleEvent;
import org.exhibitormesos.core.lifecycle.Transition;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.scheduler.loop.Decision;
import org.exhibitormesos.scheduler.loop.OfferSuppression;

/**
 * What follows every (re)subscription: the framework id is recorded (persisted before anything
 * else), held offers are forgotten, and reconciliation starts: explicit for every task the state
 * knows, then implicit. Tasks that do not answer are asked again with a truncated exponential
 * backoff until every one has. Confined to the state loop.
 */
public final class SubscriptionHandler {
  private static final Logger LOG = LogManager.getLogger(SubscriptionHandler.class);
  static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  static final Duration MAX_RETRY = Duration.ofSeconds(60);

  private final OfferHandler offers;
  private final OfferSuppression suppression;
  private int attempt;
  private boolean reconciling;

  public SubscriptionHandler(OfferHandler offers, OfferSuppression suppression) {
    this.offers = offers;
    this.suppression = suppression;
  }

  public Decision onSubscribed(ClusterState state, String frameworkId, Instant now) {
    offers.forgetAll();
    suppression.subscribed();
    Decision.Builder d = new Decision.Builder(state);
    if (!state.frameworkId().equals(Optional.of(frameworkId))) {
      LOG.info("Mesos framework id {} (was {})", frameworkId, state.frameworkId().orElse("none"));
      d.state(state.withFrameworkId(frameworkId));
    }
    List<Calls.TaskRef> tasks = new ArrayList<>();
    List<Effect> other = new ArrayList<>();
    for (Server s : d.state().serverList()) {
      Transition t = Lifecycle.apply(s, new LifecycleEvent.ReconcileStarted(), now);
      d.state(d.state().withServer(t.server()));
      for (Effect e : t.effects()) {
        if (e instanceof Effect.ReconcileTask r) {
          tasks.add(new Calls.TaskRef(r.taskId(), r.agentId()));
        } else {
          other.add(e);
        }
      }
    }
    d.effects(other);
    attempt = 0;
    reconciling = !tasks.isEmpty();
    if (!tasks.isEmpty()) {
      LOG.info("reconciling {} tasks: {}", tasks.size(), tasks.stream().map(Calls.TaskRef::taskId).toList());
      d.send(Calls.reconcile(tasks));
    }
    d.send(Calls.reconcile(List.of()));
    if (OfferHandler.waiting(d.state()) || !d.state().releases().isEmpty()) {
      d.send(suppression.revive());
    }
    return d.build();
  }

  /** The subscription ended: its offers are void and reconciliation restarts with the next one. */
  public void onDisconnected() {
    offers.forgetAll();
    reconciling = false;
  }

  /** The delay before asking again about tasks that did not answer; empty when none is asked about. */
  public Optional<Duration> nextRetry() {
    if (!reconciling) {
      return Optional.empty();
    }
    long factor = 1L << Math.min(attempt, 10);
    Duration d = FIRST_RETRY.multipliedBy(factor);
    return Optional.of(d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d);
  }

  /** Asks again about the tasks still reconciling; stops once every one answered. */
  public Decision retry(ClusterState state) {
    Decision.Builder d = new Decision.Builder(state);
    if (!reconciling) {
      return d.build();
    }
    List<Calls.TaskRef> unanswered = state.serverList().stream()
        .filter(s -> s.observed() == ObservedState.RECONCILING && s.task().isPresent())
        .map(s -> new Calls.TaskRef(s.task().get().taskId(), s.task().get().agentId())).toList();
    if (unanswered.isEmpty()) {
      LOG.info("reconciliation complete");
      reconciling = false;
      return d.build();
    }
    attempt++;
    LOG.info("asking again about {} tasks that did not answer: {}", unanswered.size(),
        unanswered.stream().map(Calls.TaskRef::taskId).toList());
    d.send(Calls.reconcile(unanswered));
    return d.build();
  }
}

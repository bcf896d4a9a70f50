package org.exhibitormesos.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.exhibitormesos.core.lifecycle.LifecycleEvent.AgentGone;
import org.exhibitormesos.core.lifecycle.LifecycleEvent.Launched;
import org.exhibitormesos.core.lifecycle.LifecycleEvent.LeftEnsemble;
import org.exhibitormesos.core.lifecycle.LifecycleEvent.ReconcileStarted;
import org.exhibitormesos.core.lifecycle.LifecycleEvent.Remove;
import org.exhibitormesos.core.lifecycle.LifecycleEvent.Start;
import org.exhibitormesos.core.lifecycle.LifecycleEvent.Stop;
import org.exhibitormesos.core.lifecycle.LifecycleEvent.TaskUpdate;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.FailureRecord;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.LastPlacement;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.Task;

/**
 * The lifecycle of one server as a pure function {@code (server, event, now) -> (server', effects)}.
 *
 * <p>Status updates are matched by task id: an update of an older task never changes the current
 * one, and an unknown task that is still alive is killed. Failures are relaunched by the server's
 * {@link org.exhibitormesos.core.server.FailoverPolicy}; a stop always goes through a kill and the
 * task's terminal update, so a task is never forgotten while it may still run.
 */
public final class Lifecycle {
  static final String WAITING_FOR_OFFER = "waiting for an offer";

  private Lifecycle() {
  }

  public static Transition apply(Server server, LifecycleEvent event, Instant now) {
    if (event instanceof Start) {
      return start(server);
    } else if (event instanceof Stop) {
      return stop(server);
    } else if (event instanceof Remove) {
      return remove(server, now);
    } else if (event instanceof Launched launched) {
      return launched(server, launched);
    } else if (event instanceof TaskUpdate update) {
      return update(server, update, now);
    } else if (event instanceof ReconcileStarted) {
      return reconcile(server);
    } else if (event instanceof AgentGone gone) {
      return agentGone(server, gone);
    } else if (event instanceof LeftEnsemble) {
      return leftEnsemble(server, now);
    }
    throw new IllegalArgumentException("unknown event " + event);
  }

  private static Transition start(Server s) {
    if (s.desired() == DesiredState.REMOVED) {
      return Transition.of(s);
    }
    Server active = s.withDesired(DesiredState.ACTIVE).withFailures(FailureRecord.NONE);
    if (s.observed() == ObservedState.ADDED) {
      return Transition.of(active.withObserved(ObservedState.PENDING, Optional.empty(), WAITING_FOR_OFFER),
          new Effect.Revive(s.id()));
    }
    if (s.observed() == ObservedState.PENDING) {
      return Transition.of(active.withReason(WAITING_FOR_OFFER), new Effect.Revive(s.id()));
    }
    return Transition.of(active);
  }

  private static Transition stop(Server s) {
    if (s.desired() == DesiredState.REMOVED) {
      return Transition.of(s);
    }
    Server inactive = s.withDesired(DesiredState.INACTIVE);
    return switch (s.observed()) {
      case ADDED, PENDING -> Transition.of(inactive.withObserved(ObservedState.ADDED, Optional.empty(), ""));
      case STAGING, RUNNING, RECONCILING -> kill(inactive, "stopping");
      case STOPPING -> Transition.of(inactive);
    };
  }

  private static Transition remove(Server s, Instant now) {
    Server removed = s.withDesired(DesiredState.REMOVED);
    Membership membership = s.identity().membership();
    if (membership != Membership.NONE && s.identity().myid().isPresent()) {
      // Leave the committed configuration first: killing a voter before it is reconfigured out
      // would leave the ensemble with a dead voter and less fault tolerance.
      Server leaving = removed.withIdentity(s.identity().withMembership(Membership.LEAVING))
          .withReason("leaving the ensemble");
      return Transition.of(leaving, new Effect.LeaveEnsemble(s.id(), s.identity().myid().get()));
    }
    return finishRemoval(removed, now);
  }

  private static Transition leftEnsemble(Server s, Instant now) {
    Server left = s.withIdentity(s.identity().withMembership(Membership.NONE));
    if (s.desired() != DesiredState.REMOVED) {
      return Transition.of(left);
    }
    return finishRemoval(left, now);
  }

  /** Removal after the server is out of the ensemble: kill, then release the volume and forget. */
  private static Transition finishRemoval(Server s, Instant now) {
    return switch (s.observed()) {
      case STAGING, RUNNING, RECONCILING -> kill(s, "removing");
      case STOPPING -> Transition.of(s.withReason("removing"));
      case ADDED, PENDING -> {
        List<Effect> effects = new ArrayList<>();
        s.reservation().ifPresent(r -> effects.add(new Effect.ReleaseReservation(s.id(), r)));
        effects.add(new Effect.Forget(s.id()));
        yield new Transition(s.withObserved(ObservedState.ADDED, Optional.empty(), "removed"), effects);
      }
    };
  }

  private static Transition kill(Server s, String why) {
    Task t = s.task().orElseThrow();
    return Transition.of(s.withObserved(ObservedState.STOPPING, s.task(), why),
        new Effect.KillTask(s.id(), t.taskId(), t.agentId()));
  }

  private static Transition launched(Server s, Launched event) {
    Task t = event.task();
    if (s.observed() != ObservedState.PENDING || s.desired() != DesiredState.ACTIVE) {
      // Launches are decided for waiting servers only; a task launched for anything else must not live.
      return Transition.of(s, new Effect.KillTask(s.id(), t.taskId(), t.agentId()));
    }
    Server staging = s.withObserved(ObservedState.STAGING, Optional.of(t), "")
        .withIdentity(event.identity())
        .withReservation(event.reservation())
        .withLastPlacement(Optional.empty());
    return Transition.of(staging);
  }

  private static Transition update(Server s, TaskUpdate u, Instant now) {
    if (!s.isCurrentTask(u.taskId())) {
      // An older task of this server, or one the state does not know: never touch the current
      // task; make sure it does not keep running.
      return u.state().terminal() ? Transition.of(s) : Transition.of(s, new Effect.KillTask(s.id(), u.taskId(), u.agentId()));
    }
    Task t = s.task().orElseThrow().withState(u.state(), now);
    if (s.observed() == ObservedState.STOPPING) {
      return u.state().terminal() ? stopped(s, t, u, now) : Transition.of(s.withObserved(ObservedState.STOPPING, Optional.of(t), s.reason()));
    }
    return switch (u.state()) {
      case STAGING, STARTING -> Transition.of(s.withObserved(ObservedState.STAGING, Optional.of(t), ""));
      case RUNNING -> Transition.of(s.withObserved(ObservedState.RUNNING, Optional.of(t), ""));
      case KILLING -> Transition.of(s.withObserved(s.observed(), Optional.of(t), s.reason()));
      case UNREACHABLE, UNKNOWN -> Transition.of(s.withObserved(s.observed(), Optional.of(t), u.describe()));
      default -> failed(s, t, u, now);
    };
  }

  /** The task ended after a kill this scheduler sent: no failure is counted. */
  private static Transition stopped(Server s, Task t, TaskUpdate u, Instant now) {
    Server ended = afterTask(s, t, u, now);
    return switch (s.desired()) {
      case ACTIVE -> Transition.of(ended.withObserved(ObservedState.PENDING, Optional.empty(), WAITING_FOR_OFFER),
          new Effect.Revive(s.id()));
      case INACTIVE -> Transition.of(ended.withObserved(ObservedState.ADDED, Optional.empty(), ""));
      case REMOVED -> finishRemoval(ended.withObserved(ObservedState.ADDED, Optional.empty(), ""), now);
    };
  }

  /** The task ended without being asked to: count a failure and relaunch by the failover policy. */
  private static Transition failed(Server s, Task t, TaskUpdate u, Instant now) {
    Server ended = afterTask(s, t, u, now);
    if (s.desired() == DesiredState.REMOVED) {
      return finishRemoval(ended.withObserved(ObservedState.ADDED, Optional.empty(), ""), now);
    }
    if (s.desired() == DesiredState.INACTIVE) {
      return Transition.of(ended.withObserved(ObservedState.ADDED, Optional.empty(), ""));
    }
    var policy = s.settings().failover();
    boolean ranLongEnough = t.runningSince()
        .map(since -> Duration.between(since, now).compareTo(policy.maxDelay()) >= 0).orElse(false);
    int failures = ranLongEnough ? 1 : s.failures().failures() + 1;
    String last = u.describe();
    if (policy.exhausted(failures)) {
      Server deactivated = ended.withDesired(DesiredState.INACTIVE)
          .withFailures(new FailureRecord(failures, Optional.empty(), Optional.of(last)))
          .withObserved(ObservedState.ADDED, Optional.empty(),
              "deactivated after " + failures + " failures in a row; last: " + last);
      return Transition.of(deactivated);
    }
    Duration delay = policy.delayAfter(failures);
    Instant notBefore = now.plus(delay);
    Server pending = ended.withFailures(new FailureRecord(failures, Optional.of(notBefore), Optional.of(last)));
    if (delay.isZero()) {
      return Transition.of(pending.withObserved(ObservedState.PENDING, Optional.empty(),
          "relaunching after failure " + failures + ": " + last), new Effect.Revive(s.id()));
    }
    return Transition.of(pending.withObserved(ObservedState.PENDING, Optional.empty(),
        "relaunching at " + notBefore + " after failure " + failures + ": " + last),
        new Effect.WakeUpAt(s.id(), notBefore));
  }

  /** Bookkeeping when a task ends: where it ran (stickiness) and, if the agent is gone, the lost volume. */
  private static Server afterTask(Server s, Task t, TaskUpdate u, Instant now) {
    if (u.state().agentGone()) {
      return s.withReservation(Optional.empty()).withLastPlacement(Optional.empty());
    }
    return s.withLastPlacement(Optional.of(new LastPlacement(t.agentId(), t.hostname(), now)));
  }

  private static Transition reconcile(Server s) {
    return switch (s.observed()) {
      case STAGING, RUNNING, RECONCILING -> {
        Task t = s.task().orElseThrow();
        yield Transition.of(s.withObserved(ObservedState.RECONCILING, s.task(), s.reason()),
            new Effect.ReconcileTask(s.id(), t.taskId(), t.agentId()));
      }
      // A kill may have been lost with the old connection: send it again.
      case STOPPING -> Transition.of(s, new Effect.KillTask(s.id(), s.task().orElseThrow().taskId(),
          s.task().orElseThrow().agentId()));
      case ADDED, PENDING -> Transition.of(s);
    };
  }

  private static Transition agentGone(Server s, AgentGone gone) {
    Server next = s;
    if (s.reservation().map(r -> r.agentId().equals(gone.agentId())).orElse(false)) {
      next = next.withReservation(Optional.empty());
    }
    if (s.lastPlacement().map(p -> p.agentId().equals(gone.agentId())).orElse(false)) {
      next = next.withLastPlacement(Optional.empty());
    }
    return Transition.of(next);
  }
}

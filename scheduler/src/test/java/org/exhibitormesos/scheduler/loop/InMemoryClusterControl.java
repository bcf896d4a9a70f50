package org.exhibitormesos.scheduler.loop;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.exhibitormesos.core.cluster.ClusterCommands;
import org.exhibitormesos.core.cluster.CommandOutcome;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.lifecycle.Effect;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.server.TaskState;
import org.exhibitormesos.core.state.ClusterState;

/**
 * A {@link ClusterControl} for tests: applies {@link ClusterCommands} directly to an in-memory
 * state (the {@code Forget} effect removes the server; other effects are ignored) and lets tests
 * move servers to Running or stopped, publish a live view, or make the scheduler unable to act.
 */
public final class InMemoryClusterControl implements ClusterControl {
  /** The ensemble secret every test state carries; no API answer may contain it. */
  public static final String SECRET = "sUpEr-SeCrEt-0123456789";

  private final Clock clock;
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile ClusterState state;
  private volatile Optional<LiveEnsemble> live = Optional.empty();
  private volatile String unavailable;

  public InMemoryClusterControl(Clock clock) {
    this.clock = clock;
    this.state = ClusterState.initial(SECRET);
  }

  @Override
  public synchronized CompletableFuture<CommandOutcome> submit(ClusterCommand command) {
    if (unavailable != null) {
      return CompletableFuture.failedFuture(new IllegalStateException(unavailable));
    }
    try {
      Instant now = clock.instant();
      CommandOutcome outcome;
      if (command instanceof ClusterCommand.Add c) {
        outcome = ClusterCommands.add(state, c.ids(), c.options());
      } else if (command instanceof ClusterCommand.Config c) {
        outcome = ClusterCommands.config(state, c.ids(), c.options());
      } else if (command instanceof ClusterCommand.Start c) {
        outcome = ClusterCommands.start(state, c.ids(), now);
      } else if (command instanceof ClusterCommand.Stop c) {
        outcome = ClusterCommands.stop(state, c.ids(), c.force(), now);
      } else if (command instanceof ClusterCommand.Remove c) {
        outcome = ClusterCommands.remove(state, c.ids(), c.force(), now);
      } else {
        throw new IllegalArgumentException("unknown command " + command);
      }
      ClusterState next = outcome.state();
      for (Effect e : outcome.effects()) {
        if (e instanceof Effect.Forget f) {
          next = next.withoutServer(f.server());
        }
      }
      state = next;
      accepted.incrementAndGet();
      return CompletableFuture.completedFuture(new CommandOutcome(next, outcome.effects(), outcome.message()));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public ClusterSnapshot snapshot() {
    return new ClusterSnapshot(state, live, clock.instant());
  }

  /** The current state. */
  public ClusterState state() {
    return state;
  }

  /** How many commands were accepted. */
  public int accepted() {
    return accepted.get();
  }

  /** Replaces the whole state. */
  public synchronized void setState(ClusterState value) {
    state = value;
  }

  /** Publishes a live view (empty: none). */
  public void setLive(Optional<LiveEnsemble> value) {
    live = value;
  }

  /** Makes every later submit fail with IllegalStateException({@code why}); null makes it act again. */
  public void setUnavailable(String why) {
    unavailable = why;
  }

  /** Server {@code id} runs a task on {@code host} as a voter with myid {@code id + 1}. */
  public synchronized void markRunning(int id, String host, Ports ports) {
    ServerId sid = ServerId.of(id);
    Instant now = clock.instant();
    Task task = Task.launched("exhibitor-" + id + "-task", "exhibitor-" + id + "-executor", "agent-" + host,
        AgentAttributes.ofHost(host), ports, LaunchKind.BOOTSTRAP, now).withState(TaskState.RUNNING, now);
    state = state.updateServer(sid, s -> s.withDesired(DesiredState.ACTIVE)
        .withObserved(ObservedState.RUNNING, Optional.of(task), "")
        .withIdentity(Identity.of(id + 1, Identity.Membership.VOTER)));
  }

  /** Server {@code id}'s task ended: it is Added again (a stop completed). */
  public synchronized void markStopped(int id) {
    state = state.updateServer(ServerId.of(id), InMemoryClusterControl::stopped);
  }

  private static Server stopped(Server s) {
    return s.withObserved(ObservedState.ADDED, Optional.empty(), "");
  }
}

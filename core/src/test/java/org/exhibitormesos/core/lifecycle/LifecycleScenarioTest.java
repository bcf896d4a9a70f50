package org.exhibitormesos.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.core.lifecycle.LifecycleTableTest.ID;
import static org.exhibitormesos.core.lifecycle.LifecycleTableTest.NOW;
import static org.exhibitormesos.core.lifecycle.LifecycleTableTest.PORTS;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.FailoverPolicy;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.server.TaskState;
import org.testng.annotations.Test;

/** Multi-step lifecycles: failover backoff, deactivation, removal through the ensemble, agent loss. */
public class LifecycleScenarioTest {
  private static final Reservation VOLUME = new Reservation("agent-1", AgentAttributes.ofHost("host-1"),
      "exhibitor", "zk-1-abc", "zkdata", PORTS);

  private int launches;

  private Server launch(Server pending, Instant at) {
    launches++;
    Task t = Task.launched("task-" + launches, "exec-" + launches, "agent-1", AgentAttributes.ofHost("host-1"), PORTS,
        LaunchKind.RESTART, at);
    Transition tr = Lifecycle.apply(pending, new LifecycleEvent.Launched(t, Identity.of(1, Membership.VOTER), Optional.of(VOLUME)), at);
    assertThat(tr.server().observed()).isEqualTo(ObservedState.STAGING);
    return tr.server();
  }

  private static Transition update(Server s, TaskState state, Instant at) {
    return Lifecycle.apply(s, new LifecycleEvent.TaskUpdate(s.task().orElseThrow().taskId(), "agent-1", state,
        "REASON_COMMAND_EXECUTOR_FAILED", "exit 137"), at);
  }

  private Server started(ServerSettings settings) {
    return Lifecycle.apply(Server.added(ID, settings), new LifecycleEvent.Start(), NOW).server();
  }

  @Test
  public void failedServerIsRelaunchedAtOnceThenWithDoublingDelays() {
    Server s = started(ServerSettings.DEFAULT);
    Instant t = NOW;
    Duration[] expected = {Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20)};
    for (Duration delay : expected) {
      s = launch(s, t);
      s = update(s, TaskState.RUNNING, t).server();
      Transition failed = update(s, TaskState.FAILED, t.plusSeconds(1));
      s = failed.server();
      assertThat(s.observed()).isEqualTo(ObservedState.PENDING);
      assertThat(s.failures().notBefore()).contains(t.plusSeconds(1).plus(delay));
      assertThat(s.reason()).contains("TASK_FAILED").contains("exit 137");
      assertThat(s.lastPlacement()).hasValueSatisfying(p -> assertThat(p.agentId()).isEqualTo("agent-1"));
      assertThat(s.reservation()).as("volume kept for the relaunch").contains(VOLUME);
      if (delay.isZero()) {
        assertThat(failed.effects()).containsExactly(new Effect.Revive(ID));
        assertThat(s.wantsOffer(t.plusSeconds(1))).isTrue();
      } else {
        assertThat(failed.effects()).containsExactly(new Effect.WakeUpAt(ID, t.plusSeconds(1).plus(delay)));
        assertThat(s.wantsOffer(t.plusSeconds(1))).isFalse();
        assertThat(s.wantsOffer(t.plusSeconds(1).plus(delay))).isTrue();
      }
      t = t.plusSeconds(1).plus(delay);
    }
  }

  @Test
  public void delaysAreCappedAndResetAfterALongRun() {
    FailoverPolicy policy = FailoverPolicy.DEFAULT;
    assertThat(policy.delayAfter(1)).isZero();
    assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.delayAfter(9)).isEqualTo(Duration.ofSeconds(640).compareTo(Duration.ofMinutes(10)) > 0
        ? Duration.ofMinutes(10) : Duration.ofSeconds(640));
    assertThat(policy.delayAfter(50)).isEqualTo(Duration.ofMinutes(10));

    Server s = started(ServerSettings.DEFAULT);
    s = launch(s, NOW);
    s = update(s, TaskState.FAILED, NOW).server();
    s = launch(s, NOW);
    s = update(s, TaskState.FAILED, NOW).server();
    assertThat(s.failures().failures()).isEqualTo(2);
    s = launch(s, NOW.plusSeconds(5));
    s = update(s, TaskState.RUNNING, NOW.plusSeconds(6)).server();
    // Ran for the whole max delay: this failure counts as the first again, relaunched at once.
    s = update(s, TaskState.FAILED, NOW.plusSeconds(6).plus(Duration.ofMinutes(10))).server();
    assertThat(s.failures().failures()).isEqualTo(1);
    assertThat(s.wantsOffer(NOW.plusSeconds(6).plus(Duration.ofMinutes(10)))).isTrue();
  }

  @Test
  public void serverIsDeactivatedAfterMaxTriesAndSaysWhy() {
    ServerSettings settings = ServerSettings.DEFAULT.withFailover(FailoverPolicy.DEFAULT.withMaxTries(Optional.of(2)));
    Server s = started(settings);
    s = launch(s, NOW);
    s = update(s, TaskState.FAILED, NOW).server();
    s = launch(s, NOW);
    Transition last = update(s, TaskState.LOST, NOW);
    assertThat(last.server().observed()).isEqualTo(ObservedState.ADDED);
    assertThat(last.server().desired()).isEqualTo(DesiredState.INACTIVE);
    assertThat(last.server().reason()).isEqualTo(
        "deactivated after 2 failures in a row; last: TASK_LOST (REASON_COMMAND_EXECUTOR_FAILED): exit 137");
    assertThat(last.effects()).isEmpty();
    // start resets the count
    Server restarted = Lifecycle.apply(last.server(), new LifecycleEvent.Start(), NOW).server();
    assertThat(restarted.failures().failures()).isZero();
    assertThat(restarted.reason()).isEqualTo(Lifecycle.WAITING_FOR_OFFER);
  }

  @Test
  public void removingAVoterLeavesTheEnsembleBeforeTheKillThenReleasesTheVolume() {
    Server s = launch(started(ServerSettings.DEFAULT), NOW);
    s = update(s, TaskState.RUNNING, NOW).server();
    Transition remove = Lifecycle.apply(s, new LifecycleEvent.Remove(), NOW);
    assertThat(remove.effects()).containsExactly(new Effect.LeaveEnsemble(ID, 1));
    assertThat(remove.server().observed()).as("keeps serving until reconfigured out").isEqualTo(ObservedState.RUNNING);
    assertThat(remove.server().identity().membership()).isEqualTo(Membership.LEAVING);

    Transition left = Lifecycle.apply(remove.server(), new LifecycleEvent.LeftEnsemble(), NOW);
    String taskId = s.task().orElseThrow().taskId();
    assertThat(left.effects()).containsExactly(new Effect.KillTask(ID, taskId, "agent-1"));
    assertThat(left.server().observed()).isEqualTo(ObservedState.STOPPING);

    Transition killed = update(left.server(), TaskState.KILLED, NOW);
    assertThat(killed.effects()).containsExactly(new Effect.ReleaseReservation(ID, VOLUME), new Effect.Forget(ID));
  }

  @Test
  public void startDuringStopRelaunchesWithoutCountingAFailure() {
    Server s = launch(started(ServerSettings.DEFAULT), NOW);
    s = update(s, TaskState.RUNNING, NOW).server();
    s = Lifecycle.apply(s, new LifecycleEvent.Stop(), NOW).server();
    s = Lifecycle.apply(s, new LifecycleEvent.Start(), NOW).server();
    Transition killed = update(s, TaskState.KILLED, NOW);
    assertThat(killed.server().observed()).isEqualTo(ObservedState.PENDING);
    assertThat(killed.server().failures().failures()).isZero();
    assertThat(killed.effects()).containsExactly(new Effect.Revive(ID));
  }

  @Test
  public void stopRecordsWhereTheServerRanForStickiness() {
    Server s = launch(started(ServerSettings.DEFAULT), NOW);
    s = Lifecycle.apply(s, new LifecycleEvent.Stop(), NOW).server();
    s = update(s, TaskState.KILLED, NOW.plusSeconds(3)).server();
    assertThat(s.observed()).isEqualTo(ObservedState.ADDED);
    assertThat(s.lastPlacement()).hasValueSatisfying(p -> {
      assertThat(p.hostname()).isEqualTo("host-1");
      assertThat(p.leftAt()).isEqualTo(NOW.plusSeconds(3));
    });
  }

  @Test
  public void goneAgentTakesTheVolumeAndStickinessWithIt() {
    Server s = launch(started(ServerSettings.DEFAULT), NOW);
    Transition gone = update(s, TaskState.GONE_BY_OPERATOR, NOW);
    assertThat(gone.server().reservation()).isEmpty();
    assertThat(gone.server().lastPlacement()).isEmpty();
    assertThat(gone.server().identity().myid()).as("old myid kept so the new identity can replace it").contains(1);

    Server stopped = Lifecycle.apply(s, new LifecycleEvent.Stop(), NOW).server();
    stopped = update(stopped, TaskState.KILLED, NOW).server();
    Server afterAgentLoss = Lifecycle.apply(stopped, new LifecycleEvent.AgentGone("agent-1"), NOW).server();
    assertThat(afterAgentLoss.reservation()).isEmpty();
    assertThat(afterAgentLoss.lastPlacement()).isEmpty();
    Server otherAgent = Lifecycle.apply(stopped, new LifecycleEvent.AgentGone("agent-9"), NOW).server();
    assertThat(otherAgent).isEqualTo(stopped);
  }

  @Test
  public void reconcilingServerStopsWhenAsked() {
    // The original never killed a task in Reconciling on stop (its defect 5).
    Server s = launch(started(ServerSettings.DEFAULT), NOW);
    s = Lifecycle.apply(s, new LifecycleEvent.ReconcileStarted(), NOW).server();
    assertThat(s.observed()).isEqualTo(ObservedState.RECONCILING);
    Transition stop = Lifecycle.apply(s, new LifecycleEvent.Stop(), NOW);
    assertThat(stop.effects()).hasOnlyElementsOfType(Effect.KillTask.class).hasSize(1);
  }
}

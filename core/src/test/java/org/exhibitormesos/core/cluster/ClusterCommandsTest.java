package org.exhibitormesos.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.ids.IdExpression;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.lifecycle.Effect;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Resources;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.server.TaskState;
import org.exhibitormesos.core.state.ClusterState;
import org.testng.annotations.Test;

public class ClusterCommandsTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final ClusterState EMPTY = ClusterState.initial("0123456789abcdef");

  private static IdExpression ids(String text) {
    return IdExpression.parse(text);
  }

  /** {@code n} servers running as voters of a bootstrapped ensemble. */
  private static ClusterState runningVoters(int n) {
    ClusterState s = EMPTY.withEnsemble(EMPTY.ensemble().withBootstrap(java.util.stream.IntStream
        .rangeClosed(1, n).boxed().toList()).withNextMyid(n + 1));
    for (int i = 0; i < n; i++) {
      Task t = Task.launched("t" + i, "e" + i, "a" + i, AgentAttributes.ofHost("h" + i),
          new Ports(31000, 31001, 31002, 31003), LaunchKind.BOOTSTRAP, NOW).withState(TaskState.RUNNING, NOW);
      s = s.withServer(Server.added(ServerId.of(i), ServerSettings.DEFAULT).withDesired(DesiredState.ACTIVE)
          .withObserved(ObservedState.RUNNING, Optional.of(t), "").withIdentity(Identity.of(i + 1, Identity.Membership.VOTER)));
    }
    return s;
  }

  @Test
  public void addCreatesInactiveServersWithTheOriginalsMessage() {
    CommandOutcome o = ClusterCommands.add(EMPTY, ids("0..2"), Map.of("cpu", "0.5", "mem", "512"));
    assertThat(o.message()).isEqualTo("Added servers 0..2");
    assertThat(o.state().servers()).hasSize(3);
    assertThat(o.state().serverList()).allSatisfy(s -> {
      assertThat(s.observed()).isEqualTo(ObservedState.ADDED);
      assertThat(s.settings().resources()).isEqualTo(new Resources(0.5, 512, 1024));
    });
    assertThat(o.effects()).isEmpty();
  }

  @Test
  public void addRefusesExistingIdsStarAndBadOptions() {
    ClusterState s = ClusterCommands.add(EMPTY, ids("0..2"), Map.of()).state();
    assertThatThrownBy(() -> ClusterCommands.add(s, ids("2..3"), Map.of()))
        .isInstanceOf(CommandRefusedException.class).hasMessage("servers 2 already exist");
    assertThatThrownBy(() -> ClusterCommands.add(s, ids("*"), Map.of()))
        .hasMessageContaining("add needs explicit server ids");
    assertThatThrownBy(() -> ClusterCommands.add(EMPTY, ids("0"), Map.of("cpu", "lots")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cpu");
  }

  @Test
  public void configChangesOnlyTheNamedServers() {
    ClusterState s = ClusterCommands.add(EMPTY, ids("0..2"), Map.of()).state();
    CommandOutcome o = ClusterCommands.config(s, ids("1"), Map.of("zoo-cfg-extra", "syncLimit=7"));
    assertThat(o.message()).isEqualTo("Updated configuration for servers 1");
    assertThat(o.state().servers().get(ServerId.of(1)).settings().sharedOverrides()).containsEntry("zoo-cfg-extra", "syncLimit=7");
    assertThat(o.state().servers().get(ServerId.of(0)).settings()).isEqualTo(ServerSettings.DEFAULT);
    assertThatThrownBy(() -> ClusterCommands.config(s, ids("7"), Map.of()))
        .hasMessage("unknown servers 7; existing servers: 0..2");
    assertThatThrownBy(() -> ClusterCommands.config(EMPTY, ids("*"), Map.of()))
        .hasMessage("there are no servers to config; add some first");
  }

  @Test
  public void zooCfgExtraIsCheckedAtConfigTimeAsItWillBeAtLaunch() {
    ClusterState s = ClusterCommands.add(EMPTY, ids("0"), Map.of()).state();
    // Timing keys are tuned through zoo-cfg-extra; keys rendered from other settings are refused now,
    // not when the server next launches.
    assertThat(ClusterCommands.config(s, ids("0"), Map.of("zoo-cfg-extra", "syncLimit=7")).message())
        .isEqualTo("Updated configuration for servers 0");
    assertThatThrownBy(() -> ClusterCommands.config(s, ids("0"), Map.of("zoo-cfg-extra", "admin.serverPort=1")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'admin.serverPort' is rendered from its own framework setting");
  }

  @Test
  public void startMakesServersWaitForOffers() {
    ClusterState s = ClusterCommands.add(EMPTY, ids("0..2"), Map.of()).state();
    CommandOutcome o = ClusterCommands.start(s, ids("*"), NOW);
    assertThat(o.message()).isEqualTo("Started servers 0..2");
    assertThat(o.state().serverList()).allSatisfy(x -> assertThat(x.observed()).isEqualTo(ObservedState.PENDING));
    assertThat(o.effects()).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOf(Effect.Revive.class));
  }

  @Test
  public void stopThatWouldLoseTheQuorumIsRefusedUnlessForced() {
    ClusterState three = runningVoters(3);
    CommandOutcome stop1 = ClusterCommands.stop(three, ids("1"), false, NOW);
    assertThat(stop1.message()).isEqualTo("Stopped servers 1");
    assertThat(stop1.effects()).containsExactly(new Effect.KillTask(ServerId.of(1), "t1", "a1"));
    assertThatThrownBy(() -> ClusterCommands.stop(stop1.state(), ids("2"), false, NOW))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessage("stopping servers 2 would leave 1 of 3 voters serving, fewer than a quorum of 2; use --force to insist");
    assertThat(ClusterCommands.stop(stop1.state(), ids("2"), true, NOW).message()).isEqualTo("Stopped servers 2");
    assertThatThrownBy(() -> ClusterCommands.stop(three, ids("0,1"), false, NOW))
        .hasMessageContaining("would leave 1 of 3 voters serving");
  }

  @Test
  public void anEnsembleAlreadyWithoutQuorumMayStillBeStopped() {
    ClusterState s = ClusterCommands.stop(runningVoters(3), ids("1,2"), true, NOW).state();
    assertThat(ClusterCommands.stop(s, ids("0"), false, NOW).message()).isEqualTo("Stopped servers 0");
  }

  @Test
  public void removeLeavesTheEnsembleFirstAndKeepsAQuorum() {
    ClusterState four = runningVoters(4);
    CommandOutcome o = ClusterCommands.remove(four, ids("3"), false, NOW);
    assertThat(o.message()).isEqualTo("Removed servers 3");
    assertThat(o.effects()).containsExactly(new Effect.LeaveEnsemble(ServerId.of(3), 4));
    // Scaling 3 -> 1 with every voter serving keeps a quorum at each step; the driver goes one at a time.
    assertThat(ClusterCommands.remove(runningVoters(3), ids("1,2"), false, NOW).message()).isEqualTo("Removed servers 1..2");
    // With server 1 down, removing a serving voter leaves 1 of 2 voters serving: no quorum.
    ClusterState oneDown = ClusterCommands.stop(runningVoters(3), ids("1"), false, NOW).state();
    assertThatThrownBy(() -> ClusterCommands.remove(oneDown, ids("0"), false, NOW))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessage("removing servers 0 would leave 1 of 2 voters serving, fewer than a quorum of 2; use --force to insist");
    // A removed server cannot be started or stopped while it goes.
    assertThatThrownBy(() -> ClusterCommands.start(o.state(), ids("3"), NOW))
        .hasMessage("cannot start servers 3: they are being removed");
  }

  @Test
  public void serversAddedButNeverStartedAreNotVoters() {
    ClusterState s = ClusterCommands.add(EMPTY, ids("0..2"), Map.of()).state();
    assertThat(ClusterCommands.remove(s, ids("0..2"), false, NOW).effects())
        .hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOf(Effect.Forget.class));
  }
}

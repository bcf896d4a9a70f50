package org.exhibitormesos.core.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.membership.MemberProbe.Mode;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.server.TaskState;
import org.exhibitormesos.core.state.ClusterState;
import org.testng.annotations.Test;

public class MembershipPlannerTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final long VERSION = 0x100000000L;

  private static Server server(int id, int myid, Membership membership) {
    Task t = Task.launched("t" + id, "e" + id, "a" + id, AgentAttributes.ofHost("127.0.0." + (id + 2)),
        new Ports(31000, 31001, 31002, 31003), LaunchKind.BOOTSTRAP, NOW).withState(TaskState.RUNNING, NOW);
    return Server.added(ServerId.of(id), ServerSettings.DEFAULT).withDesired(DesiredState.ACTIVE)
        .withObserved(ObservedState.RUNNING, Optional.of(t), "").withIdentity(Identity.of(myid, membership));
  }

  private static ClusterState state(Server... servers) {
    ClusterState s = ClusterState.initial("0123456789abcdef");
    for (Server x : servers) {
      s = s.withServer(x);
    }
    return s;
  }

  private static Optional<Ensemble> config(int... voters) {
    List<EnsembleMember> members = new ArrayList<>();
    for (int m : voters) {
      members.add(EnsembleMember.participant(m, "127.0.0." + (m + 1), 31001, 31002, 31000));
    }
    return Optional.of(new Ensemble(members, VERSION));
  }

  private static Map<Integer, MemberProbe> probes(Object... myidAndMode) {
    Map<Integer, MemberProbe> p = new HashMap<>();
    for (int i = 0; i < myidAndMode.length; i += 2) {
      p.put((Integer) myidAndMode[i], new MemberProbe((Integer) myidAndMode[i], (Mode) myidAndMode[i + 1], true));
    }
    return p;
  }

  private static final Map<Integer, MemberProbe> THREE_UP = probes(1, Mode.LEADER, 2, Mode.FOLLOWER, 3, Mode.FOLLOWER);

  @Test
  public void noLeaderMeansNoChange() {
    assertThat(MembershipPlanner.plan(state(server(0, 1, Membership.VOTER)), Optional.empty(), Map.of()))
        .isInstanceOf(MembershipStep.Refuse.class);
  }

  @Test
  public void bootstrapMembersAreRecordedAsVotersOnceCommitted() {
    ClusterState s = state(server(0, 1, Membership.JOINING), server(1, 2, Membership.JOINING), server(2, 3, Membership.JOINING));
    assertThat(MembershipPlanner.plan(s, config(1, 2, 3), THREE_UP)).isEqualTo(new MembershipStep.MarkVoter(ServerId.of(0), 1));
    ClusterState voters = state(server(0, 1, Membership.VOTER), server(1, 2, Membership.VOTER), server(2, 3, Membership.VOTER));
    assertThat(MembershipPlanner.plan(voters, config(1, 2, 3), THREE_UP)).isEqualTo(new MembershipStep.Idle());
  }

  @Test
  public void aSyncedJoinerIsPromotedByOneConditionalReconfig() {
    ClusterState s = state(server(0, 1, Membership.VOTER), server(1, 2, Membership.VOTER), server(2, 3, Membership.VOTER),
        server(3, 4, Membership.JOINING));
    Map<Integer, MemberProbe> p = new HashMap<>(THREE_UP);
    p.put(4, new MemberProbe(4, Mode.FOLLOWER, false));
    assertThat(MembershipPlanner.plan(s, config(1, 2, 3), p)).isEqualTo(
        new MembershipStep.Wait("server 3 (myid 4) is not synced with the leader yet (follower, our cluster id not seen)"));
    p.put(4, new MemberProbe(4, Mode.FOLLOWER, true));
    assertThat(MembershipPlanner.plan(s, config(1, 2, 3), p)).isEqualTo(new MembershipStep.Reconfigure(
        List.of(EnsembleMember.participant(4, "127.0.0.5", 31001, 31002, 31000)), List.of(), VERSION,
        "server 3 joins as myid 4"));
  }

  @Test
  public void aLostMemberIsReplacedInOneReconfig() {
    // Server 2 lost its data: it relaunched as myid 4; myid 3 is held by nobody and dead.
    ClusterState s = state(server(0, 1, Membership.VOTER), server(1, 2, Membership.VOTER), server(2, 4, Membership.JOINING));
    Map<Integer, MemberProbe> p = probes(1, Mode.LEADER, 2, Mode.FOLLOWER, 4, Mode.FOLLOWER);
    MembershipStep step = MembershipPlanner.plan(s, config(1, 2, 3), p);
    assertThat(step).isInstanceOfSatisfying(MembershipStep.Reconfigure.class, r -> {
      assertThat(r.joining()).extracting(EnsembleMember::myid).containsExactly(4);
      assertThat(r.leaving()).containsExactly(3);
      assertThat(r.why()).isEqualTo("server 2 joins as myid 4, replacing myid 3");
    });
  }

  @Test
  public void aLeavingMemberIsReconfiguredOutThenMarkedLeft() {
    ClusterState s = state(server(0, 1, Membership.VOTER), server(1, 2, Membership.VOTER), server(2, 3, Membership.VOTER),
        server(3, 4, Membership.LEAVING));
    Map<Integer, MemberProbe> p = new HashMap<>(THREE_UP);
    p.put(4, new MemberProbe(4, Mode.FOLLOWER, true));
    assertThat(MembershipPlanner.plan(s, config(1, 2, 3, 4), p)).isEqualTo(new MembershipStep.Reconfigure(
        List.of(), List.of(4), VERSION, "myid 4 of server 3 leaves"));
    assertThat(MembershipPlanner.plan(s, config(1, 2, 3), p)).isEqualTo(new MembershipStep.MarkLeft(ServerId.of(3), 4));
  }

  @Test
  public void strayIdentitiesGoDeadFirstAndTheLeaderLast() {
    ClusterState s = state(server(0, 1, Membership.VOTER), server(1, 2, Membership.VOTER), server(2, 3, Membership.VOTER));
    Map<Integer, MemberProbe> p = probes(1, Mode.FOLLOWER, 2, Mode.FOLLOWER, 3, Mode.FOLLOWER, 4, Mode.LEADER, 5, Mode.FOLLOWER);
    MembershipStep first = MembershipPlanner.plan(s, config(1, 2, 3, 4, 5), p);
    assertThat(first).isInstanceOfSatisfying(MembershipStep.Reconfigure.class, r -> assertThat(r.leaving()).containsExactly(5));
    MembershipStep second = MembershipPlanner.plan(s, config(1, 2, 3, 4), p);
    assertThat(second).isInstanceOfSatisfying(MembershipStep.Reconfigure.class, r -> assertThat(r.leaving()).containsExactly(4));
  }

  @Test
  public void noChangeWithoutAServingQuorum() {
    ClusterState s = state(server(0, 1, Membership.VOTER), server(1, 2, Membership.VOTER), server(2, 3, Membership.VOTER),
        server(3, 4, Membership.JOINING));
    Map<Integer, MemberProbe> p = probes(1, Mode.LEADER, 4, Mode.FOLLOWER);
    assertThat(MembershipPlanner.plan(s, config(1, 2, 3), p)).isEqualTo(new MembershipStep.Refuse(
        "only 1 of 3 voters serve; a quorum of 2 is needed before any membership change"));
  }

  @Test
  public void aRemovalThatWouldLeaveNoServingQuorumIsRefused() {
    ClusterState s = state(server(0, 1, Membership.LEAVING), server(1, 2, Membership.VOTER), server(2, 3, Membership.VOTER),
        server(3, 4, Membership.VOTER), server(4, 5, Membership.VOTER));
    Map<Integer, MemberProbe> p = probes(1, Mode.LEADER, 2, Mode.FOLLOWER, 3, Mode.FOLLOWER);
    assertThat(MembershipPlanner.plan(s, config(1, 2, 3, 4, 5), p)).isEqualTo(new MembershipStep.Refuse(
        "myid 1 of server 0 leaves: only 2 of the 4 voters would serve, fewer than a quorum of 3"));
  }
}

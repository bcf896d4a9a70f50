package org.exhibitormesos.core.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.exhibitormesos.core.cluster.BootstrapRelaunch;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.lifecycle.Lifecycle;
import org.exhibitormesos.core.lifecycle.LifecycleEvent;
import org.exhibitormesos.core.offers.Offer.OfferedResources;
import org.exhibitormesos.core.offers.Offer.OfferedVolume;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.PortRange;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.server.TaskState;
import org.exhibitormesos.core.state.ClusterState;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The bootstrap relaunch rule ({@link BootstrapRelaunch}) as a table, and what it means for offers:
 * an initial member whose launch was lost while no committed configuration was ever observed goes
 * back to its own agent and ports, re-creating its volume with the same persistence id, only when
 * the agent offers those ports unreserved (so the volume's reservation is not there).
 */
public class BootstrapRelaunchTest {
  private static final Ports P = new Ports(31000, 31001, 31002, 31003);
  private static final String COMMITTED = "server.1=a:31001:31002:participant;a:31000\n";

  private final OfferEvaluator evaluator = new OfferEvaluator(id -> "fresh-" + id);

  private static Reservation reservation(String host) {
    return new Reservation("agent-" + host, AgentAttributes.ofHost(host), OfferEvaluatorTest.ROLE, "vol-" + host,
        OfferEvaluator.CONTAINER_PATH, P);
  }

  /** An initial member whose task was lost (TASK_LOST): waiting, with its identity and reservation kept. */
  private static Server lostMember(int id, int myid, String host) {
    Server s = OfferEvaluatorTest.waiting(id, ServerSettings.DEFAULT);
    Reservation r = reservation(host);
    Task t = Task.launched("t" + id, "e" + id, r.agentId(), r.agent(), P, LaunchKind.BOOTSTRAP,
        OfferEvaluatorTest.NOW);
    s = Lifecycle.apply(s, new LifecycleEvent.Launched(t, Identity.of(myid, Identity.Membership.JOINING),
        Optional.of(r)), OfferEvaluatorTest.NOW).server();
    return Lifecycle.apply(s, new LifecycleEvent.TaskUpdate("t" + id, r.agentId(), TaskState.LOST,
        "REASON_RECONCILIATION", "task is unknown"), OfferEvaluatorTest.NOW).server();
  }

  private static ClusterState bootstrapping() {
    ClusterState st = OfferEvaluatorTest.state(lostMember(0, 1, "a"), lostMember(1, 2, "b"), lostMember(2, 3, "c"));
    return st.withEnsemble(st.ensemble().withBootstrap(List.of(1, 2, 3)).withNextMyid(4));
  }

  private static final String INITIAL = "server.1=a:31001:31002:participant;a:31000\n"
      + "server.2=b:31001:31002:participant;b:31000\n" + "server.3=c:31001:31002:participant;c:31000\n";

  @DataProvider
  public Object[][] rule() {
    ClusterState st = bootstrapping();
    Server zero = st.server(ServerId.of(0)).orElseThrow();
    return new Object[][] {
        {"an initial member during the bootstrap", st, zero, Optional.of(INITIAL)},
        {"an initial member served (a quorum formed)", BootstrapRelaunch.quorumServed(st), zero, Optional.empty()},
        {"a committed configuration was observed", st.withEnsemble(st.ensemble().withCommittedConfig(1, COMMITTED)),
            zero, Optional.empty()},
        {"not bootstrapped", OfferEvaluatorTest.state(zero), zero, Optional.empty()},
        {"a myid that is not an initial one", st, zero.withIdentity(Identity.of(9, Identity.Membership.JOINING)),
            Optional.empty()},
        {"no identity (it took a new one)", st, zero.withIdentity(Identity.NONE), Optional.empty()},
        {"no reservation (role *)", st, zero.withReservation(Optional.empty()), Optional.empty()},
        {"another initial member's address is unknown",
            st.updateServer(ServerId.of(2), s -> s.withReservation(Optional.empty())), zero, Optional.empty()},
    };
  }

  @Test(dataProvider = "rule")
  public void theRule(String row, ClusterState state, Server server, Optional<String> initial) {
    assertThat(BootstrapRelaunch.initialConfig(state, server)).as(row).isEqualTo(initial);
  }

  @Test
  public void aServingInitialMemberEndsTheBootstrapWithTheInitialConfigurationAsCommitted() {
    ClusterState served = BootstrapRelaunch.quorumServed(bootstrapping());
    assertThat(served.ensemble().committedConfig()).contains(INITIAL);
    assertThat(served.ensemble().configVersion()).as("until the real version is read").isZero();
    ClusterState observed = bootstrapping();
    observed = observed.withEnsemble(observed.ensemble().withCommittedConfig(7, COMMITTED));
    assertThat(BootstrapRelaunch.quorumServed(observed)).isSameAs(observed);
    ClusterState noInitialAddress = bootstrapping().updateServer(ServerId.of(2), s -> s.withReservation(Optional.empty()));
    assertThat(BootstrapRelaunch.quorumServed(noInitialAddress)).isSameAs(noInitialAddress);
  }

  @Test
  public void aLostLaunchRecreatesTheVolumeOnItsOwnAgentWithTheSamePersistenceIdAndPorts() {
    Evaluation e = evaluator.evaluate(OfferEvaluatorTest.big("a", "r1"), bootstrapping(), OfferEvaluatorTest.NOW);
    assertThat(e.placements()).hasSize(1);
    Placement p = e.placements().get(0);
    assertThat(p.server()).isEqualTo(ServerId.of(0));
    assertThat(p.ports()).isEqualTo(P);
    assertThat(p.volume()).isEqualTo(new VolumePlan.NewVolume(reservation("a"),
        ServerSettings.DEFAULT.resources().diskMb()));
    // Other agents are not for it: its address is in the initial configuration.
    assertThat(e.notPlaced().get(ServerId.of(1))).contains("bootstrap member waits for its agent b");
  }

  @Test
  public void theVolumeIsNotRecreatedWhileItsPortsAreReservedOnTheAgent() {
    Offer withoutPorts = OfferEvaluatorTest.offer("a", "r1", 8, 8192, 100_000, PortRange.parseList("32000..32099"));
    Evaluation e = evaluator.evaluate(withoutPorts, bootstrapping(), OfferEvaluatorTest.NOW);
    assertThat(e.placements()).isEmpty();
    assertThat(e.notPlaced().get(ServerId.of(0))).contains("waits for volume vol-a or its port 31000 unreserved on a");
  }

  @Test
  public void anOfferedVolumeIsUsedAsItIs() {
    OfferedVolume v = new OfferedVolume("vol-a", "zkdata", new OfferedResources(1, 1024, 1024,
        PortRange.parseList("31000..31003")));
    Offer offer = new Offer("o", "agent-a", AgentAttributes.ofHost("a"), OfferEvaluatorTest.ROLE,
        new OfferedResources(0, 0, 0, List.of()), List.of(v));
    Evaluation e = evaluator.evaluate(offer, bootstrapping(), OfferEvaluatorTest.NOW);
    assertThat(e.placements()).extracting(Placement::volume)
        .containsExactly(new VolumePlan.ExistingVolume(reservation("a")));
  }

  @Test
  public void onceACommittedConfigurationWasSeenTheMemberWaitsForItsVolumeAsBefore() {
    ClusterState st = bootstrapping();
    st = st.withEnsemble(st.ensemble().withCommittedConfig(1, COMMITTED));
    Evaluation e = evaluator.evaluate(OfferEvaluatorTest.big("a", "r1"), st, OfferEvaluatorTest.NOW);
    assertThat(e.placements()).isEmpty();
    assertThat(e.notPlaced().get(ServerId.of(0)).get(0)).startsWith("waits for its volume on a until");
  }
}

package org.exhibitormesos.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exhibitormesos.core.ids.IdExpression;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.offers.Offer;
import org.exhibitormesos.core.offers.OfferEvaluator;
import org.exhibitormesos.core.offers.Placement;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.PortRange;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.ServerMode;
import org.testng.annotations.Test;

public class BootstrapPlannerTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private final BootstrapPlanner planner = new BootstrapPlanner(new OfferEvaluator(id -> "vol-" + id));

  private static Offer offer(String host) {
    return new Offer("o-" + host, "a-" + host, AgentAttributes.ofHost(host), "exhibitor",
        new Offer.OfferedResources(4, 4096, 10_000, PortRange.parseList("31000..31010")), List.of());
  }

  private static ClusterState threeStarted() {
    ClusterState s = ClusterCommands.add(ClusterState.initial("0123456789abcdef"), IdExpression.parse("0..2"), Map.of()).state();
    return ClusterCommands.start(s, IdExpression.parse("0..2"), NOW).state();
  }

  @Test
  public void waitsUntilEveryInitialMemberHasAPlaceThenPlacesThemAllTogether() {
    ClusterState s = threeStarted();
    BootstrapPlan one = planner.plan(s, List.of(offer("h1")), NOW);
    assertThat(one).isInstanceOfSatisfying(BootstrapPlan.Waiting.class, w -> {
      assertThat(w.keepOffers()).containsExactly("o-h1");
      assertThat(w.reasons().get(ServerId.of(1))).containsExactly("hostname=unique: h1 is used by server 0");
      assertThat(w.reasons()).containsOnlyKeys(ServerId.of(1), ServerId.of(2));
    });
    BootstrapPlan all = planner.plan(s, List.of(offer("h1"), offer("h2"), offer("h1b"), offer("h3")), NOW);
    assertThat(all).isInstanceOfSatisfying(BootstrapPlan.Ready.class, r -> {
      assertThat(r.placements()).extracting(p -> p.agent().hostname()).containsExactly("h1", "h2", "h1b");
      assertThat(r.placements()).extracting(Placement::server).containsExactly(ServerId.of(0), ServerId.of(1), ServerId.of(2));
      assertThat(r.myids()).containsExactly(Map.entry(ServerId.of(0), 1), Map.entry(ServerId.of(1), 2), Map.entry(ServerId.of(2), 3));
    });
  }

  @Test
  public void exhibitorModePlacesTheInitialMembersOnTheSamePortsAndRecordsThem() {
    ClusterState s = threeStarted().withMode(ServerMode.EXHIBITOR);
    Offer late = new Offer("o-h3", "a-h3", AgentAttributes.ofHost("h3"), "exhibitor",
        new Offer.OfferedResources(4, 4096, 10_000, PortRange.parseList("31002..31010")), List.of());
    BootstrapPlan waiting = planner.plan(s, List.of(offer("h1"), offer("h2"), late), NOW);
    assertThat(waiting).isInstanceOfSatisfying(BootstrapPlan.Waiting.class, w -> assertThat(w.reasons()
        .get(ServerId.of(2))).contains("port 31000 (the ensemble's client port) is not offered"));
    BootstrapPlan ready = planner.plan(s, List.of(offer("h1"), offer("h2"), offer("h3")), NOW);
    assertThat(ready).isInstanceOfSatisfying(BootstrapPlan.Ready.class, r -> {
      assertThat(r.placements()).extracting(Placement::ports).containsOnly(new Ports(31000, 31001, 31002, 31003));
      assertThat(BootstrapPlanner.recordBootstrap(s, r).ensemble().sharedPorts())
          .contains(new Ports(31000, 31001, 31002, 31003));
    });
    assertThat(planner.plan(threeStarted(), List.of(offer("h1"), offer("h2"), offer("h3")), NOW))
        .isInstanceOfSatisfying(BootstrapPlan.Ready.class, r -> assertThat(BootstrapPlanner
            .recordBootstrap(threeStarted(), r).ensemble().sharedPorts()).as("native mode").isEmpty());
  }

  @Test
  public void noOffersMeansWaitingWithAReason() {
    BootstrapPlan p = planner.plan(threeStarted(), List.of(), NOW);
    assertThat(p).isInstanceOfSatisfying(BootstrapPlan.Waiting.class, w -> {
      assertThat(w.keepOffers()).isEmpty();
      assertThat(w.reasons().values()).allSatisfy(r -> assertThat(r).containsExactly("waiting for offers"));
    });
  }

  @Test
  public void recordingTheBootstrapGivesEveryMemberItsMyidAndIsNeverRepeated() {
    ClusterState s = threeStarted();
    BootstrapPlan.Ready ready = (BootstrapPlan.Ready) planner.plan(s, List.of(offer("a"), offer("b"), offer("c")), NOW);
    ClusterState recorded = BootstrapPlanner.recordBootstrap(s, ready);
    assertThat(recorded.ensemble().bootstrapped()).isTrue();
    assertThat(recorded.ensemble().bootstrapMyids()).containsExactly(1, 2, 3);
    assertThat(recorded.ensemble().nextMyid()).isEqualTo(4);
    assertThat(recorded.servers().get(ServerId.of(2)).identity()).isEqualTo(Identity.of(3, Identity.Membership.JOINING));
    assertThat(QuorumGuard.voters(recorded)).hasSize(3);
    assertThatThrownBy(() -> planner.plan(recorded, List.of(), NOW)).hasMessageContaining("never bootstrapped again");
  }
}

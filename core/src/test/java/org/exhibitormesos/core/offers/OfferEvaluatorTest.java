package org.exhibitormesos.core.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.lifecycle.Lifecycle;
import org.exhibitormesos.core.lifecycle.LifecycleEvent;
import org.exhibitormesos.core.offers.Offer.OfferedResources;
import org.exhibitormesos.core.offers.Offer.OfferedVolume;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.placement.Constraints;
import org.exhibitormesos.core.server.FailureRecord;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.LastPlacement;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.PortRange;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Resources;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.ServerMode;
import org.testng.annotations.Test;

public class OfferEvaluatorTest {
  static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  static final List<PortRange> PORTS = PortRange.parseList("31000..31099");
  static final String ROLE = "exhibitor";

  private final OfferEvaluator evaluator = new OfferEvaluator(id -> "zk-" + id + "-vol");

  static Offer offer(String host, String rack, double cpus, double mem, double disk, List<PortRange> ports) {
    return new Offer("offer-" + host, "agent-" + host, new AgentAttributes(host, Map.of("rack", rack)), ROLE,
        new OfferedResources(cpus, mem, disk, ports), List.of());
  }

  static Offer big(String host, String rack) {
    return offer(host, rack, 8, 8192, 100_000, PORTS);
  }

  static Server waiting(int id, ServerSettings settings) {
    Server added = Server.added(ServerId.of(id), settings);
    return Lifecycle.apply(added, new LifecycleEvent.Start(), NOW).server();
  }

  static ClusterState state(Server... servers) {
    ClusterState s = ClusterState.initial("0123456789abcdef").withMode(ServerMode.NATIVE);
    for (Server server : servers) {
      s = s.withServer(server);
    }
    return s;
  }

  /** Applies the placements of an evaluation as the scheduler would: the servers get tasks. */
  static ClusterState launch(ClusterState state, Evaluation e) {
    for (Placement p : e.placements()) {
      Task t = Task.launched("task-" + p.server(), "exec-" + p.server(), p.agentId(), p.agent(), p.ports(),
          LaunchKind.BOOTSTRAP, NOW);
      Optional<Reservation> r = p.volume().volumeReservation();
      state = state.updateServer(p.server(), s -> Lifecycle.apply(s,
          new LifecycleEvent.Launched(t, Identity.NONE, r), NOW).server());
    }
    return state;
  }

  @Test
  public void uniqueHostnamePlacesOneServerPerAgentAndExplainsTheRest() {
    ClusterState st = state(waiting(0, ServerSettings.DEFAULT), waiting(1, ServerSettings.DEFAULT),
        waiting(2, ServerSettings.DEFAULT));
    Evaluation e = evaluator.evaluate(big("127.0.0.2", "r1"), st, NOW);
    assertThat(e.placements()).extracting(Placement::server).containsExactly(ServerId.of(0));
    assertThat(e.declineReasons()).containsExactly(
        "server 1: hostname=unique: 127.0.0.2 is used by server 0",
        "server 2: hostname=unique: 127.0.0.2 is used by server 0");
    Placement p = e.placements().get(0);
    assertThat(p.ports()).isEqualTo(new Ports(31000, 31001, 31002, 31003));
    assertThat(p.resources()).isEqualTo(Resources.DEFAULT);
    assertThat(p.volume()).isEqualTo(new VolumePlan.NewVolume(new Reservation("agent-127.0.0.2",
        new AgentAttributes("127.0.0.2", Map.of("rack", "r1")), ROLE, "zk-0-vol", "zkdata", p.ports()), 1024));

    st = launch(st, e);
    Evaluation second = evaluator.evaluate(big("127.0.0.3", "r2"), st, NOW);
    assertThat(second.placements()).extracting(Placement::server).containsExactly(ServerId.of(1));
    assertThat(second.declineReasons()).containsExactly("server 2: hostname=unique: 127.0.0.3 is used by server 1");
  }

  @Test
  public void severalServersShareAnOfferWhenResourcesAndConstraintsAllow() {
    ServerSettings free = ServerSettings.DEFAULT.withConstraints(Constraints.NONE);
    ClusterState st = state(waiting(0, free), waiting(1, free), waiting(2, free));
    Evaluation e = evaluator.evaluate(offer("h", "r1", 0.5, 1024, 10_000, PORTS), st, NOW);
    assertThat(e.placements()).extracting(Placement::server).containsExactly(ServerId.of(0), ServerId.of(1));
    assertThat(e.placements().get(1).ports()).isEqualTo(new Ports(31004, 31005, 31006, 31007));
    assertThat(e.declineReasons()).containsExactly("server 2: needs cpus 0.2, offer has 0.1");
  }

  @Test
  public void everyReasonIsGivenNotJustTheFirst() {
    ServerSettings s = ServerSettings.DEFAULT.withConstraints(Constraints.parse("rack=like:r9,hostname=unique"))
        .withResources(new Resources(2, 4096, 100));
    Evaluation e = evaluator.evaluate(offer("h", "r1", 1, 512, 50, PortRange.parseList("31000..31002")),
        state(waiting(0, s)), NOW);
    assertThat(e.accepts()).isFalse();
    assertThat(e.notPlaced().get(ServerId.of(0))).containsExactly(
        "rack=like:r9: r1 does not match",
        "needs cpus 2, offer has 1",
        "needs mem 4096, offer has 512",
        "needs disk 100, offer has 50",
        "no free port for admin");
  }

  @Test
  public void missingAttributeIsNamed() {
    ServerSettings s = ServerSettings.DEFAULT.withConstraints(Constraints.parse("zone=unique"));
    Offer noZone = big("h", "r1");
    assertThat(evaluator.evaluate(noZone, state(waiting(0, s)), NOW).declineReasons())
        .containsExactly("server 0: zone=unique: no zone");
  }

  @Test
  public void pinnedPortsAreHonouredOrExplained() {
    ServerSettings pinned = ServerSettings.DEFAULT.withSharedOverrides(Map.of("client-port", "31050"));
    Evaluation ok = evaluator.evaluate(big("h", "r1"), state(waiting(0, pinned)), NOW);
    assertThat(ok.placements().get(0).ports()).isEqualTo(new Ports(31050, 31000, 31001, 31002));

    ServerSettings outside = ServerSettings.DEFAULT.withSharedOverrides(Map.of("client-port", "2181"));
    assertThat(evaluator.evaluate(big("h", "r1"), state(waiting(0, outside)), NOW).declineReasons())
        .containsExactly("server 0: port 2181 (client-port) is not offered");
  }

  @Test
  public void adminPortComesFromTheAllowedRanges() {
    ServerSettings ui = ServerSettings.DEFAULT.withAdminPorts(PortRange.parseList("31090..31095"));
    Evaluation e = evaluator.evaluate(big("h", "r1"), state(waiting(0, ui)), NOW);
    assertThat(e.placements().get(0).ports()).isEqualTo(new Ports(31000, 31001, 31002, 31090));
    ServerSettings none = ServerSettings.DEFAULT.withAdminPorts(PortRange.parseList("40000..40010"));
    assertThat(evaluator.evaluate(big("h", "r1"), state(waiting(0, none)), NOW).declineReasons())
        .containsExactly("server 0: no free admin port in 40000..40010");
  }

  @Test
  public void exhibitorModeSharesTheFourPortsAcrossTheEnsemble() {
    ClusterState st = state(waiting(0, ServerSettings.DEFAULT), waiting(1, ServerSettings.DEFAULT))
        .withMode(ServerMode.EXHIBITOR);
    Evaluation first = evaluator.evaluate(big("a", "r1"), st, NOW);
    Ports ports = first.placements().get(0).ports();
    st = launch(st, first).withEnsemble(st.ensemble().withSharedPorts(Optional.of(ports)));
    // The second agent offers the ports from 31001 only: client port 31000 is missing there.
    Evaluation second = evaluator.evaluate(offer("b", "r2", 8, 8192, 100_000, PortRange.parseList("31001..31099")),
        st, NOW);
    assertThat(second.declineReasons()).containsExactly("server 1: port 31000 (the ensemble's client port) is not offered");
    Evaluation third = evaluator.evaluate(big("c", "r3"), st, NOW);
    Ports p = third.placements().get(0).ports();
    assertThat(List.of(p.client(), p.peer(), p.election())).containsExactly(ports.client(), ports.peer(), ports.election());
    // Exhibitor calls the other members' REST APIs on its own port: the UI port is shared too.
    assertThat(p.admin()).isEqualTo(ports.admin());
    Evaluation noUi = evaluator.evaluate(offer("d", "r4", 8, 8192, 100_000, PortRange.parseList("31000..31002")),
        st, NOW);
    assertThat(noUi.declineReasons())
        .containsExactly("server 1: port 31003 (the ensemble's Exhibitor UI port) is not offered");
  }

  @Test
  public void roleStarMeansDataInTheSandbox() {
    Offer star = new Offer("o", "agent", AgentAttributes.ofHost("h"), "*",
        new OfferedResources(8, 8192, 100_000, PORTS), List.of());
    Evaluation e = evaluator.evaluate(star, state(waiting(0, ServerSettings.DEFAULT)), NOW);
    assertThat(e.placements().get(0).volume()).isEqualTo(new VolumePlan.Sandbox());
    assertThat(e.placements().get(0).volume().keepsData()).isFalse();
  }

  private static Server withVolume(int id, Reservation r, Instant leftAt) {
    Server s = waiting(id, ServerSettings.DEFAULT).withReservation(Optional.of(r))
        .withIdentity(Identity.of(id + 1, Identity.Membership.VOTER))
        .withLastPlacement(Optional.of(new LastPlacement(r.agentId(), r.hostname(), leftAt)));
    return s;
  }

  @Test
  public void serverWithAVolumeRelaunchesOnItWithTheSamePorts() {
    Ports ports = new Ports(31010, 31011, 31012, 31013);
    Reservation r = new Reservation("agent-old-id", AgentAttributes.ofHost("a"), ROLE, "zk-0-vol", "zkdata", ports);
    ClusterState st = state(withVolume(0, r, NOW.minusSeconds(5)));
    OfferedVolume v = new OfferedVolume("zk-0-vol", "zkdata",
        new OfferedResources(0.2, 256, 1024, PortRange.parseList("31010..31013")));
    // The agent re-registered with a new id: the volume is matched by hostname and persistence id.
    Offer offer = new Offer("o", "agent-new-id", AgentAttributes.ofHost("a"), ROLE,
        new OfferedResources(1, 1024, 1000, PORTS), List.of(v));
    Evaluation e = evaluator.evaluate(offer, st, NOW);
    Placement p = e.placements().get(0);
    assertThat(p.volume()).isEqualTo(new VolumePlan.ExistingVolume(r.onAgent("agent-new-id")));
    assertThat(p.volume().keepsData()).isTrue();
    assertThat(p.ports()).isEqualTo(ports);
    assertThat(p.resources()).isEqualTo(new Resources(0.2, 256, 1024));
  }

  @Test
  public void serverWaitsForItsVolumeWhileStickyThenMoves() {
    Ports ports = new Ports(31010, 31011, 31012, 31013);
    Reservation r = new Reservation("agent-a", AgentAttributes.ofHost("a"), ROLE, "zk-0-vol", "zkdata", ports);
    ClusterState st = state(withVolume(0, r, NOW.minusSeconds(60)));
    Evaluation e = evaluator.evaluate(big("b", "r2"), st, NOW);
    assertThat(e.declineReasons()).containsExactly(
        "server 0: waits for its volume on a until " + NOW.minusSeconds(60).plus(Duration.ofMinutes(10)));
    Evaluation later = evaluator.evaluate(big("b", "r2"), st, NOW.plus(Duration.ofMinutes(10)));
    assertThat(later.placements().get(0).volume()).isInstanceOf(VolumePlan.NewVolume.class);
  }

  @Test
  public void serverWithoutVolumeSticksToItsPreviousAgent() {
    Server s = waiting(0, ServerSettings.DEFAULT)
        .withLastPlacement(Optional.of(new LastPlacement("agent-a", "a", NOW.minusSeconds(1))));
    ClusterState st = state(s);
    assertThat(evaluator.evaluate(big("b", "r1"), st, NOW).declineReasons()).containsExactly(
        "server 0: sticks to its previous agent a until " + NOW.minusSeconds(1).plus(Duration.ofMinutes(10)));
    assertThat(evaluator.evaluate(big("a", "r1"), st, NOW).placements()).hasSize(1);
  }

  @Test
  public void serversWaitingOutAFailoverDelayAreNotConsidered() {
    Server delayed = waiting(0, ServerSettings.DEFAULT)
        .withFailures(new FailureRecord(2, Optional.of(NOW.plusSeconds(5)), Optional.of("TASK_FAILED")));
    Evaluation e = evaluator.evaluate(big("a", "r1"), state(delayed), NOW);
    assertThat(e.accepts()).isFalse();
    assertThat(e.notPlaced()).isEmpty();
    assertThat(evaluator.evaluate(big("a", "r1"), state(delayed), NOW.plusSeconds(5)).placements()).hasSize(1);
  }

  @Test
  public void releasedVolumesOnThisAgentAreDestroyed() {
    Reservation gone = new Reservation("agent-a", AgentAttributes.ofHost("a"), ROLE, "zk-9-vol", "zkdata",
        new Ports(31020, 31021, 31022, 31023));
    OfferedVolume v = new OfferedVolume("zk-9-vol", "zkdata", new OfferedResources(0.2, 256, 1024, List.of()));
    Offer offer = new Offer("o", "agent-a", AgentAttributes.ofHost("a"), ROLE,
        new OfferedResources(0, 0, 0, List.of()), List.of(v));
    Evaluation e = evaluator.evaluate(offer, state().withReleases(List.of(gone)), NOW);
    assertThat(e.releases()).containsExactly(gone);
    assertThat(e.accepts()).isTrue();
    assertThat(evaluator.evaluate(big("b", "r1"), state().withReleases(List.of(gone)), NOW).releases()).isEmpty();
  }

  @Test
  public void groupByThreeSpreadsFiveServersOverThreeRacks() {
    ServerSettings s = ServerSettings.DEFAULT.withConstraints(Constraints.parse("rack=groupBy:3"));
    ClusterState st = state(waiting(0, s), waiting(1, s), waiting(2, s), waiting(3, s), waiting(4, s));
    String[][] agents = {{"h1", "r1"}, {"h2", "r1"}, {"h3", "r2"}, {"h4", "r2"}, {"h5", "r3"}, {"h6", "r3"}};
    Map<String, Integer> perRack = new HashMap<>();
    // Offers arrive round-robin over the agents until every server is placed.
    for (int round = 0; round < 4; round++) {
      for (String[] a : agents) {
        Evaluation e = evaluator.evaluate(offer(a[0], a[1], 1, 1024, 10_000, PORTS), st, NOW);
        e.placements().forEach(p -> perRack.merge(p.agent().attributes().get("rack"), 1, Integer::sum));
        st = launch(st, e);
      }
    }
    assertThat(perRack.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    assertThat(perRack).containsOnlyKeys("r1", "r2", "r3");
    assertThat(new ArrayList<>(perRack.values())).allSatisfy(n -> assertThat(n).isBetween(1, 2));
  }

  @Test
  public void evaluationIsDeterministic() {
    ClusterState st = state(waiting(0, ServerSettings.DEFAULT), waiting(1, ServerSettings.DEFAULT));
    assertThat(evaluator.evaluate(big("a", "r1"), st, NOW)).isEqualTo(evaluator.evaluate(big("a", "r1"), st, NOW));
  }

  @Test
  public void alikeServersAreDeclinedWithTheReasonsEachWouldGetAlone() {
    // Equal, not identical, settings (as decoded from storage); then one with a bigger need.
    ServerSettings small = ServerSettings.DEFAULT.withConstraints(Constraints.parse("hostname=unique,rack=groupBy:2"));
    List<Server> servers = new ArrayList<>();
    for (int id = 0; id < 5; id++) {
      servers.add(waiting(id, ServerSettings.DEFAULT.withConstraints(Constraints.parse("hostname=unique,rack=groupBy:2"))));
    }
    servers.add(waiting(5, small.withResources(new Resources(16, 256, 1024))));
    ClusterState all = state(servers.toArray(new Server[0]));
    Offer offer = offer("h1", "r1", 8, 8192, 100_000, PORTS);

    Evaluation together = evaluator.evaluate(offer, all, NOW);

    assertThat(together.placements()).extracting(Placement::server).containsExactly(ServerId.of(0));
    for (int id = 1; id < 5; id++) {
      // Alone but for server 0 already placed there, each server gets exactly the same reasons.
      ClusterState alone = state(servers.get(id)).withServer(launchedOn(servers.get(0), offer));
      assertThat(together.notPlaced().get(ServerId.of(id)))
          .isEqualTo(evaluator.evaluate(offer, alone, NOW).notPlaced().get(ServerId.of(id)));
    }
    // Server 5's settings differ: its own reasons, with what server 0 left of the offer.
    assertThat(together.notPlaced().get(ServerId.of(5))).contains("needs cpus 16, offer has 7.8");
  }

  private static Server launchedOn(Server s, Offer offer) {
    Task task = Task.launched("t-" + s.id(), "e-" + s.id(), offer.agentId(), offer.agent(),
        new Ports(31000, 31001, 31002, 31003), LaunchKind.JOIN, NOW);
    return Lifecycle.apply(s, new LifecycleEvent.Launched(task, Identity.NONE, Optional.empty()), NOW).server();
  }
}

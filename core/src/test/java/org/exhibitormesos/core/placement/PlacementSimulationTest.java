package org.exhibitormesos.core.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.core.placement.Agents.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.exhibitormesos.core.ids.ServerId;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Places the servers of an ensemble one by one: each server takes the first agent, in offer order,
 * that its constraints accept given the servers placed before it.
 */
public class PlacementSimulationTest {

  /** Three racks with three agents each: s1a, s1b, s1c on r1, and so on. */
  private static final List<AgentAttributes> RACKED_AGENTS = racks(3, 3);

  private static List<AgentAttributes> racks(int racks, int hostsPerRack) {
    List<AgentAttributes> agents = new ArrayList<>();
    for (int host = 0; host < hostsPerRack; host++) {
      for (int rack = 1; rack <= racks; rack++) {
        agents.add(agent("s" + rack + (char) ('a' + host), "rack", "r" + rack, "zone", "z1"));
      }
    }
    return agents;
  }

  /** @return the agent each server took, in order; empty where no offer fitted */
  private static List<Optional<AgentAttributes>> place(String constraintText, int servers,
      List<AgentAttributes> offers) {
    Constraints constraints = Constraints.parse(constraintText);
    List<PlacedServer> placed = new ArrayList<>();
    List<Optional<AgentAttributes>> result = new ArrayList<>();
    for (int id = 0; id < servers; id++) {
      Optional<AgentAttributes> chosen = Optional.empty();
      for (AgentAttributes offer : offers) {
        if (constraints.evaluate(offer, placed).passed()) {
          chosen = Optional.of(offer);
          break;
        }
      }
      int serverId = id;
      chosen.ifPresent(agent -> placed.add(new PlacedServer(ServerId.of(serverId), agent)));
      result.add(chosen);
    }
    return result;
  }

  private static Map<String, Integer> countsBy(String attribute,
      List<Optional<AgentAttributes>> placements) {
    Map<String, Integer> counts = new TreeMap<>();
    placements.stream().flatMap(Optional::stream)
        .forEach(agent -> counts.merge(agent.value(attribute).orElseThrow(), 1, Integer::sum));
    return counts;
  }

  @DataProvider
  public Object[][] ensembles() {
    return new Object[][] {
        // groupBy:3 spreads five servers over three racks: 2/2/1
        {"rack=groupBy:3", 5, Map.of("r1", 2, "r2", 2, "r3", 1), 5},
        {"hostname=unique,rack=groupBy:3", 5, Map.of("r1", 2, "r2", 2, "r3", 1), 5},
        {"rack=groupBy:2", 5, Map.of("r1", 3, "r2", 2), 5},
        // bare groupBy keeps everyone on the first rack used
        {"rack=groupBy", 3, Map.of("r1", 3), 3},
        {"hostname=unique,rack=groupBy", 5, Map.of("r1", 3), 3},
        // cluster:V pins the rack; unique hosts there run out after three
        {"rack=cluster:r2,hostname=unique", 4, Map.of("r2", 3), 3},
        {"rack=cluster", 4, Map.of("r1", 4), 4},
        {"rack=unique", 4, Map.of("r1", 1, "r2", 1, "r3", 1), 3},
        // one zone cannot make two groups: only the first server fits
        {"zone=groupBy:2", 3, Map.of("z1", 1), 1},
    };
  }

  @Test(dataProvider = "ensembles")
  public void placesServersOneByOne(String constraints, int servers,
      Map<String, Integer> expectedPerRackOrZone, int expectedPlaced) {
    List<Optional<AgentAttributes>> placements = place(constraints, servers, RACKED_AGENTS);
    String attribute = expectedPerRackOrZone.keySet().iterator().next().startsWith("z")
        ? "zone" : "rack";

    assertThat(placements.stream().filter(Optional::isPresent).count()).isEqualTo(expectedPlaced);
    assertThat(countsBy(attribute, placements)).isEqualTo(expectedPerRackOrZone);
  }

  @Test
  public void groupByThreeChoosesRacksInOrderAndExplainsDeclines() {
    List<Optional<AgentAttributes>> placements = place("rack=groupBy:3", 5, RACKED_AGENTS);

    assertThat(placements).extracting(p -> p.orElseThrow().value("rack").orElseThrow())
        .containsExactly("r1", "r2", "r3", "r1", "r2");

    List<PlacedServer> firstFour = List.of(
        new PlacedServer(ServerId.of(0), placements.get(0).orElseThrow()),
        new PlacedServer(ServerId.of(1), placements.get(1).orElseThrow()),
        new PlacedServer(ServerId.of(2), placements.get(2).orElseThrow()),
        new PlacedServer(ServerId.of(3), placements.get(3).orElseThrow()));
    assertThat(Constraints.parse("rack=groupBy:3").evaluate(RACKED_AGENTS.get(0), firstFour)
        .reasons()).containsExactly("rack=groupBy:3: r1 already holds 2 servers, least used is 1"
            + " (r2, r3)");
  }

  @Test
  public void hostnameUniqueGivesThreeServersThreeHosts() {
    List<AgentAttributes> offers = List.of(agent("a"), agent("b"), agent("c"));

    List<Optional<AgentAttributes>> placements = place("hostname=unique", 4, offers);

    assertThat(placements.subList(0, 3)).extracting(p -> p.orElseThrow().hostname())
        .containsExactly("a", "b", "c");
    assertThat(placements.get(3)).isEmpty();
    List<PlacedServer> three = List.of(
        new PlacedServer(ServerId.of(0), agent("a")),
        new PlacedServer(ServerId.of(1), agent("b")),
        new PlacedServer(ServerId.of(2), agent("c")));
    assertThat(Constraints.parse("hostname=unique").evaluate(agent("b"), three).reasons())
        .containsExactly("hostname=unique: b is used by server 1");
  }

  @Test
  public void combinedConstraintsNameEveryReason() {
    Constraints constraints = Constraints.parse("hostname=unique,rack=groupBy:3");
    List<PlacedServer> others = List.of(
        new PlacedServer(ServerId.of(0), agent("s1a", "rack", "r1")),
        new PlacedServer(ServerId.of(1), agent("s2a", "rack", "r2")));

    assertThat(constraints.evaluate(agent("s1a", "rack", "r1"), others).reasons()).containsExactly(
        "hostname=unique: s1a is used by server 0",
        "rack=groupBy:3: r1 already holds server 0 while 2 of 3 groups are in use;"
            + " a new value is needed");
    assertThat(constraints.evaluate(agent("s3a", "rack", "r3"), others).passed()).isTrue();
  }
}

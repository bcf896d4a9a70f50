package org.exhibitormesos.it.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.it.fault.FaultEnsemble.allRunningAndServing;
import static org.exhibitormesos.it.fault.FaultEnsemble.endpoints;
import static org.exhibitormesos.it.fault.FaultEnsemble.server;
import static org.exhibitormesos.it.fault.FaultEnsemble.servers;
import static org.exhibitormesos.it.fault.FaultEnsemble.text;

import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.testng.ITestContext;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Placement by constraints on agents with rack attributes (6 agents, two per rack r1..r3): a
 * 3-server ensemble spread by {@code hostname=unique,rack=groupBy:3}, grown to 5 servers by
 * {@code rack=like:r[12]} and {@code rack=unlike:r3}, a sixth by bare {@code groupBy} (joins the
 * least-used rack), and a server no agent satisfies, which stays unplaced and says why. A checker
 * writes throughout; every acknowledged write must be on every member.
 */
public class PlacementFaultIT {
  private static final Duration CONVERGE = Duration.ofSeconds(150);

  private FaultEnsemble e;
  private final Map<String, String> rackOfHost = new HashMap<>();

  @BeforeClass
  public void startMesosAndScheduler() throws Exception {
    e = FaultEnsemble.start("placement", List.of("rack:r1", "rack:r1", "rack:r2", "rack:r2", "rack:r3", "rack:r3"),
        Optional.empty());
    for (MesosLocal.AgentView a : e.mesos().agents()) {
      rackOfHost.put(a.endpoint().host(), a.attributes().replaceAll(".*rack:([^;]*).*", "$1"));
    }
  }

  @AfterClass(alwaysRun = true)
  public void close(ITestContext context) throws Exception {
    if (e != null) {
      e.close();
      if (context.getFailedTests().size() == 0) {
        e.deleteWork();
      }
    }
  }

  @Test(timeOut = 420_000)
  public void constraintsPlaceThreeThenFiveServersAndAnUnplaceableServerSaysWhy() throws Exception {
    long t0 = System.nanoTime();
    e.ok("/api/add?id=0..2&mem=160&constraints=" + enc("hostname=unique,rack=groupBy:3"));
    e.ok("/api/start?id=0..2&timeout=150s");
    JsonObject three = e.await("three serving members", CONVERGE, s -> allRunningAndServing(s, 3));
    String threeTook = Figures.seconds(t0);
    List<String> racks = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (JsonObject s : servers(three)) {
      hosts.add(text(s, "hostname"));
      racks.add(rackOf(s));
    }
    assertThat(hosts).as("hostname=unique").doesNotHaveDuplicates();
    assertThat(racks).as("rack=groupBy:3").containsExactlyInAnyOrder("r1", "r2", "r3");

    try (WriteChecker checker = WriteChecker.start(e.connectString(), "/fault/placement")) {
      long t1 = System.nanoTime();
      e.ok("/api/add?id=3&mem=160&constraints=" + enc("rack=like:r[12]"));
      e.ok("/api/add?id=4&mem=160&constraints=" + enc("rack=unlike:r3"));
      e.ok("/api/start?id=3,4&timeout=150s");
      JsonObject five = e.await("five serving members", CONVERGE, s -> allRunningAndServing(s, 5));
      String fiveTook = Figures.seconds(t1);
      assertThat(rackOf(server(five, 3))).as("rack=like:r[12]").isIn("r1", "r2");
      assertThat(rackOf(server(five, 4))).as("rack=unlike:r3").isIn("r1", "r2");

      // Bare groupBy is one group: with three racks in use, a new server joins a least-used one.
      Map<String, Integer> perRack = new HashMap<>();
      servers(five).forEach(s -> perRack.merge(rackOf(s), 1, Integer::sum));
      int least = perRack.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
      List<String> leastUsed = perRack.keySet().stream().filter(r -> perRack.get(r) == least).toList();
      e.ok("/api/add?id=5&mem=160&constraints=rack%3DgroupBy");
      e.ok("/api/start?id=5&timeout=150s");
      JsonObject six = e.await("six serving members", CONVERGE, s -> allRunningAndServing(s, 6));
      assertThat(rackOf(server(six, 5))).as("rack=groupBy with " + perRack).isIn(leastUsed);

      e.ok("/api/add?id=6&mem=160&constraints=" + enc("rack=like:r9"));
      e.api().get("/api/start?id=6&timeout=2s");
      JsonObject unplaced = e.await("server 6 says why it is not placed", Duration.ofSeconds(60),
          s -> text(server(s, 6), "reason") != null && text(server(s, 6), "reason").contains("rack=like:r9"));
      assertThat(text(server(unplaced, 6), "state")).isNotEqualTo("Running");
      assertThat(text(server(unplaced, 6), "taskId")).isNull();
      Figures.report("placement", "3 servers placed and serving in " + threeTook + ", grown to 5 in " + fiveTook
          + "; unplaced server 6: " + text(server(unplaced, 6), "reason"));
      e.ok("/api/remove?id=6");

      WriteChecker.Figures figures = checker.stop();
      Figures.report("placement", figures.toString());
      checker.assertAllReadableFrom(endpoints(e.status()));
    }
  }

  private String rackOf(JsonObject server) {
    return rackOfHost.get(text(server, "hostname"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

package org.exhibitormesos.it.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.it.fault.FaultEnsemble.allRunningAndServing;
import static org.exhibitormesos.it.fault.FaultEnsemble.endpoints;
import static org.exhibitormesos.it.fault.FaultEnsemble.members;
import static org.exhibitormesos.it.fault.FaultEnsemble.server;
import static org.exhibitormesos.it.fault.FaultEnsemble.text;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.exhibitormesos.it.ControlApiClient;
import org.testng.ITestContext;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Faults one ensemble survives whole, on one shared 3-server ensemble (5 agents, so servers can be
 * added): a member's ZooKeeper killed with SIGKILL, and seeded random rounds of stop, start,
 * remove and add. A checker writes through the connection string throughout each scenario; every
 * acknowledged write must then be on every serving member.
 */
public class HealthyEnsembleFaultIT {
  private static final Duration CONVERGE = Duration.ofSeconds(120);

  private FaultEnsemble e;

  @BeforeClass
  public void bootstrap() throws Exception {
    e = FaultEnsemble.start("healthy", List.of("rack:r1", "rack:r2", "rack:r3", "rack:r1", "rack:r2"),
        Optional.empty());
    long t0 = System.nanoTime();
    e.ok("/api/add?id=0..2&mem=160");
    e.ok("/api/config?id=0..2&failover-delay=1s");
    e.ok("/api/start?id=0..2&timeout=120s");
    e.await("three serving members", CONVERGE, s -> allRunningAndServing(s, 3));
    Figures.report("bootstrap", "3 servers Running and serving in " + Figures.seconds(t0));
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

  @Test(priority = 0, timeOut = 180_000)
  public void thousandsOfBadRequestsAre4xxAndChangeNothing() throws Exception {
    long seed = Seeds.seed("fault.fuzz.seed");
    List<BadRequests.Request> requests = new BadRequests(seed).generate(3000);
    JsonObject statusBefore = e.status();
    byte[] before = e.settledState();
    long t0 = System.nanoTime();
    Map<Integer, Integer> byStatus = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (BadRequests.Request r : requests) {
      int status;
      try {
        status = RawHttp.send("127.0.0.1", e.apiPort(), r.method(), r.path(), r.contentType(), r.body());
      } catch (IOException ex) {
        // A server may close the connection while a body over its limit is still being sent.
        status = r.body() != null && r.body().length() > 64 * 1024 ? 413 : -1;
        if (status < 0) {
          wrong.add(r + " -> " + ex);
        }
      }
      byStatus.merge(status, 1, Integer::sum);
      if (status < 400 || status > 499) {
        wrong.add(r + " -> " + status);
      }
    }
    Figures.report("API fuzz (seed " + seed + ")", requests.size() + " requests in " + Figures.seconds(t0)
        + ", answers by status " + byStatus);
    assertThat(wrong).as("requests not answered with a 4xx (seed " + seed + ")").isEmpty();
    String after = Files.readString(e.stateFile());
    assertThat(after).as("state file unchanged").isEqualTo(new String(before, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(FaultEnsemble.taskIds(e.status())).isEqualTo(FaultEnsemble.taskIds(statusBefore));
    assertThat(e.scheduler().alive()).isTrue();
  }

  @Test(priority = 1, timeOut = 240_000)
  public void aKilledZooKeeperIsRelaunchedOnItsVolumeAndRejoinsWithItsData() throws Exception {
    try (WriteChecker checker = WriteChecker.start(e.connectString(), "/fault/kill9")) {
      Thread.sleep(1500);
      JsonObject before = e.status();
      int leaderMyid = members(before).stream().filter(m -> m.get("mode").getAsString().equals("leader"))
          .findFirst().orElseThrow().get("myid").getAsInt();
      JsonObject victim = FaultEnsemble.servers(before).stream()
          .filter(s -> s.get("myid").getAsInt() == leaderMyid).findFirst().orElseThrow();
      int id = victim.get("id").getAsInt();
      String host = text(victim, "hostname");
      String oldTask = text(victim, "taskId");
      List<ProcessHandle> zk = e.zooKeepersOn(host);
      assertThat(zk).as("the ZooKeeper process on " + host).hasSize(1);

      long t0 = System.nanoTime();
      zk.get(0).destroyForcibly();
      awaitTaskState(oldTask, "TASK_FAILED");
      JsonObject after = e.await("server " + id + " relaunched and all serving", CONVERGE,
          s -> !oldTask.equals(text(server(s, id), "taskId")) && allRunningAndServing(s, 3));
      String converged = Figures.seconds(t0);
      Thread.sleep(1500);
      WriteChecker.Figures figures = checker.stop();
      Figures.report("kill-9 of the leader's ZooKeeper", figures + ", relaunched and serving after " + converged);

      JsonObject relaunched = server(after, id);
      assertThat(text(relaunched, "hostname")).as("same agent").isEqualTo(host);
      assertThat(text(relaunched, "volume")).as("same volume").isEqualTo(text(victim, "volume"));
      assertThat(relaunched.get("myid").getAsInt()).as("same identity").isEqualTo(leaderMyid);
      assertThat(e.liveTasks()).hasSize(3);
      checker.assertAllReadableFrom(endpoints(after));
      assertThat(figures.longestGap()).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test(priority = 2, timeOut = 900_000)
  public void randomRoundsOfStopStartRemoveAddKeepZooKeeperAndTheSchedulerAgreed() throws Exception {
    long seed = Seeds.seed("fault.rounds.seed");
    int rounds = Integer.getInteger("fault.rounds", 20);
    Random random = new Random(seed);
    List<String> log = new ArrayList<>();
    long slowestNanos = 0;
    long t0 = System.nanoTime();
    try (WriteChecker checker = WriteChecker.start(e.connectString(), "/fault/rounds")) {
      int nextId = 3;
      for (int round = 1; round <= rounds; round++) {
        JsonObject status = e.status();
        List<Integer> running = new ArrayList<>();
        List<Integer> stopped = new ArrayList<>();
        for (JsonObject s : FaultEnsemble.servers(status)) {
          (text(s, "desired").equals("active") ? running : stopped).add(s.get("id").getAsInt());
        }
        int voters = running.size() + stopped.size();
        int majority = voters / 2 + 1;
        List<String> choices = new ArrayList<>();
        if (running.size() - 1 >= majority) {
          choices.add("stop");
        } else {
          choices.add("refused-stop");
        }
        if (!stopped.isEmpty()) {
          choices.add("start");
          choices.add("start");
        }
        if (stopped.isEmpty() && voters > 3) {
          choices.add("remove");
        }
        if (stopped.isEmpty() && voters < 5) {
          choices.add("add");
        }
        String op = choices.get(random.nextInt(choices.size()));
        long r0 = System.nanoTime();
        int id;
        switch (op) {
          case "stop" -> {
            id = running.get(random.nextInt(running.size()));
            e.ok("/api/stop?id=" + id + "&timeout=60s");
          }
          case "refused-stop" -> {
            id = running.get(random.nextInt(running.size()));
            ControlApiClient.Answer refused = e.api().get("/api/stop?id=" + id + "&timeout=60s");
            assertThat(refused.status()).as("stop " + id + " with " + running.size() + " of " + voters
                + " voters running -> " + refused.body()).isEqualTo(409);
            assertThat(refused.message()).contains("quorum");
          }
          case "start" -> {
            id = stopped.get(random.nextInt(stopped.size()));
            e.ok("/api/start?id=" + id + "&timeout=120s");
          }
          case "remove" -> {
            id = running.get(random.nextInt(running.size()));
            e.ok("/api/remove?id=" + id);
          }
          default -> {
            id = nextId++;
            e.ok("/api/add?id=" + id + "&mem=160");
            e.ok("/api/config?id=" + id + "&failover-delay=1s");
            e.ok("/api/start?id=" + id + "&timeout=120s");
          }
        }
        JsonObject settled = settle();
        long took = System.nanoTime() - r0;
        slowestNanos = Math.max(slowestNanos, took);
        Set<Integer> zkVoters = Zk.committedVoters(String.join(",", endpoints(settled)));
        Set<Integer> schedulerVoters = FaultEnsemble.statusVoters(settled);
        log.add("round " + round + ": " + op + " " + id + " -> voters " + schedulerVoters + " ("
            + Duration.ofNanos(took).toMillis() + " ms)");
        assertThat(zkVoters).as("round " + round + " (" + op + " " + id + ", seed " + seed + "): /zookeeper/config vs "
            + "the scheduler's members; rounds so far:\n" + String.join("\n", log)).isEqualTo(schedulerVoters);
        Set<Integer> myids = new TreeSet<>();
        FaultEnsemble.servers(settled).forEach(s -> myids.add(s.get("myid").getAsInt()));
        assertThat(schedulerVoters).as("round " + round + ": voters are the servers' myids").isEqualTo(myids);
      }
      WriteChecker.Figures figures = checker.stop();
      Figures.report("random rounds (seed " + seed + ")", rounds + " rounds in " + Figures.seconds(t0)
          + ", slowest round settled in " + Duration.ofNanos(slowestNanos).toMillis() + " ms, " + figures);
      Figures.report("random rounds (seed " + seed + ")", String.join("; ", log));
      JsonObject end = e.status();
      checker.assertAllReadableFrom(endpoints(end));
    }
  }

  /**
   * Waits until every active server is Running, every inactive one has no task, the members are
   * exactly the servers' myids and every running member answers, and no change is in flight.
   */
  private JsonObject settle() throws Exception {
    return e.await("the ensemble settled", CONVERGE, s -> {
      Set<Integer> myids = new TreeSet<>();
      for (JsonObject server : FaultEnsemble.servers(s)) {
        boolean active = text(server, "desired").equals("active");
        if (active != "Running".equals(text(server, "state")) || server.get("myid") == null
            || server.get("myid").isJsonNull()) {
          return false;
        }
        myids.add(server.get("myid").getAsInt());
      }
      long running = FaultEnsemble.servers(s).stream().filter(x -> "Running".equals(text(x, "state"))).count();
      long answering = members(s).stream().filter(m -> !m.get("mode").getAsString().equals("unreachable")).count();
      return FaultEnsemble.statusVoters(s).equals(myids) && members(s).size() == myids.size() && answering == running
          && e.noMembershipChangeInFlight();
    });
  }

  /** The scheduler logged this task's status update in {@code state} (Mesos forgets a terminal task soon). */
  private void awaitTaskState(String taskId, String state) throws InterruptedException {
    org.exhibitormesos.it.Poll.until(Duration.ofSeconds(60), () -> e.schedulerLog().stream()
        .anyMatch(l -> l.contains(taskId) && l.contains("(" + state)) ? Optional.of(true) : Optional.empty())
        .orElseThrow(() -> new AssertionError("task " + taskId + " never reached " + state + "\n"
            + e.scheduler().tail()));
  }

}

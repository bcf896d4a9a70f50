package org.exhibitormesos.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.it.StatusJson.members;
import static org.exhibitormesos.it.StatusJson.server;
import static org.exhibitormesos.it.StatusJson.servers;
import static org.exhibitormesos.it.StatusJson.taskIds;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.exhibitormesos.mesos.local.MesosLocalConfig;
import org.exhibitormesos.mesos.local.agent.DirectoryVolumeStore;
import org.testng.ITestContext;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The scheduler end to end, over real HTTP: its runnable jar as a process on mesos-local (3 agents
 * in this JVM, executors and ZooKeeper as real processes from the executor module's build). The
 * tests share one ensemble and run in order; each leaves it whole for the next.
 */
public class SchedulerEndToEndIT {
  private static final String ROLE = "exhibitor";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final String ZNODE = "/e2e-data";
  private static final String SUBSCRIBED = "subscribed to Mesos master";
  private static final String RECONCILED = "reconciliation complete";

  private Path work;
  private MesosLocal mesos;
  private SchedulerProcess scheduler;
  private ControlApiClient api;
  private Path stateFile;
  private List<String> schedulerArgs;
  private final Map<Integer, Integer> myids = new TreeMap<>();

  @BeforeClass
  public void startMesosAndScheduler() throws Exception {
    work = Files.createTempDirectory("scheduler-e2e");
    mesos = MesosLocal.start(LoopbackAgents.inBlock(MesosLocalConfig.defaults(work.resolve("mesos"), 3).fast(),
        LoopbackAgents.randomBlock()));
    int apiPort = LocalPorts.free(1).get(0);
    stateFile = work.resolve("state.json");
    schedulerArgs = List.of("--master", mesos.masterEndpoint().toString(), "--api", "http://127.0.0.1:" + apiPort,
        "--storage", "file:" + stateFile, "--artifacts", System.getProperty("e2e.artifacts"),
        "--framework-timeout", "10m", "--framework-role", ROLE, "--principal", "exhibitor-mesos",
        "--ensemble-modify-backoff", "500");
    api = new ControlApiClient("http://127.0.0.1:" + apiPort);
    startScheduler();
  }

  @AfterClass(alwaysRun = true)
  public void stopEverything(ITestContext context) throws Exception {
    try {
      if (scheduler != null) {
        scheduler.close();
      }
    } finally {
      if (mesos != null) {
        mesos.close();
      }
    }
    // Kept after a failure: the scheduler's log and the sandboxes tell what happened.
    if (context.getFailedTests().size() == 0 && work != null) {
      try (var paths = Files.walk(work)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void startScheduler() throws Exception {
    scheduler = SchedulerProcess.start(Path.of(System.getProperty("e2e.scheduler.jar")), work.resolve("scheduler.log"),
        schedulerArgs);
    await("the scheduler subscribed", Duration.ofSeconds(60),
        s -> s.has("frameworkId") && !s.get("frameworkId").isJsonNull());
  }

  @Test(timeOut = 240_000)
  public void threeServersBootstrapOnePerAgentOnVolumes() throws Exception {
    assertOk(api.get("/api/add?id=0..2&mem=160"));
    ControlApiClient.Answer started = api.get("/api/start?id=0..2&timeout=" + START_TIMEOUT.toSeconds() + "s");
    assertOk(started);
    JsonObject status = api.status().orElseThrow();
    List<String> hosts = new ArrayList<>();
    for (JsonObject s : servers(status)) {
      assertThat(s.get("state").getAsString()).isEqualTo("Running");
      hosts.add(s.get("hostname").getAsString());
      myids.put(s.get("id").getAsInt(), s.get("myid").getAsInt());
      String volume = s.get("volume").getAsString().split(" ")[0];
      assertThat(volumeExists(s.get("hostname").getAsString(), volume)).as("volume " + volume).isTrue();
    }
    assertThat(hosts).doesNotHaveDuplicates();
    assertThat(myids.values()).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(awaitModes(0, 1, 2)).containsExactlyInAnyOrder("leader", "follower", "follower");

    try (ZooKeeper zk = connect(connectString())) {
      zk.create(ZNODE, "written through the connect string".getBytes(StandardCharsets.UTF_8),
          ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }
    for (int id = 0; id < 3; id++) {
      assertThat(readFrom(id)).isEqualTo("written through the connect string");
    }
  }

  @Test(dependsOnMethods = "threeServersBootstrapOnePerAgentOnVolumes", timeOut = 60_000)
  public void badRequestsAre4xxAndChangeNothing() throws Exception {
    byte[] before = Files.readAllBytes(stateFile);
    String[][] table = {
        {"GET", "/api/add"}, {"GET", "/api/add?id=x"}, {"GET", "/api/add?id=0"}, {"GET", "/api/add?id=7&cpu=-1"},
        {"GET", "/api/add?id=7&constraints=hostname%3Dbogus"}, {"GET", "/api/config?id=0&nosuchoption=1"},
        {"GET", "/api/start?id=9"}, {"GET", "/api/start?id=0&timeout=soon"}, {"GET", "/api/stop?id=0&force=maybe"},
        {"GET", "/api/remove?id=0..2"}, {"DELETE", "/api/start?id=0"}, {"GET", "/api/nosuchroute"},
    };
    for (String[] row : table) {
      ControlApiClient.Answer a = api.send(row[0], row[1]);
      assertThat(a.status()).as(row[0] + " " + row[1] + " -> " + a.body()).isBetween(400, 499);
    }
    assertThat(Files.readAllBytes(stateFile)).as("state file unchanged").isEqualTo(before);
  }

  @Test(dependsOnMethods = "badRequestsAre4xxAndChangeNothing", timeOut = 240_000)
  public void stopKeepsAQuorumAndRestartKeepsTheMyid() throws Exception {
    assertOk(api.get("/api/stop?id=1&timeout=60s"));
    assertThat(awaitModes(0, 2)).containsExactlyInAnyOrder("leader", "follower");
    ControlApiClient.Answer refused = api.get("/api/stop?id=2&timeout=60s");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.success()).isFalse();
    assertThat(refused.message()).contains("quorum");

    assertOk(api.get("/api/start?id=1&timeout=" + START_TIMEOUT.toSeconds() + "s"));
    JsonObject s1 = server(api.status().orElseThrow(), 1);
    assertThat(s1.get("myid").getAsInt()).isEqualTo(myids.get(1));
    assertThat(readFrom(1)).isEqualTo("written through the connect string");
    assertThat(awaitModes(0, 1, 2)).containsExactlyInAnyOrder("leader", "follower", "follower");
  }

  @Test(dependsOnMethods = "stopKeepsAQuorumAndRestartKeepsTheMyid", timeOut = 300_000)
  public void aFourthServerJoinsAsObserverBecomesAVoterAndIsRemoved() throws Exception {
    assertOk(api.get("/api/add?id=3&mem=160&constraints=hostname%3Dlike%3A.%2A"));
    assertOk(api.get("/api/start?id=3&timeout=" + START_TIMEOUT.toSeconds() + "s"));
    int myid = server(api.status().orElseThrow(), 3).get("myid").getAsInt();
    assertThat(myid).isEqualTo(4);
    JsonObject joined = await("myid 4 is a voter", START_TIMEOUT, s -> members(s).stream()
        .anyMatch(m -> m.get("myid").getAsInt() == myid && m.get("role").getAsString().equals("participant")));
    assertThat(members(joined)).hasSize(4);
    assertThat(scheduler.tail()).contains("(join)").contains("joining [" + myid + "]");
    assertThat(readFrom(3)).isEqualTo("written through the connect string");
    String host = server(joined, 3).get("hostname").getAsString();
    String volume = server(joined, 3).get("volume").getAsString().split(" ")[0];

    assertOk(api.get("/api/remove?id=3"));
    JsonObject removed = await("server 3 removed", START_TIMEOUT, s -> servers(s).size() == 3 && members(s).size() == 3);
    assertThat(members(removed)).allSatisfy(m -> assertThat(m.get("role").getAsString()).isEqualTo("participant"));
    Poll.until(Duration.ofSeconds(60), () -> volumeExists(host, volume) ? Optional.empty() : Optional.of(true))
        .orElseThrow(() -> new AssertionError("volume " + volume + " on " + host + " not destroyed"));
    assertThat(awaitModes(0, 1, 2)).containsExactlyInAnyOrder("leader", "follower", "follower");
  }

  @Test(dependsOnMethods = "aFourthServerJoinsAsObserverBecomesAVoterAndIsRemoved", timeOut = 180_000)
  public void aKilledSchedulerRestartsOnItsStateWithoutDuplicates() throws Exception {
    JsonObject before = api.status().orElseThrow();
    Map<Integer, String> tasks = taskIds(before);
    long reconciled = scheduler.count(RECONCILED);
    scheduler.kill();
    assertThat(scheduler.alive()).isFalse();
    startScheduler();
    awaitLog(RECONCILED, reconciled + 1);
    JsonObject after = await("all running again", Duration.ofSeconds(60),
        s -> servers(s).stream().allMatch(x -> x.get("state").getAsString().equals("Running")));
    assertThat(after.get("frameworkId").getAsString()).isEqualTo(before.get("frameworkId").getAsString());
    assertThat(taskIds(after)).isEqualTo(tasks);
    assertThat(liveTasks()).hasSize(3);
    assertThat(awaitModes(0, 1, 2)).containsExactlyInAnyOrder("leader", "follower", "follower");
  }

  @Test(dependsOnMethods = "aKilledSchedulerRestartsOnItsStateWithoutDuplicates", timeOut = 180_000)
  public void aMasterFailoverIsSurvivedWithoutRelaunches() throws Exception {
    JsonObject before = api.status().orElseThrow();
    Map<Integer, String> tasks = taskIds(before);
    String masterId = mesos.master().stateJson().get("id").getAsString();
    long subscribed = scheduler.count(SUBSCRIBED);
    long reconciled = scheduler.count(RECONCILED);
    mesos.failoverMaster();
    awaitLog(SUBSCRIBED, subscribed + 1);
    awaitLog(RECONCILED, reconciled + 1);
    Poll.until(Duration.ofSeconds(60), () -> {
      JsonObject state = mesos.master().stateJson();
      boolean connected = !state.get("id").getAsString().equals(masterId) && state.getAsJsonArray("frameworks")
          .asList().stream().anyMatch(f -> f.getAsJsonObject().get("connected").getAsBoolean());
      return connected ? Optional.of(true) : Optional.empty();
    }).orElseThrow(() -> new AssertionError("the scheduler did not resubscribe:\n" + scheduler.tail()));
    await("reconciled", Duration.ofSeconds(60),
        s -> servers(s).stream().allMatch(x -> x.get("state").getAsString().equals("Running")));
    assertThat(taskIds(api.status().orElseThrow())).isEqualTo(tasks);
    assertThat(liveTasks()).hasSize(3);
  }

  // --- helpers

  private void awaitLog(String text, long count) throws InterruptedException {
    Poll.until(Duration.ofSeconds(60), () -> scheduler.count(text) >= count ? Optional.of(true) : Optional.empty())
        .orElseThrow(() -> new AssertionError("no '" + text + "' in the scheduler's log:\n" + scheduler.tail()));
  }

  private static void assertOk(ControlApiClient.Answer a) {
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.success()).as(a.body()).isTrue();
  }

  private JsonObject await(String what, Duration timeout, Predicate<JsonObject> done) throws InterruptedException {
    return Poll.until(timeout, () -> api.status().filter(done))
        .orElseThrow(() -> new AssertionError("timed out waiting until " + what + "; status: "
            + api.status().map(Object::toString).orElse("(no answer)") + "\nscheduler log:\n" + scheduler.tail()));
  }

  /** Tasks mesos-local holds for the framework that are not terminal. */
  private List<String> liveTasks() {
    List<String> out = new ArrayList<>();
    for (JsonElement fw : mesos.master().stateJson().getAsJsonArray("frameworks")) {
      for (JsonElement t : fw.getAsJsonObject().getAsJsonArray("tasks")) {
        String state = t.getAsJsonObject().get("state").getAsString();
        if (List.of("TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_KILLING").contains(state)) {
          out.add(t.getAsJsonObject().get("id").getAsString());
        }
      }
    }
    return out;
  }

  private String connectString() {
    return api.status().orElseThrow().getAsJsonObject("ensemble").get("connectString").getAsString();
  }

  private String endpoint(int id) {
    JsonObject s = server(api.status().orElseThrow(), id);
    return s.get("hostname").getAsString() + ":" + s.getAsJsonObject("ports").get("client").getAsInt();
  }

  /** The srvr modes of these servers, once every one serves. */
  private List<String> awaitModes(int... ids) throws InterruptedException {
    return Poll.until(Duration.ofSeconds(30), () -> {
      List<String> modes = new ArrayList<>();
      for (int id : ids) {
        String[] hostPort = endpoint(id).split(":");
        Optional<String> mode = FourLetterWords.ask(hostPort[0], Integer.parseInt(hostPort[1]), "srvr")
            .flatMap(text -> text.lines().filter(l -> l.startsWith("Mode: ")).findFirst())
            .map(l -> l.substring("Mode: ".length()).strip());
        if (mode.isEmpty()) {
          return Optional.empty();
        }
        modes.add(mode.get());
      }
      return modes.contains("leader") ? Optional.of(modes) : Optional.empty();
    }).orElseThrow(() -> new AssertionError("servers do not all serve:\n" + scheduler.tail()));
  }

  /** Reads the test znode through a session on this one server only. */
  private String readFrom(int id) throws Exception {
    try (ZooKeeper zk = connect(endpoint(id))) {
      return Poll.until(Duration.ofSeconds(20), () -> {
        try {
          return Optional.ofNullable(zk.getData(ZNODE, false, null)).map(b -> new String(b, StandardCharsets.UTF_8));
        } catch (org.apache.zookeeper.KeeperException e) {
          return Optional.empty();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }).orElseThrow(() -> new AssertionError("server " + id + " does not have " + ZNODE));
    }
  }

  private static ZooKeeper connect(String connectString) throws IOException, InterruptedException {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk = new ZooKeeper(connectString, 10_000, e -> {
      if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
        connected.countDown();
      }
    });
    if (!connected.await(20, TimeUnit.SECONDS)) {
      zk.close();
      throw new AssertionError("cannot connect to " + connectString);
    }
    return zk;
  }

  private boolean volumeExists(String host, String persistenceId) {
    for (MesosLocal.AgentView a : mesos.agents()) {
      if (a.endpoint().host().equals(host)) {
        return new DirectoryVolumeStore(a.workDir()).exists(ROLE, persistenceId);
      }
    }
    throw new AssertionError("no agent on " + host);
  }
}

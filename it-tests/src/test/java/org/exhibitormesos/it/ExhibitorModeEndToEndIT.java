package org.exhibitormesos.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.exhibitormesos.mesos.local.MesosLocalConfig;
import org.testng.ITestContext;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Exhibitor mode end to end: the scheduler's runnable jar as a process with {@code --mode
 * exhibitor} on mesos-local (3 agents on a random loopback block), serving the executor, the
 * ZooKeeper distribution and the Exhibitor bundle; each task runs a real Exhibitor 1.5.6 that runs
 * a real ZooKeeper. One ensemble, changed in order: formed, a member stopped and restarted on its
 * volume, shrunk by {@code remove}, grown by {@code add}, stopped.
 */
public class ExhibitorModeEndToEndIT {
  private static final String ROLE = "exhibitor";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
  private static final String ZNODE = "/exhibitor-e2e";
  private static final String DATA = "written through the connect string";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Path work;
  private MesosLocal mesos;
  private SchedulerProcess scheduler;
  private ControlApiClient api;
  private long t0;

  @BeforeClass
  public void startMesosAndScheduler() throws Exception {
    t0 = System.nanoTime();
    work = Files.createTempDirectory("exhibitor-e2e");
    mesos = MesosLocal.start(LoopbackAgents.inBlock(MesosLocalConfig.defaults(work.resolve("mesos"), 3).fast(),
        LoopbackAgents.randomBlock()));
    int apiPort = LocalPorts.free(1).get(0);
    scheduler = SchedulerProcess.start(Path.of(System.getProperty("e2e.scheduler.jar")), work.resolve("scheduler.log"),
        List.of("--master", mesos.masterEndpoint().toString(), "--api", "http://127.0.0.1:" + apiPort,
            "--storage", "file:" + work.resolve("state.json"), "--artifacts", System.getProperty("e2e.artifacts"),
            "--framework-timeout", "10m", "--framework-role", ROLE, "--principal", "exhibitor-mesos",
            "--mode", "exhibitor", "--ensemble-modify-backoff", "500"));
    api = new ControlApiClient("http://127.0.0.1:" + apiPort);
    await("the scheduler subscribed", Duration.ofSeconds(60),
        s -> s.has("frameworkId") && !s.get("frameworkId").isJsonNull());
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
    log("stopped; the whole class took this long");
    if (context.getFailedTests().size() == 0 && work != null) {
      try (var paths = Files.walk(work)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test(timeOut = 300_000)
  public void threeExhibitorsFormAnEnsembleThatServesTheData() throws Exception {
    assertOk(api.get("/api/add?id=0..2&mem=160"));
    assertOk(api.get("/api/start?id=0..2&timeout=" + START_TIMEOUT.toSeconds() + "s"));
    JsonObject status = api.status().orElseThrow();
    assertThat(status.get("mode").getAsString()).isEqualTo("exhibitor");
    List<JsonObject> servers = servers(status);
    assertThat(servers.stream().map(s -> s.get("hostname").getAsString()).distinct()).hasSize(3);
    assertThat(servers.stream().map(s -> s.getAsJsonObject("ports").toString()).distinct())
        .as("one set of ports, ensemble-wide").hasSize(1);
    for (JsonObject s : servers) {
      assertThat(s.get("endpoint").getAsString()).isEqualTo(ui(s) + "/exhibitor/v1/ui/index.html");
    }
    log("three servers Running");
    awaitFormed(servers, spec(servers));
    log("every Exhibitor shows three serving members with one leader");
    JsonObject shown = await("status shows each Exhibitor's cluster view", Duration.ofSeconds(30),
        s -> servers(s).stream().allMatch(x -> x.has("exhibitorCluster")
            && x.getAsJsonArray("exhibitorCluster").size() == 3
            && x.getAsJsonArray("exhibitorCluster").toString().contains(", serving, 3, L]")));
    assertThat(servers(shown).get(0).getAsJsonArray("exhibitorCluster").toString()).contains(", serving, 3, F]");

    String connect = api.status().orElseThrow().getAsJsonObject("ensemble").get("connectString").getAsString();
    assertThat(connect.split(",")).hasSize(3);
    try (ZooKeeper zk = connect(connect)) {
      zk.create(ZNODE, DATA.getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }
    for (JsonObject s : servers) {
      assertThat(readFrom(s)).isEqualTo(DATA);
    }
    assertThat(zooKeeperServerLines(servers.get(0))).hasSize(3);
    log("data read from every member");
  }

  @Test(dependsOnMethods = "threeExhibitorsFormAnEnsembleThatServesTheData", timeOut = 300_000)
  public void aStoppedServerRestartsOnItsVolumeWithItsMyidAndData() throws Exception {
    JsonObject before = server(api.status().orElseThrow(), 1);
    String spec = spec(servers(api.status().orElseThrow()));
    assertOk(api.get("/api/stop?id=1&timeout=60s"));
    assertThat(exhibitor(before, "config/get-state")).as("stopped Exhibitor").isEmpty();
    assertOk(api.get("/api/start?id=1&timeout=" + START_TIMEOUT.toSeconds() + "s"));
    JsonObject after = server(api.status().orElseThrow(), 1);
    assertThat(after.get("myid").getAsInt()).isEqualTo(before.get("myid").getAsInt());
    assertThat(after.get("volume").getAsString()).isEqualTo(before.get("volume").getAsString());
    assertThat(after.get("taskId").getAsString()).isNotEqualTo(before.get("taskId").getAsString());
    List<JsonObject> all = servers(api.status().orElseThrow());
    awaitFormed(all, spec);
    assertThat(readFrom(after)).isEqualTo(DATA);
    log("server 1 stopped and restarted on its volume: same myid, data kept");
  }

  @Test(dependsOnMethods = "aStoppedServerRestartsOnItsVolumeWithItsMyidAndData", timeOut = 300_000)
  public void removeAndAddChangeTheEnsembleThroughExhibitor() throws Exception {
    JsonObject before = api.status().orElseThrow();
    JsonObject leaving = server(before, 2);
    int leavingMyid = leaving.get("myid").getAsInt();
    assertOk(api.get("/api/remove?id=2"));
    JsonObject removed = await("server 2 removed", START_TIMEOUT, s -> servers(s).size() == 2);
    List<JsonObject> two = servers(removed);
    awaitFormed(two, spec(two));
    for (JsonObject s : two) {
      assertThat(serversSpec(s)).doesNotContain(":" + leavingMyid + ":");
      assertThat(readFrom(s)).isEqualTo(DATA);
    }
    assertThat(zooKeeperServerLines(two.get(0))).hasSize(2).noneMatch(l -> l.startsWith("server." + leavingMyid + "="));
    assertThat(FourLetterWords.ask(leaving.get("hostname").getAsString(),
        leaving.getAsJsonObject("ports").get("client").getAsInt(), "srvr")).as("removed ZooKeeper").isEmpty();
    assertThat(exhibitor(leaving, "config/get-state")).as("removed Exhibitor").isEmpty();
    log("server 2 removed through Exhibitor: two serving members");

    assertOk(api.get("/api/add?id=3&mem=160"));
    assertOk(api.get("/api/start?id=3&timeout=" + START_TIMEOUT.toSeconds() + "s"));
    JsonObject added = api.status().orElseThrow();
    List<JsonObject> three = servers(added);
    int myid = server(added, 3).get("myid").getAsInt();
    assertThat(myid).isEqualTo(4);
    awaitFormed(three, spec(three));
    for (JsonObject s : three) {
      assertThat(serversSpec(s)).contains("S:4:" + server(added, 3).get("hostname").getAsString());
    }
    assertThat(readFrom(server(added, 3))).isEqualTo(DATA);
    List<String> lines = zooKeeperServerLines(server(added, 3));
    assertThat(lines).hasSize(3).anyMatch(l -> l.startsWith("server.4="));
    log("server 3 (myid 4) added through Exhibitor: three serving members");
  }

  @Test(dependsOnMethods = "removeAndAddChangeTheEnsembleThroughExhibitor", timeOut = 120_000)
  public void stoppingTheTasksLeavesNoExhibitorOrZooKeeper() throws Exception {
    assertOk(api.get("/api/stop?id=*&force=true&timeout=60s"));
    await("every server stopped", Duration.ofSeconds(60),
        s -> servers(s).stream().allMatch(x -> !x.has("taskId")));
    Poll.until(Duration.ofSeconds(30), () -> javaMains(work.toString()).isEmpty() ? Optional.of(true) : Optional.empty())
        .orElseThrow(() -> new AssertionError("left running: " + javaMains(work.toString())));
    log("tasks stopped: no Exhibitor or ZooKeeper left");
  }

  // --- helpers

  /** Each Exhibitor's spec is {@code spec}, and its cluster/status shows all serving with one leader. */
  private void awaitFormed(List<JsonObject> members, String spec) throws InterruptedException {
    for (JsonObject s : members) {
      Optional<String> last = every(START_TIMEOUT, () -> {
        Optional<JsonElement> view = exhibitor(s, "cluster/status");
        boolean formed = serversSpec(s).equals(spec) && view.isPresent() && view.get().isJsonArray()
            && view.get().getAsJsonArray().size() == members.size()
            && view.get().getAsJsonArray().asList().stream().allMatch(m -> m.getAsJsonObject().get("code").getAsInt() == 3)
            && view.get().getAsJsonArray().asList().stream()
                .filter(m -> m.getAsJsonObject().get("isLeader").getAsBoolean()).count() == 1;
        return formed ? Optional.of("formed") : Optional.empty();
      });
      assertThat(last).as("Exhibitor at " + ui(s) + ": spec " + serversSpec(s) + ", view "
          + exhibitor(s, "cluster/status").map(Object::toString).orElse("(none)") + "\n" + scheduler.tail()).isPresent();
    }
  }

  /** The servers spec these servers make, as Exhibitor writes it. */
  private static String spec(List<JsonObject> servers) {
    return String.join(",", servers.stream().sorted(java.util.Comparator.comparingInt(s -> s.get("myid").getAsInt()))
        .map(s -> "S:" + s.get("myid").getAsInt() + ":" + s.get("hostname").getAsString()).toList());
  }

  private String serversSpec(JsonObject server) {
    return exhibitor(server, "config/get-state").map(e -> e.getAsJsonObject().getAsJsonObject("config")
        .get("serversSpec").getAsString()).orElse("(no answer)");
  }

  private Optional<JsonElement> exhibitor(JsonObject server, String path) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ui(server) + "/exhibitor/v1/" + path))
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Optional.of(JsonParser.parseString(r.body())) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static String ui(JsonObject server) {
    return "http://" + server.get("hostname").getAsString() + ":" + server.getAsJsonObject("ports").get("admin").getAsInt();
  }

  /** The server lines of ZooKeeper's configuration znode, read through this member. */
  private static List<String> zooKeeperServerLines(JsonObject server) throws Exception {
    try (ZooKeeper zk = connect(endpoint(server))) {
      String config = new String(zk.getConfig(false, null), StandardCharsets.UTF_8);
      return config.lines().filter(l -> l.startsWith("server.")).toList();
    }
  }

  private static String endpoint(JsonObject server) {
    return server.get("hostname").getAsString() + ":" + server.getAsJsonObject("ports").get("client").getAsInt();
  }

  private static String readFrom(JsonObject server) throws Exception {
    try (ZooKeeper zk = connect(endpoint(server))) {
      return Poll.until(Duration.ofSeconds(30), () -> {
        try {
          return Optional.ofNullable(zk.getData(ZNODE, false, null)).map(b -> new String(b, StandardCharsets.UTF_8));
        } catch (org.apache.zookeeper.KeeperException e) {
          return Optional.empty();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }).orElseThrow(() -> new AssertionError(endpoint(server) + " does not have " + ZNODE));
    }
  }

  private static ZooKeeper connect(String connectString) throws IOException, InterruptedException {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk = new ZooKeeper(connectString, 10_000, e -> {
      if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
        connected.countDown();
      }
    });
    if (!connected.await(30, TimeUnit.SECONDS)) {
      zk.close();
      throw new AssertionError("cannot connect to " + connectString);
    }
    return zk;
  }

  /** Exhibitor and ZooKeeper JVMs whose command line contains {@code text} (a sandbox path lies in it). */
  private static List<String> javaMains(String text) {
    List<String> out = new ArrayList<>();
    ProcessHandle.allProcesses().forEach(p -> {
      try {
        String cmd = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ');
        if (cmd.contains(text) && (cmd.contains("BoundExhibitorMain") || cmd.contains("QuorumPeerMain"))) {
          out.add(p.pid() + ": " + (cmd.contains("BoundExhibitorMain") ? "Exhibitor" : "ZooKeeper"));
        }
      } catch (IOException | RuntimeException e) {
        // gone meanwhile, or not ours to read
      }
    });
    return out;
  }

  private static <T> Optional<T> every(Duration timeout, java.util.function.Supplier<Optional<T>> probe)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent() || System.nanoTime() - deadline >= 0) {
        return value;
      }
      Thread.sleep(1000);
    }
  }

  private void log(String what) {
    System.out.printf("[exhibitor-e2e +%5.1fs] %s%n", (System.nanoTime() - t0) / 1e9, what);
  }

  private static void assertOk(ControlApiClient.Answer a) {
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.success()).as(a.body()).isTrue();
  }

  private JsonObject await(String what, Duration timeout, Predicate<JsonObject> done) throws InterruptedException {
    return every(timeout, () -> api.status().filter(done))
        .orElseThrow(() -> new AssertionError("timed out waiting until " + what + "; status: "
            + api.status().map(Object::toString).orElse("(no answer)") + "\nscheduler log:\n" + scheduler.tail()));
  }

  private static List<JsonObject> servers(JsonObject status) {
    List<JsonObject> out = new ArrayList<>();
    JsonArray array = status.getAsJsonArray("servers");
    array.forEach(e -> out.add(e.getAsJsonObject()));
    return out;
  }

  private static JsonObject server(JsonObject status, int id) {
    return servers(status).stream().filter(s -> s.get("id").getAsInt() == id).findFirst().orElseThrow();
  }
}

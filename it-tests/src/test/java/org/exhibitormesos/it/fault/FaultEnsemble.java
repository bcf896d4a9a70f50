package org.exhibitormesos.it.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.exhibitormesos.it.ControlApiClient;
import org.exhibitormesos.it.LocalPorts;
import org.exhibitormesos.it.LoopbackAgents;
import org.exhibitormesos.it.Poll;
import org.exhibitormesos.it.SchedulerProcess;
import org.exhibitormesos.it.StatusJson;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.exhibitormesos.mesos.local.MesosLocalConfig;
import org.exhibitormesos.mesos.local.process.RunMarkers;

/**
 * One fault scenario's world: mesos-local in the test JVM (agents on a random loopback block, each
 * with the given attributes), the scheduler's runnable jar as a process over real HTTP, and the
 * state in a file or in a znode. Reads the status, finds and kills processes, and closes everything
 * it started. Every run marker it used is recorded in {@link RunLedger} for the final leftover check.
 */
final class FaultEnsemble implements AutoCloseable {
  static final String ROLE = "exhibitor";
  static final String SUBSCRIBED = "subscribed to Mesos master";
  static final String RECONCILED = "reconciliation complete";
  private static final List<String> LIVE = List.of("TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_KILLING");

  private final String name;
  private final Path work;
  private final MesosLocal mesos;
  private final List<String> schedulerArgs;
  private final ControlApiClient api;
  private final Path stateFile;
  private SchedulerProcess scheduler;

  private FaultEnsemble(String name, Path work, MesosLocal mesos, List<String> schedulerArgs, ControlApiClient api,
      Path stateFile) {
    this.name = name;
    this.work = work;
    this.mesos = mesos;
    this.schedulerArgs = schedulerArgs;
    this.api = api;
    this.stateFile = stateFile;
  }

  /**
   * Starts mesos-local with one agent per entry of {@code attributes} (Mesos attribute text, may be
   * empty) and the scheduler, and waits until it subscribed.
   *
   * @param zkStorage {@code host:port/path} of a ZooKeeper for {@code --storage zk:...}; empty = a file
   */
  static FaultEnsemble start(String name, List<String> attributes, Optional<String> zkStorage) throws Exception {
    Path work = Files.createTempDirectory("fault-" + name);
    MesosLocalConfig base = MesosLocalConfig.defaults(work.resolve("mesos"), attributes.size()).fast();
    int[] i = {0};
    base = base.mapAgents(a -> a.withAttributes(attributes.get(i[0]++)));
    MesosLocal mesos = MesosLocal.start(LoopbackAgents.inBlock(base, LoopbackAgents.randomBlock()));
    mesos.runMarker().ifPresent(RunLedger::record);
    try {
      int apiPort = LocalPorts.free(1).get(0);
      Path stateFile = work.resolve("state.json");
      List<String> args = List.of("--master", mesos.masterEndpoint().toString(), "--api",
          "http://127.0.0.1:" + apiPort, "--storage", zkStorage.map(z -> "zk:" + z).orElse("file:" + stateFile),
          "--artifacts", System.getProperty("e2e.artifacts"), "--framework-timeout", "10m", "--framework-role", ROLE,
          "--principal", "exhibitor-mesos", "--ensemble-modify-backoff", "500");
      FaultEnsemble e = new FaultEnsemble(name, work, mesos, args, new ControlApiClient("http://127.0.0.1:" + apiPort),
          stateFile);
      e.startScheduler();
      return e;
    } catch (Exception | AssertionError ex) {
      mesos.close();
      throw ex;
    }
  }

  /** Starts (again) the scheduler process and waits until it answers with a framework id. */
  void startScheduler() throws Exception {
    scheduler = SchedulerProcess.start(Path.of(System.getProperty("e2e.scheduler.jar")), work.resolve("scheduler.log"),
        schedulerArgs);
    await("the scheduler subscribed", Duration.ofSeconds(60),
        s -> s.has("frameworkId") && !s.get("frameworkId").isJsonNull());
  }

  /** SIGKILL of the scheduler. */
  void killScheduler() throws InterruptedException {
    scheduler.kill();
    assertThat(scheduler.alive()).isFalse();
  }

  int apiPort() {
    return Integer.parseInt(schedulerArgs.get(schedulerArgs.indexOf("--api") + 1).replaceAll(".*:", ""));
  }

  ControlApiClient api() {
    return api;
  }

  MesosLocal mesos() {
    return mesos;
  }

  SchedulerProcess scheduler() {
    return scheduler;
  }

  /** Every line the scheduler (all its lives) logged so far. */
  List<String> schedulerLog() {
    try {
      return Files.readAllLines(work.resolve("scheduler.log"));
    } catch (IOException ex) {
      return List.of();
    }
  }

  Path stateFile() {
    return stateFile;
  }

  Path work() {
    return work;
  }

  /** Sends a command and asserts it succeeded. */
  ControlApiClient.Answer ok(String pathAndQuery) throws Exception {
    ControlApiClient.Answer a = api.get(pathAndQuery);
    assertThat(a.status()).as(pathAndQuery + " -> " + a.body() + "\n" + scheduler.tail()).isEqualTo(200);
    assertThat(a.success()).as(pathAndQuery + " -> " + a.body()).isTrue();
    return a;
  }

  JsonObject status() {
    return api.status().orElseThrow(() -> new AssertionError("the scheduler does not answer\n" + scheduler.tail()));
  }

  JsonObject await(String what, Duration timeout, Predicate<JsonObject> done) throws InterruptedException {
    return Poll.until(timeout, () -> api.status().filter(done))
        .orElseThrow(() -> new AssertionError("[" + name + "] timed out waiting until " + what + "; status: "
            + api.status().map(Object::toString).orElse("(no answer)") + "\nscheduler log:\n" + scheduler.tail()));
  }

  void awaitLog(String text, long count) throws InterruptedException {
    Poll.until(Duration.ofSeconds(60), () -> scheduler.count(text) >= count ? Optional.of(true) : Optional.empty())
        .orElseThrow(() -> new AssertionError("no '" + text + "' in the scheduler's log:\n" + scheduler.tail()));
  }

  /**
   * True when the state file names no JOINING or LEAVING member. The quorum guard counts voters from
   * the state, which follows ZooKeeper's committed configuration only after the membership driver's
   * barrier; a round that judged "settled" from the status alone could still be refused. File storage
   * only (false while the file cannot be read).
   */
  boolean noMembershipChangeInFlight() {
    try {
      String text = new String(Files.readAllBytes(stateFile), java.nio.charset.StandardCharsets.UTF_8);
      return !text.contains("\"JOINING\"") && !text.contains("\"LEAVING\"");
    } catch (java.io.IOException ex) {
      return false;
    }
  }

  /**
   * The state file's bytes once no membership change is in flight (no JOINING or LEAVING member)
   * and they did not change for 3 s (a minute at most).
   */
  byte[] settledState() throws Exception {
    byte[] last = Files.readAllBytes(stateFile);
    long stableSince = System.nanoTime();
    long deadline = stableSince + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() - stableSince < Duration.ofSeconds(3).toNanos()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the state file keeps changing");
      }
      Thread.sleep(200);
      byte[] now = Files.readAllBytes(stateFile);
      String text = new String(now, java.nio.charset.StandardCharsets.UTF_8);
      if (!java.util.Arrays.equals(now, last) || text.contains("\"JOINING\"") || text.contains("\"LEAVING\"")) {
        last = now;
        stableSince = System.nanoTime();
      }
    }
    return last;
  }

  // --- reading the status

  static List<JsonObject> servers(JsonObject status) {
    return StatusJson.servers(status);
  }

  static JsonObject server(JsonObject status, int id) {
    return StatusJson.server(status, id);
  }

  static String text(JsonObject o, String field) {
    return StatusJson.text(o, field);
  }

  static List<JsonObject> members(JsonObject status) {
    return StatusJson.members(status);
  }

  /** The myids the scheduler shows as participants of the committed configuration. */
  static Set<Integer> statusVoters(JsonObject status) {
    Set<Integer> out = new TreeSet<>();
    members(status).stream().filter(m -> m.get("role").getAsString().equals("participant"))
        .forEach(m -> out.add(m.get("myid").getAsInt()));
    return out;
  }

  /** Every listed server is Running, and each participant answers as leader or follower. */
  static boolean allRunningAndServing(JsonObject status, int servers) {
    List<JsonObject> list = servers(status);
    return list.size() == servers && list.stream().allMatch(s -> "Running".equals(text(s, "state")))
        && members(status).size() == servers
        && members(status).stream().noneMatch(m -> m.get("mode").getAsString().equals("unreachable"));
  }

  static Map<Integer, String> taskIds(JsonObject status) {
    return StatusJson.taskIds(status);
  }

  /** Client endpoints ({@code host:port}) of the Running servers. */
  static List<String> endpoints(JsonObject status) {
    return servers(status).stream().filter(s -> "Running".equals(text(s, "state")))
        .map(s -> text(s, "endpoint")).toList();
  }

  String connectString() {
    return status().getAsJsonObject("ensemble").get("connectString").getAsString();
  }

  /** Tasks mesos-local holds for any framework that are not terminal. */
  List<String> liveTasks() {
    List<String> out = new ArrayList<>();
    for (JsonElement fw : mesos.master().stateJson().getAsJsonArray("frameworks")) {
      for (JsonElement t : fw.getAsJsonObject().getAsJsonArray("tasks")) {
        if (LIVE.contains(t.getAsJsonObject().get("state").getAsString())) {
          out.add(t.getAsJsonObject().get("id").getAsString());
        }
      }
    }
    return out;
  }

  /** Tasks mesos-local holds for any framework in one of these states. */
  List<String> tasksIn(String... states) {
    List<String> wanted = List.of(states);
    List<String> out = new ArrayList<>();
    for (JsonElement fw : mesos.master().stateJson().getAsJsonArray("frameworks")) {
      for (JsonElement t : fw.getAsJsonObject().getAsJsonArray("tasks")) {
        if (wanted.contains(t.getAsJsonObject().get("state").getAsString())) {
          out.add(t.getAsJsonObject().get("id").getAsString());
        }
      }
    }
    return out;
  }

  /** Live ZooKeeper processes started on this agent's host (by its work dir in their command line). */
  List<ProcessHandle> zooKeepersOn(String host) {
    String dir = mesos.agents().stream().filter(a -> a.endpoint().host().equals(host)).findFirst()
        .orElseThrow(() -> new AssertionError("no agent on " + host)).workDir().toString();
    return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
        .filter(c -> c.contains("QuorumPeerMain") && c.contains(dir + "/")).isPresent()).toList();
  }

  /** Live processes of this run's mesos-local (executors and their children). */
  List<ProcessHandle> runProcesses() {
    return mesos.runMarker().map(RunMarkers::find).orElse(List.of());
  }

  @Override
  public void close() throws Exception {
    try {
      if (scheduler != null) {
        scheduler.close();
      }
    } finally {
      mesos.close();
      mesos.runMarker().ifPresent(RunLedger::closed);
    }
    // Every process of this run is gone once mesos-local is closed (it kills whole process groups).
    List<ProcessHandle> left = Poll.until(Duration.ofSeconds(15), () -> {
      List<ProcessHandle> alive = runProcesses().stream().filter(ProcessHandle::isAlive).toList();
      return alive.isEmpty() ? Optional.of(List.<ProcessHandle>of()) : Optional.empty();
    }).orElseGet(this::runProcesses);
    if (!left.isEmpty()) {
      left.forEach(ProcessHandle::destroyForcibly);
      throw new AssertionError("[" + name + "] processes of the run were left after close: "
          + left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
    }
  }

  /** Removes the work dir (call after a passing scenario). */
  void deleteWork() throws IOException {
    try (var paths = Files.walk(work)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

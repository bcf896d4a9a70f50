package org.exhibitormesos.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.exhibitormesos.mesos.local.MesosLocalConfig;
import org.testng.ITestContext;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Two scheduler processes (the runnable jar) share one ZooKeeper for their state ({@code --storage
 * zk:...}, 10 s session timeout) and find the Mesos master through it ({@code --master zk://...},
 * where mesos-local registers). One leads, the other stands by; the tests run in order on one
 * ensemble of three servers: the standby reads and redirects, the leader is SIGKILLed and the standby
 * takes over within 30 s with the same framework id and no relaunch, and a frozen (SIGSTOPped)
 * leader whose session expired is replaced, and stops acting and stands by again when it wakes up;
 * the leader follows a master failover announced in ZooKeeper.
 */
public class HaSchedulerIT {
  private static final String ROLE = "exhibitor";
  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);
  private static final String SUBSCRIBED = "subscribed to Mesos master";
  private static final String LEADING = "leading as http://";
  private static final String STANDING_BY = "standing by: API on";

  private final HttpClient noRedirects = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private Path work;
  private ZooKeeperProcess zookeeper;
  private MesosLocal mesos;
  private final Map<String, SchedulerProcess> schedulers = new TreeMap<>();
  private final Map<String, String> urls = new TreeMap<>();
  private List<String> commonArgs;
  private String leader;
  private String standby;

  @BeforeClass
  public void startZooKeeperMesosAndTwoSchedulers() throws Exception {
    work = Files.createTempDirectory("ha-scheduler");
    List<Integer> ports = LocalPorts.free(3);
    int zkPort = ports.get(0);
    Files.writeString(work.resolve("zoo.cfg"), String.join("\n", "tickTime=1000", "initLimit=10", "syncLimit=5",
        "dataDir=" + work.resolve("zk-data"), "clientPort=" + zkPort, "clientPortAddress=" + LocalPorts.HOST,
        "admin.enableServer=false", "4lw.commands.whitelist=*", ""));
    zookeeper = ZooKeeperProcess.start(work.resolve("zoo.cfg"), work.resolve("zookeeper.log"));
    Poll.until(Duration.ofSeconds(30), () -> FourLetterWords.ask(LocalPorts.HOST, zkPort, "ruok")
        .filter(a -> a.contains("imok"))).orElseThrow(() -> new AssertionError("ZooKeeper did not start:\n"
            + zookeeper.log()));
    String zk = LocalPorts.HOST + ":" + zkPort;
    mesos = MesosLocal.start(LoopbackAgents.inBlock(MesosLocalConfig.defaults(work.resolve("mesos"), 3).fast()
        .withZk("zk://" + zk + "/mesos"), LoopbackAgents.randomBlock()));
    commonArgs = List.of("--master", "zk://" + zk + "/mesos",
        "--storage", "zk:em:ha-secret@" + zk + "/exhibitor-mesos/ha-it", "--zk-session-timeout",
        SESSION_TIMEOUT.toSeconds() + "s", "--artifacts", System.getProperty("e2e.artifacts"),
        "--framework-timeout", "10m", "--framework-role", ROLE, "--principal", "exhibitor-mesos",
        "--ensemble-modify-backoff", "500");
    urls.put("a", "http://127.0.0.1:" + ports.get(1));
    urls.put("b", "http://127.0.0.1:" + ports.get(2));

    start("a");
    awaitLog("a", SUBSCRIBED, 1);
    start("b");
    awaitLog("b", STANDING_BY, 1);
    leader = "a";
    standby = "b";
    assertThat(api(leader).status().orElseThrow().get("frameworkId").isJsonNull()).isFalse();
    assertThat(schedulers.get("b").count(SUBSCRIBED)).as("the standby does not subscribe").isZero();
  }

  @AfterClass(alwaysRun = true)
  public void stopEverything(ITestContext context) throws Exception {
    try {
      for (SchedulerProcess s : schedulers.values()) {
        ProcessHandle.of(s.pid()).ifPresent(p -> signal(s, "CONT"));
        s.close();
      }
    } finally {
      try {
        if (mesos != null) {
          mesos.close();
        }
      } finally {
        if (zookeeper != null) {
          zookeeper.close();
        }
      }
    }
    // The schedulers' logs stay in target/ for a look at what each instance did.
    if (work != null) {
      Path kept = Files.createDirectories(Path.of("target", "ha-scheduler-logs"));
      for (String name : schedulers.keySet()) {
        Path log = work.resolve("scheduler-" + name + ".log");
        if (Files.exists(log)) {
          Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    if (context.getFailedTests().size() == 0 && work != null) {
      try (var paths = Files.walk(work)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test(timeOut = 240_000)
  public void theStandbyAnswersReadsFromTheStoredStateAndRedirectsWrites() throws Exception {
    assertOk(api(leader).get("/api/add?id=0..2&mem=160"));
    assertOk(api(leader).get("/api/start?id=0..2&timeout=180s"));
    JsonObject fromLeader = api(leader).status().orElseThrow();
    JsonObject fromStandby = api(standby).status().orElseThrow();
    assertThat(fromStandby.get("frameworkId")).isEqualTo(fromLeader.get("frameworkId"));
    assertThat(fromStandby.get("servers")).isEqualTo(fromLeader.get("servers"));
    assertThat(taskIds(fromStandby)).hasSize(3);

    HttpResponse<String> get = raw("GET", urls.get(standby) + "/api/stop?id=0&timeout=0");
    assertThat(get.statusCode()).as(get.body()).isEqualTo(307);
    assertThat(get.headers().firstValue("Location")).contains(urls.get(leader) + "/api/stop?id=0&timeout=0");
    HttpResponse<String> post = raw("POST", urls.get(standby) + "/api/add");
    assertThat(post.statusCode()).isEqualTo(307);
    assertThat(post.headers().firstValue("Location")).contains(urls.get(leader) + "/api/add");
    assertThat(api(leader).status().orElseThrow().get("servers")).as("nothing changed by the standby")
        .isEqualTo(fromLeader.get("servers"));

    // The CLI pointed at the standby follows the redirect: its commands reach the leader.
    CliRun added = cli(urls.get(standby), "add", "3", "--mem", "160");
    assertThat(added.exit()).as(added.output()).isZero();
    assertThat(servers(api(leader).status().orElseThrow())).hasSize(4);
    CliRun removed = cli(urls.get(standby), "remove", "3");
    assertThat(removed.exit()).as(removed.output()).isZero();
    assertThat(api(leader).status().orElseThrow().get("servers")).isEqualTo(fromLeader.get("servers"));
  }

  @Test(dependsOnMethods = "theStandbyAnswersReadsFromTheStoredStateAndRedirectsWrites", timeOut = 240_000)
  public void theStandbyTakesOverFromAKilledLeaderWithTheSameFrameworkAndTasks() throws Exception {
    JsonObject before = api(leader).status().orElseThrow();
    String frameworkId = before.get("frameworkId").getAsString();
    Map<Integer, String> tasks = taskIds(before);

    long killedAt = System.nanoTime();
    schedulers.get(leader).kill();
    awaitLog(standby, SUBSCRIBED, 1);
    awaitConnectedFramework(frameworkId);
    long takeoverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
    System.out.printf("HA takeover: the standby subscribed as leader %d ms after the leader's SIGKILL"
        + " (ZooKeeper session timeout %ds)%n", takeoverMs, SESSION_TIMEOUT.toSeconds());
    assertThat(Duration.ofMillis(takeoverMs)).isLessThan(TAKEOVER_LIMIT);
    assertThat(schedulers.get(standby).count("framework " + frameworkId)).as("the state it loaded").isPositive();
    String dead = leader;
    leader = standby;
    standby = dead;

    JsonObject after = awaitRunning(leader);
    assertThat(after.get("frameworkId").getAsString()).isEqualTo(frameworkId);
    assertThat(taskIds(after)).isEqualTo(tasks);
    assertThat(liveTasks()).containsExactlyElementsOf(tasks.values());
    assertThat(frameworks()).as("one framework in Mesos").hasSize(1);

    // The killed instance, restarted (as Marathon would), stands by and redirects to the new leader.
    long standingBy = schedulers.get(standby).count(STANDING_BY);
    start(standby);
    awaitLog(standby, STANDING_BY, standingBy + 1);
    awaitRedirect(standby, leader, "/api/start?id=0");
  }

  @Test(dependsOnMethods = "theStandbyTakesOverFromAKilledLeaderWithTheSameFrameworkAndTasks", timeOut = 240_000)
  public void aFrozenLeaderIsReplacedAndStandsByWhenItWakesUp() throws Exception {
    JsonObject before = api(leader).status().orElseThrow();
    String frameworkId = before.get("frameworkId").getAsString();
    Map<Integer, String> tasks = taskIds(before);
    SchedulerProcess frozen = schedulers.get(leader);
    long leading = schedulers.get(standby).count(LEADING);
    long subscribed = schedulers.get(standby).count(SUBSCRIBED);

    signal(frozen, "STOP"); // a long GC pause: it does not know its session expires
    awaitLog(standby, LEADING, leading + 1);
    awaitLog(standby, SUBSCRIBED, subscribed + 1);
    awaitConnectedFramework(frameworkId);
    long standingBy = frozen.count(STANDING_BY);
    signal(frozen, "CONT");
    Poll.until(Duration.ofSeconds(30), () -> frozen.count(STANDING_BY) > standingBy ? Optional.of(true)
        : Optional.empty()).orElseThrow(() -> new AssertionError("the old leader did not stand by:\n" + frozen.tail()));
    assertThat(frozen.count("lost leadership")).isPositive();
    assertThat(frozen.alive()).isTrue();
    System.out.println("the frozen leader after waking up:\n" + frozen.lines("lost leadership", "FENCED",
        "term ended", "standing by", "Mesos master", "refused"));
    String old = leader;
    leader = standby;
    standby = old;

    JsonObject after = awaitRunning(leader);
    assertThat(after.get("frameworkId").getAsString()).isEqualTo(frameworkId);
    assertThat(taskIds(after)).isEqualTo(tasks);
    assertThat(liveTasks()).containsExactlyElementsOf(tasks.values());
    assertThat(frameworks()).hasSize(1);
    awaitRedirect(standby, leader, "/api/stop?id=0");
  }

  @Test(dependsOnMethods = "aFrozenLeaderIsReplacedAndStandsByWhenItWakesUp", timeOut = 180_000)
  public void theLeaderFollowsAMasterFailoverRegisteredInZooKeeper() throws Exception {
    JsonObject before = api(leader).status().orElseThrow();
    Map<Integer, String> tasks = taskIds(before);
    String registration = mesos.zkNode();
    long subscribed = schedulers.get(leader).count(SUBSCRIBED);
    long standbySubscribed = schedulers.get(standby).count(SUBSCRIBED);
    mesos.failoverMaster();
    assertThat(mesos.zkNode()).isNotEqualTo(registration);
    awaitLog(leader, SUBSCRIBED, subscribed + 1);
    awaitConnectedFramework(before.get("frameworkId").getAsString());
    assertThat(taskIds(awaitRunning(leader))).isEqualTo(tasks);
    assertThat(liveTasks()).containsExactlyElementsOf(tasks.values());
    assertThat(schedulers.get(standby).count(SUBSCRIBED)).as("the standby did not subscribe")
        .isEqualTo(standbySubscribed);
  }

  // --- helpers

  private record CliRun(int exit, String output) {}

  /** Runs the CLI ({@code CliMain}) in a child JVM with {@code EM_API} set to {@code api}. */
  private CliRun cli(String api, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "org.exhibitormesos.cli.CliMain"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "cli", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("EM_API", api);
    Process p = pb.start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("exhibitor-mesos " + String.join(" ", args) + " did not end");
      }
      return new CliRun(p.exitValue(), Files.readString(out));
    } finally {
      p.destroyForcibly();
    }
  }

  private void start(String name) throws IOException {
    List<String> args = new ArrayList<>(commonArgs);
    args.addAll(List.of("--api", urls.get(name)));
    schedulers.put(name, SchedulerProcess.start(Path.of(System.getProperty("e2e.scheduler.jar")),
        work.resolve("scheduler-" + name + ".log"), args));
  }

  private ControlApiClient api(String name) {
    return new ControlApiClient(urls.get(name));
  }

  private HttpResponse<String> raw(String method, String url) throws IOException, InterruptedException {
    return noRedirects.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.ofString("id=9"))
        .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Waits until {@code from} redirects a write to {@code to}. Until it has read the election
   * again (its own session just expired, or it only just joined) it may answer 503 saying that no
   * leader is known; any other answer fails.
   */
  private void awaitRedirect(String from, String to, String pathAndQuery) throws InterruptedException {
    List<String> others = new ArrayList<>();
    HttpResponse<String> redirect = Poll.until(Duration.ofSeconds(15), () -> {
      try {
        HttpResponse<String> r = raw("GET", urls.get(from) + pathAndQuery);
        if (r.statusCode() == 307) {
          return Optional.of(r);
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.body()).containsAnyOf("no leading scheduler is known", "taking over");
        others.add(r.statusCode() + " " + r.body());
        return Optional.empty();
      } catch (IOException e) {
        throw new AssertionError(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }).orElseThrow(() -> new AssertionError(from + " did not redirect to " + to + "; answers: " + others));
    assertThat(redirect.headers().firstValue("Location")).contains(urls.get(to) + pathAndQuery);
    if (!others.isEmpty()) {
      System.out.println(from + " answered before it redirected to the leader: " + others.get(0));
    }
  }

  private static void signal(SchedulerProcess process, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start()
          .waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new AssertionError("cannot send SIG" + signal + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitLog(String name, String text, long count) throws InterruptedException {
    SchedulerProcess s = schedulers.get(name);
    Poll.until(Duration.ofSeconds(60), () -> s.count(text) >= count ? Optional.of(true) : Optional.empty())
        .orElseThrow(() -> new AssertionError("no '" + text + "' in scheduler " + name + "'s log:\n" + s.tail()));
  }

  private void awaitConnectedFramework(String frameworkId) throws InterruptedException {
    Poll.until(Duration.ofSeconds(60), () -> frameworks().stream().anyMatch(f -> f.get("id").getAsString()
        .equals(frameworkId) && f.get("connected").getAsBoolean()) ? Optional.of(true) : Optional.empty())
        .orElseThrow(() -> new AssertionError("framework " + frameworkId + " not connected: " + frameworks()));
  }

  private JsonObject awaitRunning(String name) throws InterruptedException {
    return Poll.until(Duration.ofSeconds(90), () -> api(name).status().filter(s -> servers(s).stream()
        .allMatch(x -> x.get("state").getAsString().equals("Running"))))
        .orElseThrow(() -> new AssertionError("servers not running on " + name + ":\n"
            + schedulers.get(name).tail()));
  }

  private static void assertOk(ControlApiClient.Answer a) {
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.success()).as(a.body()).isTrue();
  }

  private static List<JsonObject> servers(JsonObject status) {
    List<JsonObject> out = new ArrayList<>();
    status.getAsJsonArray("servers").forEach(e -> out.add(e.getAsJsonObject()));
    return out;
  }

  private static Map<Integer, String> taskIds(JsonObject status) {
    Map<Integer, String> out = new TreeMap<>();
    servers(status).forEach(s -> out.put(s.get("id").getAsInt(), s.get("taskId").getAsString()));
    return out;
  }

  private List<JsonObject> frameworks() {
    List<JsonObject> out = new ArrayList<>();
    mesos.master().stateJson().getAsJsonArray("frameworks").forEach(f -> out.add(f.getAsJsonObject()));
    return out;
  }

  /** Tasks mesos-local holds that are not terminal, over all frameworks. */
  private List<String> liveTasks() {
    List<String> out = new ArrayList<>();
    for (JsonObject fw : frameworks()) {
      for (JsonElement t : fw.getAsJsonArray("tasks")) {
        String state = t.getAsJsonObject().get("state").getAsString();
        if (List.of("TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_KILLING").contains(state)) {
          out.add(t.getAsJsonObject().get("id").getAsString());
        }
      }
    }
    return out;
  }
}

package org.exhibitormesos.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhibitormesos.core.api.ApiJson;
import org.exhibitormesos.core.api.ApiResponse;
import org.exhibitormesos.core.api.StatusView;
import org.exhibitormesos.mesos.local.AgentConfig;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.exhibitormesos.mesos.local.MesosLocalConfig;
import org.testng.ITestContext;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Every client command of the CLI, run as the operator runs it (its main class in a child JVM),
 * against the real scheduler (its runnable jar as a process) on mesos-local in this JVM, with one
 * server. The human output is compared, once normalised, with the golden files under
 * {@code golden/cli/}. The tests run in order on the same cluster.
 */
public class CliEndToEndIT {
  private static final String CLI_MAIN = "org.exhibitormesos.cli.CliMain";
  private static final String AGENT_ADDRESS = "127.0.61.2";

  private Path work;
  private MesosLocal mesos;
  private SchedulerProcess scheduler;
  private ControlApiClient api;
  private String apiUrl;

  @BeforeClass
  public void startMesosAndScheduler() throws Exception {
    work = Files.createTempDirectory("cli-e2e");
    // Its own loopback address, not the default 127.0.0.2: a server left over from (or running in)
    // another end-to-end run on this host would otherwise answer on the same address and ports.
    mesos = MesosLocal.start(MesosLocalConfig.defaults(work.resolve("mesos"), 1).fast()
        .mapAgents(a -> new AgentConfig(AGENT_ADDRESS, a.port(), a.cpus(), a.memMb(), a.diskMb(), a.ports(),
            a.attributes(), a.workDir())));
    int apiPort = LocalPorts.free(1).get(0);
    apiUrl = "http://127.0.0.1:" + apiPort;
    api = new ControlApiClient(apiUrl);
    scheduler = SchedulerProcess.start(Path.of(System.getProperty("e2e.scheduler.jar")), work.resolve("scheduler.log"),
        List.of("--master", mesos.masterEndpoint().toString(), "--api", apiUrl, "--storage",
            "file:" + work.resolve("state.json"), "--artifacts", System.getProperty("e2e.artifacts"),
            "--framework-timeout", "10m", "--framework-role", "exhibitor", "--principal", "exhibitor-mesos"));
    Poll.until(Duration.ofSeconds(60), () -> api.status()
        .filter(s -> s.has("frameworkId") && !s.get("frameworkId").isJsonNull()))
        .orElseThrow(() -> new AssertionError("the scheduler did not subscribe:\n" + scheduler.tail()));
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
    // Kept after a failure: the scheduler's log and the sandbox tell what happened.
    if (context.getFailedTests().size() == 0 && work != null) {
      try (var paths = Files.walk(work)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test(timeOut = 60_000)
  public void addPrintsTheAddedServerAndTheTree() throws Exception {
    Run r = cli("add", "0", "--cpu", "0.2", "--mem", "256");
    r.assertExit(0);
    assertThat(r.out.lines().findFirst()).contains("Added servers 0");
    r.assertGolden("add");
  }

  @Test(dependsOnMethods = "addPrintsTheAddedServerAndTheTree", timeOut = 60_000)
  public void configUpdatesASharedOverride() throws Exception {
    Run r = cli("config", "0", "--zoo-cfg-extra", "maxClientCnxns=100");
    r.assertExit(0);
    assertThat(r.out.lines().findFirst()).contains("Updated configuration for servers 0");
    r.assertGolden("config");
  }

  @Test(dependsOnMethods = "configUpdatesASharedOverride", timeOut = 180_000)
  public void startWaitsUntilRunning() throws Exception {
    Run r = cli("start", "0", "--timeout", "120s");
    r.assertExit(0);
    assertThat(r.out.lines().findFirst()).contains("Started servers 0");
    assertThat(r.out).contains("state: Running").contains("\n  ensemble:\n");
    // Start answers once the server runs; whether the scheduler has committed the ensemble's first
    // configuration by then is a race, so the ensemble part is left to the status golden file.
    r.assertGolden("start", r.out.substring(0, r.out.indexOf("  ensemble:\n")));
  }

  @Test(dependsOnMethods = "startWaitsUntilRunning", timeOut = 60_000)
  public void statusShowsTheRunningServerAndTheEnsemble() throws Exception {
    Poll.until(Duration.ofSeconds(30), () -> api.status().map(s -> s.getAsJsonObject("ensemble"))
        .filter(e -> e.has("configVersion") && !e.get("configVersion").isJsonNull()
            && e.has("members") && e.getAsJsonArray("members").size() == 1))
        .orElseThrow(() -> new AssertionError("no committed ensemble:\n" + scheduler.tail()));
    Run r = cli("status");
    r.assertExit(0);
    JsonObject server = api.status().orElseThrow().getAsJsonArray("servers").get(0).getAsJsonObject();
    String host = server.get("hostname").getAsString();
    int client = server.getAsJsonObject("ports").get("client").getAsInt();
    assertThat(r.out).contains("state: Running").contains("endpoint: ")
        .contains("connection string: " + host + ":" + client);
    r.assertGolden("status");
  }

  @Test(dependsOnMethods = "statusShowsTheRunningServerAndTheEnsemble", timeOut = 60_000)
  public void statusJsonIsTheApisAnswer() throws Exception {
    Run r = cli("status", "--json");
    r.assertExit(0);
    ApiResponse<StatusView> parsed = ApiJson.readStatusResponse(r.out);
    assertThat(parsed.success()).isTrue();
    assertThat(parsed.value().servers()).hasSize(1);
    assertThat(parsed.value().servers().get(0).state()).isEqualTo("Running");
  }

  @Test(dependsOnMethods = "statusJsonIsTheApisAnswer", timeOut = 60_000)
  public void refusalsAndUsageErrorsHaveTheirExitCodes() throws Exception {
    Run refused = cli("config", "7", "--zoo-cfg-extra", "maxClientCnxns=100");
    refused.assertExit(1);
    assertThat(refused.err).startsWith("Error: ");
    Run usage = cli("status", "--no-such-option");
    usage.assertExit(2);
    assertThat(usage.err).contains("--no-such-option");
  }

  @Test(dependsOnMethods = "refusalsAndUsageErrorsHaveTheirExitCodes", timeOut = 120_000)
  public void stopStopsTheServer() throws Exception {
    // The last voter: the scheduler refuses to stop it unless forced.
    Run r = cli("stop", "0", "--timeout", "60s", "--force");
    r.assertExit(0);
    assertThat(r.out.lines().findFirst()).contains("Stopped servers 0");
    r.assertGolden("stop");
  }

  @Test(dependsOnMethods = "stopStopsTheServer", timeOut = 60_000)
  public void removeRemovesTheServer() throws Exception {
    // Server 0 is the ensemble's only voter: the scheduler refuses to remove it without force, and
    // the CLI's remove has no --force; so a server that never ran is added and removed.
    cli("add", "1", "--cpu", "0.2", "--mem", "256").assertExit(0);
    Run r = cli("remove", "1");
    r.assertExit(0);
    assertThat(r.out.lines().findFirst()).contains("Removed servers 1");
    r.assertGolden("remove");
  }

  // --- running the CLI

  /** One CLI run: exit status and captured output. */
  private final class Run {
    final List<String> args;
    final int exit;
    final String out;
    final String err;

    Run(List<String> args, int exit, String out, String err) {
      this.args = args;
      this.exit = exit;
      this.out = out;
      this.err = err;
    }

    void assertExit(int expected) {
      assertThat(exit).as(describe()).isEqualTo(expected);
    }

    void assertGolden(String name) throws IOException {
      assertGolden(name, out);
    }

    /** Compares {@code shown}, a part of the output, normalised, with the golden file. */
    void assertGolden(String name, String shown) throws IOException {
      String actual = normalise(shown);
      String expected = golden(name);
      if (!actual.equals(expected)) {
        // For a human to compare (and, after checking it by eye, to take as the new golden file).
        Path dump = Path.of("target", "cli-golden-actual", name + ".txt");
        Files.createDirectories(dump.getParent());
        Files.writeString(dump, actual);
      }
      assertThat(actual).as("golden/cli/" + name + ".txt; " + describe()).isEqualTo(expected);
    }

    String describe() {
      return "exhibitor-mesos " + String.join(" ", args) + " -> exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err
          + "\nscheduler log:\n" + scheduler.tail();
    }
  }

  /** Runs {@code CliMain} in a child JVM on this JVM's class path, with EM_API pointing at the scheduler. */
  private Run cli(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        CLI_MAIN));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "cli-out", ".txt");
    Path err = Files.createTempFile(work, "cli-err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("EM_API", apiUrl);
    Process p = pb.start();
    try {
      if (!p.waitFor(150, TimeUnit.SECONDS)) {
        throw new AssertionError("exhibitor-mesos " + String.join(" ", args) + " did not end");
      }
      return new Run(List.of(args), p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  // --- golden files

  private static String golden(String name) {
    String resource = "golden/cli/" + name + ".txt";
    try (InputStream in = CliEndToEndIT.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return "(no " + resource + ")";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What changes from run to run in the human output, by the line's key: the value, or the volatile
   * part of it, becomes a placeholder. Everything else (ids, states, resources, configuration,
   * myids, roles, modes) is compared as printed.
   */
  private static final Map<Pattern, String> VOLATILE = volatileParts();

  private static Map<Pattern, String> volatileParts() {
    Map<Pattern, String> rules = new java.util.LinkedHashMap<>();
    String hostPort = "[^\\s,:/\\]]+:\\d+";
    rules.put(Pattern.compile("^(    hostname: ).+$"), "$1<host>");
    rules.put(Pattern.compile("^(    task: ).+$"), "$1<task-id>");
    rules.put(Pattern.compile("^(    endpoint: (?:\\w+://)?)" + hostPort + "(.*)$"), "$1<host>:<port>$2");
    rules.put(Pattern.compile("^(    volume: ).+$"), "$1<persistence-id> on <host>");
    rules.put(Pattern.compile("^(    ports: ).+$"), "$1client=<port>, peer=<port>, election=<port>, admin=<port>");
    rules.put(Pattern.compile("^(    connection string: ).+$"), "$1<connect-string>");
    rules.put(Pattern.compile("^(    config version: ).+$"), "$1<config-version>");
    rules.put(Pattern.compile("^(    framework id: ).+$"), "$1<framework-id>");
    rules.put(Pattern.compile("^(      \\[\\d+, )[^,]+(, .*)$"), "$1<host>$2");
    return rules;
  }

  /** Replaces what changes from run to run in the human output ({@link #VOLATILE}), line by line. */
  static String normalise(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String normalised = line;
      for (Map.Entry<Pattern, String> rule : VOLATILE.entrySet()) {
        Matcher m = rule.getKey().matcher(normalised);
        if (m.matches()) {
          normalised = m.replaceFirst(rule.getValue());
          break;
        }
      }
      out.append(normalised).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }
}

package org.exhibitormesos.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testng.annotations.Test;

/** Runs the built distribution's launcher as an operator would. */
public class LauncherIT {
  private static final Path HOME = Path.of(System.getProperty("dist.home"));

  record Result(int exit, String out, String err) { }

  static Result run(String... args) throws Exception {
    return run(Map.of(), args);
  }

  /** @param env variables to set; EM_API is unset unless given here */
  static Result run(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(HOME.resolve("bin/exhibitor-mesos").toString());
    cmd.addAll(List.of(args));
    Path outFile = Files.createTempFile("launcher", ".out");
    Path errFile = Files.createTempFile("launcher", ".err");
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
    builder.environment().remove("EM_API");
    builder.environment().putAll(env);
    Process p = builder.start();
    try {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
      return new Result(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
          Files.readString(errFile, StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
      Files.deleteIfExists(outFile);
      Files.deleteIfExists(errFile);
    }
  }

  @Test
  public void distributionHasTheLauncherAndLibraries() {
    assertThat(Files.isExecutable(HOME.resolve("bin/exhibitor-mesos"))).isTrue();
    assertThat(HOME.resolve("lib").toFile().list()).anyMatch(n -> n.startsWith("exhibitor-mesos-core-"))
        .anyMatch(n -> n.startsWith("exhibitor-mesos-cli-")).anyMatch(n -> n.startsWith("jcommander-"))
        .anyMatch(n -> n.startsWith("exhibitor-mesos-storage-file-")).anyMatch(n -> n.startsWith("gson-"));
    assertThat(HOME.getParent().getParent().resolve("exhibitor-mesos-" + System.getProperty("dist.version") + ".tar.gz"))
        .exists();
  }

  @Test
  public void helpListsTheCommandsItKnows() throws Exception {
    Result r = run("help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: exhibitor-mesos <command>").contains("  help ").contains("  version ")
        .contains("  state ").contains("  status ").contains("  add ").contains("  config ").contains("  start ")
        .contains("  stop ").contains("  remove ");
    assertThat(run().out()).isEqualTo(r.out());
  }

  @Test
  public void mesosLocalIsACommand() throws Exception {
    assertThat(run("help").out()).contains("  mesos-local ");
    Result help = run("help", "mesos-local");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage: exhibitor-mesos mesos-local").contains("--agents N");
    Result bad = run("mesos-local", "--agents", "none");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--agents 'none'");
  }

  @Test
  public void schedulerIsACommandAndFindsItsArtifacts() throws Exception {
    assertThat(run("help").out()).contains("  scheduler ");
    Result help = run("help", "scheduler");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("exhibitor-mesos scheduler").contains("--master").contains("--storage");
    Result bad = run("scheduler", "--api", "http://127.0.0.1:1");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("missing --master");
    java.nio.file.Path artifacts = java.nio.file.Path.of(System.getProperty("dist.home"), "artifacts");
    try (var files = java.nio.file.Files.list(artifacts)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactlyInAnyOrder(
          "exhibitor-mesos-executor-" + System.getProperty("dist.version") + "-all.jar",
          "exhibitor-mesos-executor-" + System.getProperty("dist.version") + "-zookeeper-dist.tar.gz",
          "exhibitor-mesos-exhibitor-bundle-" + System.getProperty("dist.version") + "-bundle.tar.gz");
    }
  }

  @Test
  public void localIsACommandAndRefusesBadOptionsBeforeStartingAnything() throws Exception {
    assertThat(run("help").out()).contains("  local ");
    Result help = run("help", "local");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("Usage: exhibitor-mesos local [options]").contains("--agent-address-block");
    Path dir = Files.createTempDirectory("launcher-local");
    try {
      Result mode = run("local", "--mode", "zk", "--work-dir", dir.resolve("w").toString());
      assertThat(mode.exit()).isEqualTo(2);
      assertThat(mode.err()).contains("Error: --mode 'zk' is invalid: accepted: native, exhibitor");
      Result agents = run("local", "--agents", "2", "--work-dir", dir.resolve("w").toString());
      assertThat(agents.exit()).isEqualTo(2);
      assertThat(agents.err()).contains("Error: --servers 3 needs at least 3 agents");
      assertThat(dir.resolve("w")).doesNotExist();
    } finally {
      Files.deleteIfExists(dir);
    }
  }

  @Test
  public void versionIsTheBuiltVersion() throws Exception {
    Result r = run("version");
    assertThat(r.exit()).isZero();
    assertThat(r.out().trim()).isEqualTo("exhibitor-mesos " + System.getProperty("dist.version"));
  }

  @Test
  public void unknownCommandIsAUsageError() throws Exception {
    Result r = run("frobnicate");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Error: unknown command 'frobnicate'").contains("Commands:");
  }

  @Test
  public void commandsAreDispatchedToTheirModule() throws Exception {
    Path dir = Files.createTempDirectory("launcher-state");
    try {
      Result missing = run("state", "check", "--storage", "file:" + dir.resolve("none.json"));
      assertThat(missing.exit()).isEqualTo(1);
      assertThat(missing.err()).contains("Error: no state at file:");
      Result help = run("help", "state");
      assertThat(help.exit()).isZero();
      assertThat(help.out()).contains("Usage: exhibitor-mesos state check|show");
    } finally {
      Files.deleteIfExists(dir);
    }
  }

  @Test
  public void clientCommandsWithoutAnApiSayHowToSetIt() throws Exception {
    Result r = run("status");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Error: no scheduler API URL: pass -a/--api http://HOST:PORT or set EM_API");
  }

  @Test
  public void clientCommandsNameTheUnreachableApi() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    Result r = run(Map.of("EM_API", url), "status");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("Error: cannot reach the scheduler at " + url + "/api/status: connection refused");
  }

  @Test
  public void clientCommandsGetTheirNameAndHelp() throws Exception {
    Result help = run("help", "add");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("Usage: exhibitor-mesos add <ids> [options]").contains("-m, --mem <number>")
        .contains("groupBy:3");
    assertThat(run("start", "--help").out()).startsWith("Usage: exhibitor-mesos start <ids>");
    Result usage = run("add", "0", "--cpux", "1");
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.err()).contains("Error: unknown option '--cpux' for add; did you mean '--cpu'?");
  }
}

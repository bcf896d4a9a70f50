package org.exhibitormesos.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testng.annotations.Test;

/** Runs the built distribution's launcher as an operator would. */
public class LauncherIT {
  private static final Path HOME = Path.of(System.getProperty("dist.home"));

  record Result(int exit, String out, String err) { }

  static Result run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(HOME.resolve("bin/exhibitor-mesos").toString());
    cmd.addAll(List.of(args));
    Path outFile = Files.createTempFile("launcher", ".out");
    Path errFile = Files.createTempFile("launcher", ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
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
        .anyMatch(n -> n.startsWith("exhibitor-mesos-storage-file-")).anyMatch(n -> n.startsWith("gson-"));
    assertThat(HOME.getParent().getParent().resolve("exhibitor-mesos-" + System.getProperty("dist.version") + ".tar.gz"))
        .exists();
  }

  @Test
  public void helpListsTheCommandsItKnows() throws Exception {
    Result r = run("help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: exhibitor-mesos <command>").contains("  help ").contains("  version ")
        .contains("  state ");
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
}

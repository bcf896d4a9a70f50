package org.exhibitormesos.mesos.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class ProcessLauncherTest {
  private Path sandbox;
  private String marker;
  private ProcessLauncher launcher;

  @BeforeMethod
  public void setUp() throws IOException {
    sandbox = TempDirs.create("launcher-test");
    marker = RunMarkers.newMarker();
    launcher = new ProcessLauncher(marker, true);
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() throws IOException {
    try {
      launcher.close();
      RunMarkers.killAll(marker); // by pid, anything of this test that escaped its group
    } finally {
      TempDirs.delete(sandbox);
    }
  }

  private ManagedProcess shell(String commandLine) throws IOException {
    return launcher.start(ProcessSpec.shell(commandLine, Map.of(), sandbox));
  }

  private static int exitCode(ManagedProcess process) throws Exception {
    return process.exit().get(10, TimeUnit.SECONDS);
  }

  private String stdout() throws IOException {
    return Files.readString(sandbox.resolve("stdout"), StandardCharsets.UTF_8);
  }

  @Test
  public void shellFormRunsWithBinShAndAppendsOutputToTheFiles() throws Exception {
    Files.writeString(sandbox.resolve("stdout"), "before\n");
    ManagedProcess process = shell("echo out; echo err >&2; echo $0; exit 3");

    assertThat(exitCode(process)).isEqualTo(3);
    assertThat(stdout()).isEqualTo("before\nout\n/bin/sh\n");
    assertThat(Files.readString(sandbox.resolve("stderr"))).isEqualTo("err\n");
  }

  @Test
  public void argvFormPassesArgumentsVerbatimWithoutAShell() throws Exception {
    ManagedProcess process = launcher.start(
        ProcessSpec.argv(List.of("echo", "a  b", "$HOME", "*"), Map.of(), sandbox));

    assertThat(exitCode(process)).isZero();
    assertThat(stdout()).isEqualTo("a  b $HOME *\n");
  }

  @Test
  public void workingDirectoryIsTheSpecsDirectory() throws Exception {
    assertThat(exitCode(shell("pwd"))).isZero();
    assertThat(stdout().trim()).isEqualTo(sandbox.toRealPath().toString());
  }

  @Test
  public void environmentIsExactlyTheSpecPlusPassthroughPlusMarker() throws Exception {
    Map<String, String> specEnv = Map.of("A", "1", "B", "two words", "LANG", "C.UTF-8",
        ProcessLauncher.MARKER_VARIABLE, "spoofed");
    ProcessSpec spec = ProcessSpec.argv(List.of("env"), specEnv, sandbox);

    assertThat(exitCode(launcher.start(spec))).isZero();

    Map<String, String> actual = new HashMap<>();
    for (String line : stdout().split("\n")) {
      int eq = line.indexOf('=');
      actual.put(line.substring(0, eq), line.substring(eq + 1));
    }
    Map<String, String> expected = new HashMap<>();
    for (String name : List.of("PATH", "HOME", "JAVA_HOME")) {
      if (System.getenv(name) != null) {
        expected.put(name, System.getenv(name));
      }
    }
    expected.putIfAbsent("PATH", ProcessLauncher.DEFAULT_PATH);
    expected.put("A", "1");
    expected.put("B", "two words");
    expected.put("LANG", "C.UTF-8"); // the spec wins over the passthrough
    expected.put(ProcessLauncher.MARKER_VARIABLE, marker); // the marker always wins
    assertThat(actual).isEqualTo(expected);
    assertThat(launcher.environment(spec)).isEqualTo(expected);
  }

  @Test
  public void childIsLeaderOfItsOwnSessionAndProcessGroup() throws Exception {
    ManagedProcess process = shell("sleep 1000");

    ProcStat stat = ProcStat.read(process.pid()).orElseThrow();
    assertThat(stat.processGroup()).isEqualTo(process.pid());
    assertThat(stat.session()).isEqualTo(process.pid());
    assertThat(stat.processGroup()).isNotEqualTo(
        ProcStat.read(ProcessHandle.current().pid()).orElseThrow().processGroup());
    process.kill();
    assertThat(exitCode(process)).isEqualTo(137);
  }

  @Test
  public void exitCodesAreTheStatusOr128PlusSignal() throws Exception {
    assertThat(exitCode(shell("exit 0"))).isZero();
    assertThat(exitCode(shell("exit 3"))).isEqualTo(3);
    assertThat(exitCode(shell("kill -KILL $$"))).isEqualTo(128 + 9);
    assertThat(exitCode(shell("kill -TERM $$"))).isEqualTo(128 + 15);
  }

  @Test
  public void terminateStopsTheWholeGroupIncludingGrandchildren() throws Exception {
    ManagedProcess process = shell("sleep 1000 & exec sleep 1000");
    Await.until(() -> ProcStat.liveMembers(process.pid()).size() == 2, "leader and grandchild");

    long started = System.nanoTime();
    process.terminate(Duration.ofSeconds(30));

    assertThat(exitCode(process)).isEqualTo(128 + 15);
    Await.until(() -> !process.isGroupAlive(), "the whole group to exit");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(RunMarkers.find(marker)).isEmpty();
  }

  @Test
  public void terminateSendsSigkillAfterTheGraceWhenSigtermIsIgnored() throws Exception {
    ManagedProcess process = shell("trap '' TERM; sleep 1000 & echo ready; wait");
    Await.until(() -> readyLines() == 1 && ProcStat.liveMembers(process.pid()).size() == 2,
        "the trap and the grandchild to be set up");

    long started = System.nanoTime();
    process.terminate(Duration.ofMillis(300));

    assertThat(exitCode(process)).isEqualTo(128 + 9);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    Await.until(() -> !process.isGroupAlive(), "the grandchild to be killed too");
  }

  private long readyLines() {
    try {
      return stdout().lines().filter("ready"::equals).count();
    } catch (IOException e) {
      return 0;
    }
  }

  @Test
  public void killSigkillsTheGroupNow() throws Exception {
    ManagedProcess process = shell("trap '' TERM; sleep 1000 & exec sleep 1000");
    Await.until(() -> ProcStat.liveMembers(process.pid()).size() == 2, "leader and grandchild");
    assertThat(process.isAlive()).isTrue();

    process.kill();

    assertThat(exitCode(process)).isEqualTo(137);
    assertThat(process.isAlive()).isFalse();
    Await.until(() -> !process.isGroupAlive(), "the grandchild to be killed too");
  }

  @Test
  public void closeWithCleanupKillsGroupsWhoseLeaderAlreadyExited() throws Exception {
    ManagedProcess exited = shell("sleep 1000 & echo started");
    ManagedProcess running = shell("sleep 1000 & exec sleep 1000");
    assertThat(exitCode(exited)).isZero();
    Await.until(() -> ProcStat.liveMembers(running.pid()).size() == 2, "second group");
    assertThat(exited.isGroupAlive()).as("orphaned grandchild").isTrue();

    launcher.close();

    assertThat(exitCode(running)).isEqualTo(137);
    Await.until(() -> !exited.isGroupAlive() && !running.isGroupAlive(), "both groups gone");
    assertThat(RunMarkers.find(marker)).isEmpty();
  }

  @Test
  public void closeWithCleanupOffKillsOnlyTheDirectChild() throws Exception {
    String ownMarker = RunMarkers.newMarker();
    ProcessLauncher noCleanup = new ProcessLauncher(ownMarker, false);
    try {
      ManagedProcess process =
          noCleanup.start(ProcessSpec.shell("sleep 1000 & exec sleep 1000", Map.of(), sandbox));
      Await.until(() -> ProcStat.liveMembers(process.pid()).size() == 2, "leader and grandchild");

      noCleanup.close();

      assertThat(exitCode(process)).isEqualTo(137);
      List<ProcessHandle> leftovers = RunMarkers.find(ownMarker);
      assertThat(leftovers).hasSize(1);
      assertThat(leftovers.get(0).pid()).isNotEqualTo(process.pid());
      assertThat(process.isGroupAlive()).isTrue();

      assertThat(RunMarkers.killAll(ownMarker)).isEqualTo(1);
      Await.until(() -> RunMarkers.find(ownMarker).isEmpty(), "the grandchild to die");
      Await.until(() -> !process.isGroupAlive(), "the group to be gone");
    } finally {
      noCleanup.close();
      RunMarkers.killAll(ownMarker);
    }
  }

  @Test
  public void closeIsIdempotentAndStartAfterCloseFails() throws Exception {
    ManagedProcess process = shell("sleep 1000");
    launcher.close();
    launcher.close();

    assertThat(exitCode(process)).isEqualTo(137);
    assertThatThrownBy(() -> shell("true")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  public void terminateAfterCloseKillsWithoutTheScheduler() throws Exception {
    ProcessLauncher noCleanup = new ProcessLauncher(marker, false);
    try {
      ManagedProcess process =
          noCleanup.start(ProcessSpec.shell("trap '' TERM; echo ready; sleep 1000", Map.of(),
              sandbox));
      Await.until(() -> readyLines() == 1, "the trap to be set");
      noCleanup.close(); // kills sh only; sleep survives in the group
      Await.until(() -> !process.isAlive(), "the direct child to die");

      process.terminate(Duration.ofSeconds(30));

      Await.until(() -> !process.isGroupAlive(), "immediate SIGKILL of the group");
    } finally {
      noCleanup.close(); // the marker's leftovers are killed in tearDown
    }
  }

  @Test
  public void missingWorkingDirectoryIsAnIoException() {
    Path missing = sandbox.resolve("missing");
    assertThatThrownBy(() -> launcher.start(ProcessSpec.shell("true", Map.of(), missing)))
        .isInstanceOf(IOException.class).hasMessageContaining(missing.toString());
  }

  @Test
  public void shellSpecMustBeOneString() {
    assertThatThrownBy(() -> new ProcessSpec(List.of("echo", "x"), true, Map.of(), sandbox,
        sandbox.resolve("o"), sandbox.resolve("e")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one string");
  }
}

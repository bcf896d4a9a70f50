package org.exhibitormesos.mesos.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.testng.annotations.Test;

public class RunMarkersTest {
  @Test
  public void markersAreUnique() {
    assertThat(RunMarkers.newMarker()).isNotEqualTo(RunMarkers.newMarker())
        .startsWith("mesos-local-");
  }

  @Test
  public void findReturnsExactlyTheProcessesOfOneRunAndKillAllKillsThem() throws Exception {
    Path dir = TempDirs.create("run-markers-test");
    String a = RunMarkers.newMarker();
    String b = RunMarkers.newMarker();
    ProcessLauncher launcherA = new ProcessLauncher(a, true);
    ProcessLauncher launcherB = new ProcessLauncher(b, true);
    try {
      ManagedProcess a1 = launcherA.start(
          ProcessSpec.shell("sleep 1000 & exec sleep 1000", Map.of(), dir));
      ProcessSpec sleep = ProcessSpec.argv(List.of("sleep", "1000"), Map.of(), dir);
      ManagedProcess a2 = launcherA.start(sleep);
      ManagedProcess b1 = launcherB.start(sleep);
      Await.until(() -> RunMarkers.find(a).size() == 3, "two processes and a grandchild of run A");

      Set<Long> foundA = pids(RunMarkers.find(a));
      assertThat(foundA).contains(a1.pid(), a2.pid()).doesNotContain(b1.pid());
      assertThat(foundA).allSatisfy(pid -> assertThat(ProcStat.read(pid).orElseThrow()
          .processGroup()).isIn(a1.pid(), a2.pid()));
      assertThat(pids(RunMarkers.find(b))).containsExactly(b1.pid());
      assertThat(pids(RunMarkers.findAny())).containsAll(foundA).contains(b1.pid())
          .doesNotContain(ProcessHandle.current().pid());
      assertThat(RunMarkers.markerOf(b1.pid())).contains(b);

      assertThat(RunMarkers.killAll(a)).isEqualTo(3);

      Await.until(() -> RunMarkers.find(a).isEmpty(), "run A to be gone");
      assertThat(b1.isAlive()).isTrue();
      assertThat(RunMarkers.find(RunMarkers.newMarker())).isEmpty();
    } finally {
      launcherA.close();
      launcherB.close();
      RunMarkers.killAll(a);
      RunMarkers.killAll(b);
      TempDirs.delete(dir);
    }
  }

  private static Set<Long> pids(List<ProcessHandle> handles) {
    return handles.stream().map(ProcessHandle::pid).collect(Collectors.toSet());
  }
}

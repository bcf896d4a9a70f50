package org.exhibitormesos.mesos.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exhibitormesos.mesos.local.testing.DirVolumeStore;
import org.exhibitormesos.mesos.local.testing.InJvmExecutorRuntime;
import org.testng.annotations.Test;

/** Flags of {@code exhibitor-mesos mesos-local} and what it prints. */
public class MesosLocalMainTest {
  @Test
  public void parsesFlagsAndPrintsTheCluster() throws Exception {
    Path dir = Files.createTempDirectory("mesos-local-main");
    MesosLocalConfig config = MesosLocalMain.parse(new String[] {"--agents", "2", "--port", "0",
        "--work-dir", dir.toString(), "--cpus", "1", "--attributes", "rack:r{i};zone:a",
        "--ports", "[40000-40100]"});
    assertThat(config.agents()).hasSize(2);
    assertThat(config.agents().get(1).address()).isEqualTo("127.0.0.3");
    try (MesosLocal local = MesosLocal.start(config, new InJvmExecutorRuntime(),
        DirVolumeStore::new)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      MesosLocalMain.print(local, new PrintStream(out, true));
      String text = out.toString();
      assertThat(text).contains("mesos-local master: http://127.0.0.1:", "agent 0: ",
          "at 127.0.0.2:", "cpus:1", "ports:[40000-40100]", "attributes rack:r0;zone:a",
          "agent 1: ", "rack:r1");
    }
  }

  @Test
  public void badFlagsNameTheFlag() {
    assertThatThrownBy(() -> MesosLocalMain.parse(new String[] {"--agents", "zero"}))
        .hasMessageContaining("--agents 'zero'");
    assertThatThrownBy(() -> MesosLocalMain.parse(new String[] {"--zk", "localhost:2181"}))
        .hasMessageContaining("zk://");
    assertThatThrownBy(() -> MesosLocalMain.parse(new String[] {"--bogus"}))
        .hasMessageContaining("--bogus");
  }
}

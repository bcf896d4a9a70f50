package org.exhibitormesos.it;

import org.exhibitormesos.core.testing.TempDirs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.zookeeper.ZooKeeper;
import org.exhibitormesos.core.ensemble.ConfigFiles;
import org.exhibitormesos.core.ensemble.DynamicConfig;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.ensemble.SuperDigest;
import org.exhibitormesos.core.ensemble.ZooCfgSpec;
import org.testng.annotations.Test;

/**
 * A real ZooKeeper started from files core renders: one participant, native mode,
 * {@code standaloneEnabled=false}. It must elect itself leader, and the committed config it
 * reports must parse back to the member it was given.
 */
public class SingleServerQuorumIT {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  @Test
  public void oneVoterQuorumLeadsAndReportsItsConfig() throws Exception {
    Path dir = TempDirs.create("single-zk-");
    List<Integer> ports = LocalPorts.free(3);
    EnsembleMember self = EnsembleMember.participant(
        1, LocalPorts.HOST, ports.get(0), ports.get(1), ports.get(2));
    Path cfg = dir.resolve("conf/zoo.cfg");
    Path dynamic = dir.resolve("conf/zoo.cfg.dynamic");
    ZooCfgSpec spec = ZooCfgSpec.nativeMode(dir.resolve("data").toString(), dynamic.toString())
        .withSuperDigest(SuperDigest.of("secret"));
    TempDirs.write(cfg, ConfigFiles.zooCfg(spec));
    TempDirs.write(dynamic, ConfigFiles.dynamicConfig(List.of(self)));
    TempDirs.write(dir.resolve("data/myid"), ConfigFiles.myid(1));

    long started = System.nanoTime();
    ZooKeeperProcess server = ZooKeeperProcess.start(cfg, dir.resolve("zookeeper.log"));
    try {
      Optional<String> srvr = Poll.until(START_TIMEOUT, () -> {
        if (!server.isAlive()) {
          return Optional.of("exited");
        }
        return FourLetterWords.ask(LocalPorts.HOST, self.clientPort(), "srvr")
            .filter(answer -> answer.contains("Mode: leader"));
      });
      if (srvr.isEmpty() || srvr.get().equals("exited")) {
        fail("ZooKeeper (pid " + server.pid() + ") did not lead within " + START_TIMEOUT
            + "; srvr said: " + FourLetterWords.ask(LocalPorts.HOST, self.clientPort(), "srvr")
            + "\n--- log ---\n" + server.log());
      }
      System.out.printf("ZooKeeper leader after %d ms%n", (System.nanoTime() - started) / 1_000_000);

      Ensemble committed = committedConfig(self.clientAddress());
      assertThat(committed.members()).containsExactly(self);
      assertThat(committed.hasVersion()).isTrue();
      assertThat(committed.connectString()).isEqualTo(self.clientAddress());
    } finally {
      server.close();
      TempDirs.delete(dir);
    }
  }

  /** What {@code getConfig} returns, parsed by core. */
  private static Ensemble committedConfig(String connectString) throws Exception {
    ZooKeeper zk = new ZooKeeper(connectString, 15_000, event -> { });
    try {
      byte[] raw = zk.getConfig(false, null);
      return DynamicConfig.parse(new String(raw, StandardCharsets.UTF_8));
    } finally {
      zk.close();
    }
  }
}

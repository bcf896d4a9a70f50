package org.exhibitormesos.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.master.MasterSpec;
import org.exhibitormesos.mesos.http.master.ZkMasterDetector;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.exhibitormesos.mesos.local.MesosLocalConfig;
import org.testng.annotations.Test;

/**
 * {@code zk://} master detection (mesos-http's {@link ZkMasterDetector}) against a real ZooKeeper
 * server process where two mesos-local masters register as Mesos masters do: the detector follows
 * the leading master (the lowest sequence) through a failover of the leader (its re-registration
 * goes behind the other master, which then leads) and the other master's shutdown.
 */
public class ZkMasterDetectionIT {

  @Test(timeOut = 120_000)
  public void theDetectorFollowsTheLeadingMesosLocalMasterAcrossChanges() throws Exception {
    Path work = Files.createTempDirectory("zk-master-detection");
    int zkPort = LocalPorts.free(1).get(0);
    Files.writeString(work.resolve("zoo.cfg"), String.join("\n", "tickTime=1000", "dataDir=" + work.resolve("data"),
        "clientPort=" + zkPort, "clientPortAddress=" + LocalPorts.HOST, "admin.enableServer=false",
        "4lw.commands.whitelist=*", ""));
    String url = "zk://" + LocalPorts.HOST + ":" + zkPort + "/mesos";
    int block = LoopbackAgents.randomBlock();
    ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    List<Optional<HostAndPort>> changes = new CopyOnWriteArrayList<>();
    try (ZooKeeperProcess zk = ZooKeeperProcess.start(work.resolve("zoo.cfg"), work.resolve("zookeeper.log"))) {
      Poll.until(Duration.ofSeconds(30), () -> FourLetterWords.ask(LocalPorts.HOST, zkPort, "ruok")
          .filter(a -> a.contains("imok"))).orElseThrow(() -> new AssertionError("no ZooKeeper:\n" + zk.log()));
      try (MesosLocal first = MesosLocal.start(LoopbackAgents.inBlock(
              MesosLocalConfig.defaults(work.resolve("m1"), 1).fast().withZk(url), block));
          MesosLocal second = MesosLocal.start(LoopbackAgents.inBlock(
              MesosLocalConfig.defaults(work.resolve("m2"), 1).fast().withZk(url), block + 1));
          ZkMasterDetector detector = new ZkMasterDetector((MasterSpec.Zk) MasterSpec.parse(url),
              Duration.ofSeconds(10), thread)) {
        assertThat(first.masterEndpoint()).isNotEqualTo(second.masterEndpoint());
        detector.addListener(changes::add);
        detector.start();
        assertThat(detector.leader().get(20, TimeUnit.SECONDS)).as("the first registered leads")
            .isEqualTo(first.masterEndpoint());

        first.failoverMaster(); // re-registers with a higher sequence than the second master
        awaitLeader(detector, changes, second.masterEndpoint());

        second.close(); // its ephemeral registration goes with its session
        awaitLeader(detector, changes, first.masterEndpoint());
        System.out.println("zk:// leader changes seen by the detector: " + changes);
      }
    } finally {
      thread.shutdownNow();
      try (var paths = Files.walk(work)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void awaitLeader(ZkMasterDetector detector, List<Optional<HostAndPort>> changes,
      HostAndPort expected) throws Exception {
    Poll.until(Duration.ofSeconds(30), () -> changes.isEmpty() || !changes.get(changes.size() - 1)
        .equals(Optional.of(expected)) ? Optional.empty() : Optional.of(true))
        .orElseThrow(() -> new AssertionError("the detector did not report " + expected + "; changes: " + changes));
    assertThat(detector.leader().get(5, TimeUnit.SECONDS)).isEqualTo(expected);
  }
}

package org.exhibitormesos.executor.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.executor.testing.TestFiles;
import org.exhibitormesos.executor.testing.TestTasks;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class ZooKeeperFilesTest {
  private static final Ports PORTS = new Ports(31000, 31001, 31002, 31003);
  private Path sandbox;

  @BeforeMethod
  public void setUp() throws Exception {
    sandbox = Files.createTempDirectory("sandbox");
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() {
    TestFiles.deleteTree(sandbox);
  }

  @Test
  public void bootstrapWritesRelativeConfigOnTheVolume() throws Exception {
    LaunchSpec spec = TestTasks.bootstrap(2, PORTS, Optional.of("zkdata"));
    ZooKeeperLayout layout = ZooKeeperLayout.of(sandbox, spec);
    DataOnDisk data = ZooKeeperFiles.prepare(spec, layout);
    assertThat(data).isEqualTo(DataOnDisk.EMPTY);
    Path home = sandbox.resolve("zkdata");
    assertThat(Files.readString(home.resolve("conf/zoo.cfg")))
        .contains("dataDir=data\n", "dynamicConfigFile=conf/zoo.cfg.dynamic\n",
            "admin.enableServer=false\n", "standaloneEnabled=false\n");
    assertThat(Files.readString(home.resolve("conf/zoo.cfg.dynamic")))
        .isEqualTo("server.2=127.0.0.1:31001:31002:participant;127.0.0.1:31000\n");
    assertThat(Files.readString(home.resolve("data/myid"))).isEqualTo("2\n");
    assertThat(layout.zooCfgArgument()).isEqualTo("conf/zoo.cfg");
    // A second bootstrap on the same volume reports the data it finds.
    assertThat(ZooKeeperFiles.prepare(spec, layout).myid()).contains(2);
  }

  @Test
  public void operatorDirectoriesWithoutAVolumeAreAbsolute() throws Exception {
    LaunchSpec base = TestTasks.bootstrap(1, PORTS, Optional.empty());
    LaunchSpec spec = new LaunchSpec(base.serverId(), base.myid(), base.mode(), base.host(),
        base.ports(), base.configSource(), base.dynamicConfig(), base.volume(),
        base.zookeeper().withDirectories(Optional.of("zk-data"), Optional.of("zk-log")));
    ZooKeeperFiles.prepare(spec, ZooKeeperLayout.of(sandbox, spec));
    String cfg = Files.readString(sandbox.resolve("zookeeper/conf/zoo.cfg"));
    assertThat(cfg).contains("dataDir=" + sandbox.toRealPath().resolve("zk-data") + "\n",
        "dataLogDir=" + sandbox.toRealPath().resolve("zk-log") + "\n");
    assertThat(Files.readString(sandbox.resolve("zk-data/myid"))).isEqualTo("1\n");
  }

  @Test
  public void restartWithoutConfigFailsClearly() {
    LaunchSpec spec = TestTasks.restart(1, PORTS, Optional.of("zkdata"));
    assertThatThrownBy(() -> ZooKeeperFiles.prepare(spec, ZooKeeperLayout.of(sandbox, spec)))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("volume holds no config; refusing to invent one");
  }

  @Test
  public void restartWithoutItsDynamicFileFails() throws Exception {
    LaunchSpec boot = TestTasks.bootstrap(1, PORTS, Optional.of("zkdata"));
    ZooKeeperFiles.prepare(boot, ZooKeeperLayout.of(sandbox, boot));
    Files.delete(sandbox.resolve("zkdata/conf/zoo.cfg.dynamic"));
    LaunchSpec spec = TestTasks.restart(1, PORTS, Optional.of("zkdata"));
    assertThatThrownBy(() -> ZooKeeperFiles.prepare(spec, ZooKeeperLayout.of(sandbox, spec)))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("names dynamic config file 'conf/zoo.cfg.dynamic'");
  }

  @Test
  public void refusesAnotherServersData() throws Exception {
    LaunchSpec one = TestTasks.bootstrap(1, PORTS, Optional.of("zkdata"));
    ZooKeeperFiles.prepare(one, ZooKeeperLayout.of(sandbox, one));
    LaunchSpec two = TestTasks.bootstrap(2, PORTS, Optional.of("zkdata"));
    assertThatThrownBy(() -> ZooKeeperFiles.prepare(two, ZooKeeperLayout.of(sandbox, two)))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("holds myid 1 but this task is server myid 2");
  }

  @Test
  public void aBootstrapAgainOnAVolumeWithoutDataFilesWritesTheInitialConfigAgain() throws Exception {
    LaunchSpec spec = TestTasks.bootstrap(2, PORTS, Optional.of("zkdata"));
    ZooKeeperLayout layout = ZooKeeperLayout.of(sandbox, spec);
    ZooKeeperFiles.prepare(spec, layout);
    Files.writeString(layout.zooCfg(), "garbage\n");
    DataOnDisk again = ZooKeeperFiles.prepare(spec, layout);
    assertThat(again.lastZxid()).isEmpty();
    assertThat(Files.readString(layout.zooCfg())).contains("dynamicConfigFile=conf/zoo.cfg.dynamic\n");
  }

  @Test
  public void aBootstrapOnAVolumeHoldingZooKeeperDataNeverOverwritesIt() throws Exception {
    LaunchSpec spec = TestTasks.bootstrap(2, PORTS, Optional.of("zkdata"));
    ZooKeeperLayout layout = ZooKeeperLayout.of(sandbox, spec);
    ZooKeeperFiles.prepare(spec, layout);
    // What ZooKeeper leaves once it ran: data files and a config it rewrote after a reconfig.
    Files.createDirectories(layout.transactionLogDir().resolve("version-2"));
    Files.writeString(layout.transactionLogDir().resolve("version-2/log.100000001"), "x");
    Files.writeString(layout.initialDynamicFile(), "server.2=127.0.0.1:31001:31002:participant;127.0.0.1:31000\n"
        + "server.7=127.0.0.9:31001:31002:participant;127.0.0.9:31000\n");
    DataOnDisk data = ZooKeeperFiles.prepare(spec, layout);
    assertThat(data.lastZxid()).contains(0x100000001L);
    assertThat(Files.readString(layout.initialDynamicFile())).contains("server.7=");
  }

  @Test
  public void aBootstrapOnDataWithoutItsConfigIsRefused() throws Exception {
    LaunchSpec spec = TestTasks.bootstrap(2, PORTS, Optional.of("zkdata"));
    ZooKeeperLayout layout = ZooKeeperLayout.of(sandbox, spec);
    ZooKeeperFiles.prepare(spec, layout);
    Files.createDirectories(layout.dataDir().resolve("version-2"));
    Files.writeString(layout.dataDir().resolve("version-2/snapshot.0"), "x");
    Files.delete(layout.zooCfg());
    assertThatThrownBy(() -> ZooKeeperFiles.prepare(spec, layout))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("volume holds no config");
  }
}

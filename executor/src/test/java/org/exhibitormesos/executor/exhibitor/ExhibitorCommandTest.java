package org.exhibitormesos.executor.exhibitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.exhibitormesos.core.launch.ExhibitorServer;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.executor.process.ProcessSpec;
import org.exhibitormesos.executor.testing.TestFiles;
import org.exhibitormesos.executor.testing.TestTasks;
import org.exhibitormesos.executor.zookeeper.Installation;
import org.exhibitormesos.executor.zookeeper.LaunchException;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class ExhibitorCommandTest {
  private static final Ports PORTS = new Ports(32181, 32888, 33888, 38080);
  private Path sandbox;

  @BeforeMethod
  public void setUp() throws Exception {
    sandbox = Files.createTempDirectory("exhibitor-sandbox").toRealPath();
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() {
    TestFiles.deleteTree(sandbox);
  }

  private static LaunchSpec spec() {
    LaunchSpec base = TestTasks.exhibitor(2, "127.0.0.3", PORTS);
    return new LaunchSpec(base.serverId(), base.myid(), base.mode(), base.host(), base.ports(),
        base.configSource(), Optional.empty(), base.volume(),
        base.zookeeper().withText("maxClientCnxns=50", "-Dx=1",
            Optional.of("rootLogger.level = WARN\n")).withCleanup(3_600_000, 5),
        Optional.of(base.exhibitor().orElseThrow().withFlags(Map.of("configcheckms", "500",
            "servo", "false")).withSharedConfig(Map.of("backup-period-ms", "60000"))));
  }

  @Test
  public void defaultConfigHasTheSharedSettingsExhibitorStartsFrom() throws Exception {
    LaunchSpec spec = spec();
    ExhibitorLayout layout = ExhibitorLayout.of(sandbox, spec);
    Properties p = new Properties();
    p.load(new StringReader(ExhibitorDefaults.render(ExhibitorDefaults.properties(spec, layout,
        Path.of("/zk")))));
    assertThat(p.getProperty("servers-spec")).isEqualTo("S:2:127.0.0.3");
    assertThat(p.getProperty("zookeeper-install-directory")).isEqualTo("/zk");
    assertThat(p.getProperty("zookeeper-data-directory"))
        .isEqualTo(sandbox.resolve("zkdata/data").toString());
    assertThat(p.getProperty("zookeeper-log-directory"))
        .isEqualTo(sandbox.resolve("zkdata/data").toString());
    assertThat(p.getProperty("client-port")).isEqualTo("32181");
    assertThat(p.getProperty("connect-port")).isEqualTo("32888");
    assertThat(p.getProperty("election-port")).isEqualTo("33888");
    assertThat(p.getProperty("check-ms")).isEqualTo("1000");
    assertThat(p.getProperty("cleanup-period-ms")).isEqualTo("3600000");
    assertThat(p.getProperty("cleanup-max-files")).isEqualTo("5");
    assertThat(p.getProperty("auto-manage-instances")).isEqualTo("0");
    assertThat(p.getProperty("backup-period-ms")).isEqualTo("60000");
    // Exhibitor's timing, the whitelist with ruok and srvr, then the operator's entries.
    assertThat(p.getProperty("zoo-cfg-extra")).isEqualTo("initLimit=10&syncLimit=5"
        + "&tickTime=2000&4lw.commands.whitelist=srvr%2Cmntr%2Cconf%2Cruok%2Cstat"
        + "&maxClientCnxns=50");
    assertThat(p).doesNotContainKeys("java-environment", "log4j-properties");
  }

  @Test
  public void commandRunsExhibitorUnderTheParentWatchBoundToTheTaskAddress() {
    LaunchSpec spec = spec();
    ExhibitorLayout layout = ExhibitorLayout.of(sandbox, spec);
    Installation install = new Installation(Path.of("/jdk/bin/java"), sandbox.resolve("zk"));
    ExhibitorBundle bundle = new ExhibitorBundle(sandbox.resolve("exhibitor-bundle"));
    ProcessSpec process = ExhibitorCommand.of(spec, layout, install, bundle, "/usr/bin");
    assertThat(process.command()).containsSubsequence("/jdk/bin/java", "-Xmx128m",
        "-Dcom.sun.xml.bind.v2.bytecode.ClassTailor.noOptimize=true",
        "-Djdk.net.hosts.file=" + sandbox.resolve("exhibitor-run/hosts"),
        "-Dexhibitormesos.bindHost=127.0.0.3", "-cp",
        sandbox.resolve("exhibitor-bundle/lib") + "/*:" + sandbox.resolve(
            "zk/lib/exhibitor-mesos-zk-launcher.jar"),
        "org.exhibitormesos.zklauncher.ParentWatchLauncher",
        "org.exhibitormesos.exhibitorlauncher.BoundExhibitorMain");
    assertThat(String.join(" ", process.command())).endsWith("--configtype file"
        + " --configcheckms 500 --hostname 127.0.0.3 --servo false --fsconfigdir "
        + sandbox.resolve("zkdata/exhibitor") + " --port 38080 --defaultconfig "
        + sandbox.resolve("exhibitor-run/exhibitor-defaults.properties"));
    assertThat(process.environment()).containsEntry("PATH",
        sandbox.resolve("zk/bin") + ":/jdk/bin:/usr/bin")
        .containsEntry("EXHIBITOR_MESOS_ZK_HOST", "127.0.0.3")
        .containsEntry("EXHIBITOR_MESOS_PARENT_FIFO",
            sandbox.resolve("exhibitor-run/parent-watch.fifo").toString())
        .containsEntry("EXHIBITOR_MESOS_RUN_DIR", sandbox.resolve("exhibitor-run").toString())
        .containsEntry("EXHIBITOR_MESOS_ZK_HEAP_MB", "96")
        .containsEntry("EXHIBITOR_MESOS_ZK_JVM_OPTS", "-Dx=1")
        .containsEntry("EXHIBITOR_MESOS_ZK_LOG4J",
            sandbox.resolve("exhibitor-run/zookeeper-log4j2.properties").toString());
  }

  @Test
  public void anotherConfigTypeGetsNoFsConfigDir() {
    LaunchSpec base = spec();
    LaunchSpec spec = new LaunchSpec(base.serverId(), base.myid(), base.mode(), base.host(),
        base.ports(), base.configSource(), Optional.empty(), base.volume(), base.zookeeper(),
        Optional.of(base.exhibitor().orElseThrow().withFlags(Map.of("configtype", "zookeeper",
            "zkconfigconnect", "zk:2181", "zkconfigzpath", "/ex"))));
    List<String> flags = ExhibitorCommand.flags(spec, ExhibitorLayout.of(sandbox, spec));
    assertThat(flags).containsSubsequence("--configtype", "zookeeper").doesNotContain(
        "--fsconfigdir");
  }

  @Test
  public void preparesDirectoriesHostsAndDefaultsAndRefusesAnotherServersData()
      throws Exception {
    LaunchSpec spec = spec();
    ExhibitorLayout layout = ExhibitorLayout.of(sandbox, spec);
    ExhibitorFiles.prepare(spec, layout, sandbox.resolve("zk"));
    assertThat(Files.readString(layout.hostsFile())).isEqualTo("127.0.0.3 localhost\n");
    assertThat(Files.readString(layout.defaultConfig())).contains("servers-spec=S\\:2\\:127.0.0.3");
    assertThat(Files.readString(layout.zooKeeperLog4j())).isEqualTo("rootLogger.level = WARN\n");
    assertThat(layout.configDir()).isDirectory();
    assertThat(ExhibitorFiles.refreshHosts(layout, List.of("127.0.0.4", "localhost"))).isFalse();
    Files.writeString(layout.dataDir().resolve("myid"), "7\n");
    assertThatThrownBy(() -> ExhibitorFiles.prepare(spec, layout, sandbox.resolve("zk")))
        .isInstanceOf(LaunchException.class).hasMessageContaining("holds myid 7");
  }

  @Test
  public void hostsFileMapsLocalhostAndNamesTheSpecHosts() {
    assertThat(ExhibitorFiles.hostsText("10.0.0.5", "agent-1", Map.of("agent-2", "10.0.0.6",
        "agent-1", "10.0.0.5"))).isEqualTo("10.0.0.5 localhost agent-1\n10.0.0.6 agent-2\n");
  }

  @Test
  public void findsTheBundleOrNamesTheMissingArchive() throws Exception {
    assertThatThrownBy(() -> ExhibitorBundle.find(sandbox)).isInstanceOf(LaunchException.class)
        .hasMessageContaining("exhibitor-bundle.tar.gz");
    Path lib = sandbox.resolve("x/exhibitor-bundle/lib");
    Files.createDirectories(lib);
    Files.createFile(lib.resolve(ExhibitorBundle.LAUNCHER_JAR));
    Files.createFile(lib.resolve("exhibitor-standalone-1.5.6.jar"));
    assertThat(ExhibitorBundle.find(sandbox).home()).isEqualTo(lib.getParent());
    assertThat(ExhibitorServer.renderSpec(spec().exhibitor().orElseThrow().serversSpec()))
        .isEqualTo("S:2:127.0.0.3");
  }
}

package org.exhibitormesos.executor.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.executor.process.ProcessSpec;
import org.exhibitormesos.executor.testing.TestFiles;
import org.exhibitormesos.executor.testing.TestTasks;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class InstallationAndCommandTest {
  private Path sandbox;

  @BeforeMethod
  public void setUp() throws Exception {
    sandbox = Files.createTempDirectory("sandbox").toRealPath();
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() {
    TestFiles.deleteTree(sandbox);
  }

  private Path distribution(String dir) throws Exception {
    Path lib = sandbox.resolve(dir).resolve("lib");
    Files.createDirectories(lib);
    Files.createFile(lib.getParent().resolve("zookeeper-3.9.5.jar"));
    Files.createFile(lib.resolve(Installation.LAUNCHER_JAR));
    return lib.getParent();
  }

  private Path java(String dir) throws Exception {
    Path bin = sandbox.resolve(dir).resolve("bin");
    Files.createDirectories(bin);
    Path java = bin.resolve("java");
    Files.createFile(java, PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    return java;
  }

  @Test
  public void findsTheFetchedDistributionAndPrefersAShippedJava() throws Exception {
    Path dist = distribution("zookeeper-dist");
    Path java = java("jre-17/jdk-17.0.2");
    Installation found = Installation.find(sandbox, Map.of("JAVA_HOME", "/nowhere"));
    assertThat(found.zookeeperHome()).isEqualTo(dist);
    assertThat(found.java()).isEqualTo(java);
    assertThat(found.classpath()).isEqualTo(dist + "/*:" + dist.resolve("lib") + "/*");
  }

  @Test
  public void javaHomeThenTheExecutorsOwnJava() throws Exception {
    distribution("somewhere/else/zk");
    Path javaHome = Path.of(System.getProperty("java.home"));
    assertThat(Installation.find(sandbox, Map.of("JAVA_HOME", javaHome.toString())).java())
        .isEqualTo(javaHome.resolve("bin/java"));
    assertThat(Installation.find(sandbox, Map.of()).java())
        .isEqualTo(javaHome.resolve("bin/java"));
  }

  @Test
  public void missingDistributionIsAClearError() {
    assertThatThrownBy(() -> Installation.find(sandbox, Map.of()))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("no ZooKeeper distribution in the sandbox")
        .hasMessageContaining("zookeeper-dist.tar.gz");
  }

  @Test
  public void commandCapsTheHeapAfterTheOperatorsOptionsAndRunsUnderTheLauncher()
      throws Exception {
    Path dist = distribution("zookeeper-dist");
    LaunchSpec base = TestTasks.bootstrap(1, new Ports(1, 2, 3, 4), Optional.of("zkdata"));
    LaunchSpec spec = new LaunchSpec(base.serverId(), base.myid(), base.mode(), base.host(),
        base.ports(), base.configSource(), base.dynamicConfig(), base.volume(),
        base.zookeeper().withText("", " -Xmx2g  -Dfoo=bar ", Optional.empty()).withHeapMb(200)
            .withSuperDigest("lK75jTNcA+U9vtVEw5vB51mj/w4="));
    Installation install = new Installation(Path.of("/jdk/bin/java"), dist);
    ZooKeeperLayout layout = ZooKeeperLayout.of(sandbox, spec);
    ProcessSpec process = ZooKeeperCommand.of(spec, layout, install, install.log4jConfig());
    assertThat(process.command()).containsSubsequence("/jdk/bin/java", "-Xmx2g", "-Dfoo=bar",
        "-Xmx200m", "-Dzookeeper.log.dir=" + sandbox,
        "-Dlog4j2.configurationFile=" + dist.resolve("conf/log4j2.xml"),
        "-Dzookeeper.admin.enableServer=false",
        "-Dzookeeper.DigestAuthenticationProvider.superDigest=super:lK75jTNcA+U9vtVEw5vB51mj/w4=",
        "-cp", dist + "/*:" + dist.resolve("lib") + "/*", "org.exhibitormesos.zklauncher.ParentWatchLauncher",
        "org.apache.zookeeper.server.quorum.QuorumPeerMain", "conf/zoo.cfg");
    assertThat(process.workingDirectory()).isEqualTo(sandbox.resolve("zkdata"));
    assertThat(process.stderrFile()).isEqualTo(sandbox.resolve("zookeeper.err"));
    assertThat(process.maxLogBytes()).isEqualTo(10L * 1024 * 1024);
  }
}

package org.exhibitormesos.it;

import org.exhibitormesos.core.testing.TempDirs;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.zookeeper.server.quorum.QuorumPeer.LearnerType;
import org.apache.zookeeper.server.quorum.QuorumPeer.QuorumServer;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;
import org.exhibitormesos.core.ensemble.ConfigFiles;
import org.exhibitormesos.core.ensemble.DynamicConfig;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * ZooKeeper's own {@link QuorumPeerConfig#parse(String)} reads every golden {@code zoo.cfg} (with
 * {@code /mnt/zk} moved to a temp dir, a {@code myid} file and the matching dynamic file) and must
 * see what the framework meant: servers, roles, ports, client address, directories, flags,
 * whitelist and purge settings.
 */
public class ZooKeeperParsesGoldenConfigsIT {

  // Keys ZooKeeper does not know itself: it copies them to system properties prefixed "zookeeper.".
  private static final List<String> SYSTEM_PROPERTIES = List.of(
      "zookeeper.4lw.commands.whitelist", "zookeeper.DigestAuthenticationProvider.superDigest",
      "zookeeper.admin.enableServer", "zookeeper.admin.serverAddress", "zookeeper.admin.serverPort",
      "zookeeper.snapCount", "zookeeper.ssl.enabledProtocols");

  private Path dir;

  @BeforeMethod
  public void setUp() {
    dir = TempDirs.create("golden-zk-");
    SYSTEM_PROPERTIES.forEach(System::clearProperty);
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() {
    TempDirs.delete(dir);
    SYSTEM_PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  public void threeVoters() throws Exception {
    QuorumPeerConfig config = parse("three-voters.zoo.cfg", "three-voters.cfg.dynamic", 2);

    assertServersAre(config, "three-voters.cfg.dynamic");
    assertThat(config.getQuorumVerifier().getObservingMembers()).isEmpty();
    assertThat(config.getServerId()).isEqualTo(2);
    assertThat(config.getPeerType()).isEqualTo(LearnerType.PARTICIPANT);
    assertThat(config.getClientPortAddress()).isEqualTo(new InetSocketAddress("10.0.0.2", 2181));
    assertThat(config.getDataDir()).isEqualTo(dir.resolve("data").toFile());
    assertThat(config.getDataLogDir()).isEqualTo(dir.resolve("data").toFile());
    assertThat(QuorumPeerConfig.isReconfigEnabled()).isTrue();
    assertThat(QuorumPeerConfig.isStandaloneEnabled()).isFalse();
    assertThat(config.isDistributed()).isTrue();
    assertThat(config.getTickTime()).isEqualTo(2000);
    assertThat(config.getInitLimit()).isEqualTo(10);
    assertThat(config.getSyncLimit()).isEqualTo(5);
    assertThat(config.getSnapRetainCount()).isEqualTo(3);
    assertThat(config.getPurgeInterval()).isZero();
    assertThat(System.getProperty("zookeeper.4lw.commands.whitelist"))
        .isEqualTo("srvr,mntr,conf,ruok,stat");
    assertThat(System.getProperty("zookeeper.admin.enableServer")).isEqualTo("false");
    assertThat(System.getProperty("zookeeper.DigestAuthenticationProvider.superDigest"))
        .isEqualTo("super:lK75jTNcA+U9vtVEw5vB51mj/w4=");
  }

  @Test
  public void joinerSeesTheCommittedVotersAndItselfAsObserver() throws Exception {
    QuorumPeerConfig config = parse("three-voters.zoo.cfg", "joiner.cfg.dynamic", 4);

    assertServersAre(config, "joiner.cfg.dynamic");
    assertThat(config.getQuorumVerifier().getVotingMembers().keySet()).containsOnly(1L, 2L, 3L);
    assertThat(config.getQuorumVerifier().getObservingMembers().keySet()).containsOnly(4L);
    assertThat(config.getPeerType()).isEqualTo(LearnerType.OBSERVER);
    assertThat(config.getClientPortAddress()).isEqualTo(new InetSocketAddress("10.0.0.4", 2181));
  }

  @Test
  public void adminServerDataLogDirAutopurgeTimingAndWhitelist() throws Exception {
    QuorumPeerConfig config = parse("with-admin.zoo.cfg", "three-voters.cfg.dynamic", 1);

    assertServersAre(config, "three-voters.cfg.dynamic");
    assertThat(config.getDataLogDir()).isEqualTo(dir.resolve("datalog").toFile());
    assertThat(config.getSnapRetainCount()).isEqualTo(5);
    assertThat(config.getPurgeInterval()).isEqualTo(2);
    assertThat(config.getTickTime()).isEqualTo(1000);
    assertThat(config.getInitLimit()).isEqualTo(20);
    assertThat(config.getSyncLimit()).isEqualTo(10);
    assertThat(System.getProperty("zookeeper.admin.enableServer")).isEqualTo("true");
    assertThat(System.getProperty("zookeeper.admin.serverAddress")).isEqualTo("10.0.0.1");
    assertThat(System.getProperty("zookeeper.admin.serverPort")).isEqualTo("8080");
    assertThat(System.getProperty("zookeeper.4lw.commands.whitelist")).isEqualTo("srvr,mntr");
  }

  @Test
  public void operatorExtrasReachZooKeeper() throws Exception {
    QuorumPeerConfig config = parse("extra.zoo.cfg", "three-voters.cfg.dynamic", 3);

    assertThat(config.getMaxClientCnxns()).isEqualTo(120);
    assertThat(System.getProperty("zookeeper.snapCount")).isEqualTo("50000");
    assertThat(System.getProperty("zookeeper.ssl.enabledProtocols")).isEqualTo("TLSv1.3,TLSv1.2");
    assertThat(QuorumPeerConfig.isReconfigEnabled()).isTrue();
  }

  @Test
  public void staticThreeHasEverythingInline() throws Exception {
    QuorumPeerConfig config = parse("static-three.zoo.cfg", null, 2);

    Map<Long, String> servers = new TreeMap<>();
    config.getServers().forEach((id, server) -> servers.put(id, peerPart(server)));
    assertThat(servers).containsExactly(
        Map.entry(1L, "10.0.0.1:2888:3888:participant"),
        Map.entry(2L, "10.0.0.2:2888:3888:participant"),
        Map.entry(3L, "10.0.0.3:2888:3888:participant"));
    assertThat(config.getClientPortAddress()).isEqualTo(new InetSocketAddress("10.0.0.2", 2181));
    assertThat(QuorumPeerConfig.isReconfigEnabled()).isFalse();
    assertThat(QuorumPeerConfig.isStandaloneEnabled()).isFalse();
    assertThat(config.getDataDir()).isEqualTo(dir.resolve("data").toFile());
  }

  /** Writes the golden files under {@link #dir} and lets ZooKeeper parse them. */
  private QuorumPeerConfig parse(String zooCfg, String dynamicFile, int myid) throws Exception {
    String volume = dir.toString();
    Path cfg = dir.resolve("conf/zoo.cfg");
    TempDirs.write(cfg, GoldenFiles.read(zooCfg).replace(GoldenFiles.VOLUME, volume));
    TempDirs.write(dir.resolve("data/myid"), ConfigFiles.myid(myid));
    if (dynamicFile != null) {
      TempDirs.write(dir.resolve("conf/zoo.cfg.dynamic"), GoldenFiles.read(dynamicFile));
    }
    QuorumPeerConfig config = new QuorumPeerConfig();
    config.parse(cfg.toString());
    return config;
  }

  /** ZooKeeper's view of every server line equals core's parse of the same dynamic file. */
  private static void assertServersAre(QuorumPeerConfig config, String dynamicFile) {
    Ensemble expected = DynamicConfig.parse(GoldenFiles.read(dynamicFile));
    Map<Long, String> actual = new TreeMap<>();
    // QuorumServer.toString() is the spec ZooKeeper itself writes into server lines.
    config.getServers().forEach((id, server) -> actual.put(id, "server." + id + "=" + server));
    Map<Long, String> wanted = new TreeMap<>();
    expected.members().forEach(m -> wanted.put((long) m.myid(), DynamicConfig.serverLine(m)));
    assertThat(actual).isEqualTo(wanted);
  }

  private static String peerPart(QuorumServer server) {
    InetSocketAddress peer = server.addr.getOne();
    InetSocketAddress election = server.electionAddr.getOne();
    return peer.getHostString() + ":" + peer.getPort() + ":" + election.getPort() + ":"
        + server.type.name().toLowerCase(Locale.ROOT);
  }
}

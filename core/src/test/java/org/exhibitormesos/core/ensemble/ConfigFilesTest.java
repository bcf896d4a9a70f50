package org.exhibitormesos.core.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exhibitormesos.core.ensemble.Fixtures.DATA_DIR;
import static org.exhibitormesos.core.ensemble.Fixtures.DYNAMIC_FILE;
import static org.exhibitormesos.core.ensemble.Fixtures.joiner;
import static org.exhibitormesos.core.ensemble.Fixtures.voter;

import java.util.List;
import org.exhibitormesos.core.InvalidInputException;
import org.testng.annotations.Test;

/**
 * Rendered files against the golden files in {@code golden/ensemble/}; the it-tests module feeds
 * the same files to ZooKeeper's own parser.
 */
public class ConfigFilesTest {

  @Test
  public void threeVotersDynamicConfig() {
    Golden.assertMatches("three-voters.cfg.dynamic", ConfigFiles.dynamicConfig(Fixtures.threeVoters()));
  }

  @Test
  public void threeVotersZooCfgWithDefaultsAndSuperDigest() {
    ZooCfgSpec spec = ZooCfgSpec.nativeMode(DATA_DIR, DYNAMIC_FILE)
        .withSuperDigest(SuperDigest.of("secret"));
    Golden.assertMatches("three-voters.zoo.cfg", ConfigFiles.zooCfg(spec));
  }

  @Test
  public void withAdminServerDataLogDirAndAutopurge() {
    ZooCfgSpec spec = ZooCfgSpec.nativeMode(DATA_DIR, DYNAMIC_FILE)
        .withDataLogDir("/mnt/zk/datalog")
        .withAdminServer(AdminServer.at("10.0.0.1", 8080))
        .withAutopurge(Autopurge.fromCleanup(5, 90 * 60_000L))
        .withTiming(1000, 20, 10)
        .withFourLetterWords(List.of("srvr", "mntr"));
    Golden.assertMatches("with-admin.zoo.cfg", ConfigFiles.zooCfg(spec));
  }

  @Test
  public void operatorExtrasComeLastInTheirOrder() {
    ZooCfgSpec spec = ZooCfgSpec.nativeMode(DATA_DIR, DYNAMIC_FILE)
        .withExtra(ZooCfgExtra.parse(
            "maxClientCnxns=120, snapCount=50000\nssl.enabledProtocols=TLSv1.3\\,TLSv1.2"));
    Golden.assertMatches("extra.zoo.cfg", ConfigFiles.zooCfg(spec));
  }

  @Test
  public void staticThreeHasServerLinesAndClientPortInline() {
    Ensemble e = Ensemble.of(Fixtures.threeVoters());
    Golden.assertMatches(
        "static-three.zoo.cfg", ConfigFiles.zooCfg(ZooCfgSpec.staticMode(DATA_DIR, e, 2)));
  }

  @Test
  public void joinerGetsCommittedLinesPlusItselfAsObserver() {
    Ensemble committed = DynamicConfig.parse(Golden.read("committed.getconfig"));
    String joinerConfig = ConfigFiles.joinerConfig(committed, joiner());

    Golden.assertMatches("joiner.cfg.dynamic", joinerConfig);
    assertThat(joinerConfig).startsWith(DynamicConfig.render(committed));
    assertThat(DynamicConfig.parse(joinerConfig).member(4)).contains(joiner().withRole(Role.OBSERVER));
  }

  @Test
  public void joinerMayNotReuseACommittedId() {
    Ensemble committed = DynamicConfig.parse(Golden.read("committed.getconfig"));
    assertThatThrownBy(() -> ConfigFiles.joinerConfig(committed, voter(2)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("joiner id 2 is already in the committed config");
  }

  @Test
  public void dynamicConfigSortsByIdAndRejectsDuplicates() {
    assertThat(ConfigFiles.dynamicConfig(List.of(voter(2), voter(1))))
        .isEqualTo("server.1=10.0.0.1:2888:3888:participant;10.0.0.1:2181\n"
            + "server.2=10.0.0.2:2888:3888:participant;10.0.0.2:2181\n");
    assertThatThrownBy(() -> ConfigFiles.dynamicConfig(List.of(voter(1), voter(1))))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  public void myidFileIsTheIdAndANewline() {
    assertThat(ConfigFiles.myid(3)).isEqualTo("3\n");
    assertThat(ConfigFiles.myid(254)).isEqualTo("254\n");
    assertThatThrownBy(() -> ConfigFiles.myid(0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ConfigFiles.myid(255)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  public void nativeZooCfgNeverNamesServersOrClientPorts() {
    String cfg = ConfigFiles.zooCfg(ZooCfgSpec.nativeMode(DATA_DIR, DYNAMIC_FILE));
    assertThat(cfg).doesNotContain("server.", "clientPort");
    assertThat(cfg).contains("reconfigEnabled=true\n", "standaloneEnabled=false\n",
        "admin.enableServer=false\n", "4lw.commands.whitelist=srvr,mntr,conf,ruok,stat\n");
  }
}

package org.exhibitormesos.core.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exhibitormesos.core.ensemble.Fixtures.voter;

import java.util.List;
import org.exhibitormesos.core.InvalidInputException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class DynamicConfigTest {

  @Test
  public void parsesWhatGetConfigReturns() {
    Ensemble e = DynamicConfig.parse(Golden.read("committed.getconfig"));

    assertThat(e.members()).containsExactly(voter(1), voter(2), voter(3));
    assertThat(e.version()).isEqualTo(0x100000000L);
    assertThat(e.hasVersion()).isTrue();
  }

  @Test
  public void toleratesMissingRolePortOnlyClientCaseCrLfAndBlankLines() {
    String text = "\r\n"
        + "server.7 = 10.0.0.7:2888:3888;2181\r\n"
        + "  server.2=zk-2.example:2889:3889:OBSERVER;10.0.0.2:2182  \r\n"
        + "\r\n"
        + "version=1a\r\n";

    Ensemble e = DynamicConfig.parse(text);

    assertThat(e.members()).containsExactly(
        new EnsembleMember(2, "zk-2.example", 2889, 3889, Role.OBSERVER, "10.0.0.2", 2182),
        new EnsembleMember(7, "10.0.0.7", 2888, 3888, Role.PARTICIPANT, "0.0.0.0", 2181));
    assertThat(e.version()).isEqualTo(0x1aL);
  }

  @Test
  public void versionIsUnknownWithoutAVersionLine() {
    assertThat(DynamicConfig.parse("server.1=h:1:2;3").version()).isZero();
  }

  @Test
  public void renderThenParseIsIdentity() {
    Ensemble e = Ensemble.of(List.of(
        voter(1), voter(2), EnsembleMember.observer(9, "10.0.0.9", 2000, 3000, 4000)));
    assertThat(DynamicConfig.parse(DynamicConfig.render(e))).isEqualTo(e);
  }

  @DataProvider
  Object[][] garbage() {
    return new Object[][] {
      {"", "no server lines"},
      {"version=100000000\n", "no server lines"},
      {"server.1=h:1:2:participant", "line 1 'server.1=h:1:2:participant': no ';<clientPort>'"},
      {"server.1=h:1:2;3\nfoo=bar", "line 2 'foo=bar': unexpected line; accepted: 'server.<id>="},
      {"group.1=1:2:3", "unexpected line"},
      {"server.x=h:1:2;3", "server id 'x' is not a decimal number"},
      {"server.1 h:1:2;3", "no '=' after the server id"},
      {"server.1=h:1;3", "expected <host>:<peerPort>:<electionPort>[:<role>] before ';'"},
      {"server.1=h:1:2:3:4;3", "expected <host>:<peerPort>:<electionPort>[:<role>]"},
      {"server.1=h:1:2:voter;3", "role 'voter' is not one of: participant, observer"},
      {"server.1=h:1:2;h:3:4", "expected [<clientHost>:]<clientPort> after ';'"},
      {"server.1=h:one:2;3", "peer port 'one' is not a decimal number"},
      {"server.1=h:1:2;99999999999", "client port '99999999999' is not a decimal number"},
      {"server.1=h:1:2;70000", "client port 70000 of server 1 is not in 1..65535"},
      {"server.0=h:1:2;3", "server id 0 is not in 1..254"},
      {"server.1=[::1]:1:2;3", "IPv6 addresses are not supported"},
      {"server.1=a:1:2|b:1:2;3", "multiple addresses per server"},
      {"server.1=h:1:2;3\nserver.1=g:1:2;3", "server id 1 appears more than once"},
      {"server.1=h:1:2:observer;3", "at least one participant"},
      {"server.1=h:1:2;3\nversion=zz", "version 'zz' is not a hexadecimal number"},
      {"server.1=h:1:2;3\nversion=1\nversion=2", "line 3 'version=2': second version line"},
    };
  }

  @Test(dataProvider = "garbage")
  public void rejectsGarbageNamingTheBadPart(String text, String message) {
    assertThatThrownBy(() -> DynamicConfig.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  public void serverLineIsZooKeepersCanonicalForm() {
    EnsembleMember m = new EnsembleMember(3, "10.0.0.3", 2888, 3888, Role.OBSERVER, "0.0.0.0", 2181);
    assertThat(DynamicConfig.serverLine(m))
        .isEqualTo("server.3=10.0.0.3:2888:3888:observer;0.0.0.0:2181");
  }
}

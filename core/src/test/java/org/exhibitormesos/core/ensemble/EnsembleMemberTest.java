package org.exhibitormesos.core.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.exhibitormesos.core.InvalidInputException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class EnsembleMemberTest {

  @DataProvider
  Object[][] invalid() {
    return new Object[][] {
      {0, "h", 1, 2, "h", 3, "server id 0 is not in 1..254"},
      {255, "h", 1, 2, "h", 3, "server id 255 is not in 1..254"},
      {1, " ", 1, 2, "h", 3, "peer host of server 1 is blank"},
      {1, "h", 1, 2, "", 3, "client host of server 1 is blank"},
      {1, "h:1", 1, 2, "h", 3, "peer host 'h:1' of server 1 is not a host name"},
      {1, "::1", 1, 2, "h", 3, "is not a host name or IPv4 address"},
      {1, "h", 0, 2, "h", 3, "peer port 0 of server 1 is not in 1..65535"},
      {1, "h", 1, 65536, "h", 3, "election port 65536"},
      {1, "h", 1, 2, "h", -1, "client port -1"},
    };
  }

  @Test(dataProvider = "invalid")
  public void rejectsOutOfRangeParts(
      int myid, String peerHost, int peer, int election, String clientHost, int client,
      String message) {
    assertThatThrownBy(() -> new EnsembleMember(
            myid, peerHost, peer, election, Role.PARTICIPANT, clientHost, client))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  @Test
  public void acceptsTheExtremes() {
    EnsembleMember m =
        new EnsembleMember(254, "zk-1.example", 1, 65535, Role.OBSERVER, "10.1.2.3", 65535);
    assertThat(m.isVoter()).isFalse();
    assertThat(m.withRole(Role.PARTICIPANT).isVoter()).isTrue();
  }

  @Test
  public void clientAddressReplacesTheWildcardWithThePeerHost() {
    EnsembleMember wildcard =
        new EnsembleMember(1, "10.0.0.1", 2888, 3888, Role.PARTICIPANT, "0.0.0.0", 2181);
    EnsembleMember bound =
        new EnsembleMember(1, "10.0.0.1", 2888, 3888, Role.PARTICIPANT, "192.168.0.1", 2181);
    assertThat(wildcard.clientAddress()).isEqualTo("10.0.0.1:2181");
    assertThat(bound.clientAddress()).isEqualTo("192.168.0.1:2181");
  }

  @Test
  public void roleTextIsLowerCaseAndParsingIgnoresCase() {
    assertThat(Role.PARTICIPANT.text()).isEqualTo("participant");
    assertThat(Role.parse("Observer")).isEqualTo(Role.OBSERVER);
    assertThatThrownBy(() -> Role.parse("leader"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("role 'leader' is not one of: participant, observer");
  }
}

package org.exhibitormesos.scheduler.membership.exhibitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.launch.ExhibitorServer;
import org.exhibitormesos.core.launch.ExhibitorSettings;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.exhibitor.client.ServersSpec;
import org.testng.annotations.Test;

public class ExhibitorSpecsTest {
  private static final Ports PORTS = new Ports(2181, 2888, 3888, 8080);

  @Test
  public void theSpecListsJoinersAndVotersWithAHostByMyidAndLeavesLeaversOut() {
    ClusterState s = ClusterState.initial("0123456789abcdef-test")
        .withServer(server(0, Optional.of(3), Membership.VOTER, "h3"))
        .withServer(server(1, Optional.of(1), Membership.JOINING, "h1"))
        .withServer(server(2, Optional.of(2), Membership.LEAVING, "h2"))
        .withServer(server(3, Optional.of(5), Membership.NONE, "h5"))
        .withServer(server(4, Optional.empty(), Membership.NONE, null));
    assertThat(ExhibitorServer.renderSpec(ExhibitorSpecs.desired(s))).isEqualTo("S:1:h1,S:3:h3");
    assertThat(ExhibitorServer.renderSpec(ExhibitorSpecs.with(ExhibitorSpecs.desired(s),
        ExhibitorServer.voter(3, "h9")))).isEqualTo("S:1:h1,S:3:h9");
  }

  @Test
  public void launchSettingsPassFlagsAndOnlyExhibitorsOwnSharedKeys() {
    ServerSettings settings = ServerSettings.DEFAULT.withExhibitorFlags(Map.of("configcheckms", "1000"))
        .withSharedOverrides(Map.of("backup-period-ms", "60000", "check-ms", "500"));
    ExhibitorSettings e = ExhibitorSpecs.settings(settings, List.of(ExhibitorServer.voter(1, "h1")));
    assertThat(e.flags()).containsExactly(Map.entry("configcheckms", "1000"));
    assertThat(e.sharedConfig()).containsExactly(Map.entry("backup-period-ms", "60000"));
    assertThat(e.serversSpecText()).isEqualTo("S:1:h1");
  }

  @Test
  public void specEditsMatchEntriesByServerId() {
    ServersSpec current = ServersSpec.parse("S:1:h1,S:2:h2,O:3:h3");
    assertThat(SpecWriter.edit(current, ServersSpec.parse("S:1:h1,S:3:h7,S:4:h4")).text())
        .isEqualTo("S:1:h1,S:3:h7,S:4:h4");
  }

  private static Server server(int id, Optional<Integer> myid, Membership m, String host) {
    Server s = Server.added(ServerId.of(id), ServerSettings.DEFAULT)
        .withIdentity(new Identity(myid, m));
    if (host == null) {
      return s;
    }
    Task t = Task.launched("t" + id, "e" + id, "a" + id, AgentAttributes.ofHost(host), PORTS, LaunchKind.JOIN,
        Instant.EPOCH);
    return s.withObserved(ObservedState.STAGING, Optional.of(t), "");
  }
}

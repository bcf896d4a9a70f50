package org.exhibitormesos.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Which current tasks expect data on their volume, including tasks whose launch kind is unknown. */
public class ServerExpectsDataTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Ports PORTS = new Ports(31000, 31001, 31002, 31003);
  private static final AgentAttributes AGENT = AgentAttributes.ofHost("host-1");
  private static final Reservation VOLUME = new Reservation("agent-1", AGENT, "exhibitor", "zk-1-vol", "zkdata", PORTS);
  private static final Identity MYID = Identity.of(2, Identity.Membership.VOTER);

  private static Server running(Optional<LaunchKind> kind, Optional<Reservation> reservation, Identity identity) {
    Task task = new Task("exhibitor-1-t", "exhibitor-1-e", "agent-1", AGENT, PORTS, kind, NOW, TaskState.RUNNING,
        Optional.of(NOW));
    return Server.added(ServerId.of(1), ServerSettings.DEFAULT).withDesired(DesiredState.ACTIVE)
        .withObserved(ObservedState.RUNNING, Optional.of(task), "").withReservation(reservation).withIdentity(identity);
  }

  @DataProvider
  public Object[][] servers() {
    Optional<Reservation> none = Optional.empty();
    Optional<Reservation> volume = Optional.of(VOLUME);
    return new Object[][] {
      {"restart on its volume", running(Optional.of(LaunchKind.RESTART), volume, MYID), true},
      {"bootstrap on a new volume", running(Optional.of(LaunchKind.BOOTSTRAP), volume, MYID), false},
      {"join on a new volume", running(Optional.of(LaunchKind.JOIN), volume, MYID), false},
      {"join in the sandbox", running(Optional.of(LaunchKind.JOIN), none, MYID), false},
      {"unknown, volume and myid", running(Optional.empty(), volume, MYID), true},
      {"unknown, in the sandbox", running(Optional.empty(), none, MYID), false},
      {"unknown, no myid", running(Optional.empty(), volume, Identity.NONE), false},
      {"no task", Server.added(ServerId.of(1), ServerSettings.DEFAULT).withReservation(volume).withIdentity(MYID), false},
    };
  }

  @Test(dataProvider = "servers")
  public void expectsDataOnVolume(String name, Server server, boolean expected) {
    assertThat(server.expectsDataOnVolume()).as(name).isEqualTo(expected);
  }
}

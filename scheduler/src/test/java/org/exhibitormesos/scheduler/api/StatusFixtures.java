package org.exhibitormesos.scheduler.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.server.TaskState;
import org.exhibitormesos.core.config.SettingsEditor;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.scheduler.loop.InMemoryClusterControl;
import org.exhibitormesos.scheduler.loop.LiveEnsemble;
import org.exhibitormesos.scheduler.loop.LiveMember;

/**
 * A cluster in every interesting shape: server 0 Running on a persistent volume, 1 Running in the
 * sandbox (role *), 2 Pending with a reason, 3 Added and never launched.
 */
final class StatusFixtures {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final long CONFIG_VERSION = 0x100000003L;

  private StatusFixtures() {}

  static Ports ports(int i) {
    return new Ports(31000 + 10 * i, 31001 + 10 * i, 31002 + 10 * i, 31003 + 10 * i);
  }

  static Task task(int i) {
    return Task.launched("exhibitor-" + i + "-t", "exhibitor-" + i + "-e", "agent-" + i,
        AgentAttributes.ofHost("host" + i), ports(i), LaunchKind.BOOTSTRAP, NOW).withState(TaskState.RUNNING, NOW);
  }

  static ClusterState state(ServerMode mode) {
    ClusterState s = ClusterState.initial(InMemoryClusterControl.SECRET).withFrameworkId("fw-1").withMode(mode);
    s = s.withEnsemble(s.ensemble().withBootstrap(List.of(1, 2)).withNextMyid(3).withConfigVersion(CONFIG_VERSION));
    ServerSettings settings = SettingsEditor.apply(ServerSettings.DEFAULT,
        Map.of("loglines", "500", "client-port", "2181", "failover-max-tries", "3"));
    Reservation volume = new Reservation("agent-0", AgentAttributes.ofHost("host0"), "exhibitor", "vol-0",
        "data", ports(0));
    s = s.withServer(Server.added(ServerId.of(0), settings).withDesired(DesiredState.ACTIVE)
        .withObserved(ObservedState.RUNNING, Optional.of(task(0)), "").withReservation(Optional.of(volume))
        .withIdentity(Identity.of(1, Identity.Membership.VOTER)));
    s = s.withServer(Server.added(ServerId.of(1), ServerSettings.DEFAULT).withDesired(DesiredState.ACTIVE)
        .withObserved(ObservedState.RUNNING, Optional.of(task(1)), "")
        .withIdentity(Identity.of(2, Identity.Membership.VOTER)));
    s = s.withServer(Server.added(ServerId.of(2), ServerSettings.DEFAULT).withDesired(DesiredState.ACTIVE)
        .withObserved(ObservedState.PENDING, Optional.empty(), "waiting for an offer: host0: hostname doesn't match unique"));
    return s.withServer(Server.added(ServerId.of(3), ServerSettings.DEFAULT));
  }

  static LiveEnsemble live() {
    return new LiveEnsemble(CONFIG_VERSION, "host0:31000,host1:31010", List.of(
        new LiveMember(2, "host1", LiveMember.PARTICIPANT, LiveMember.FOLLOWER),
        new LiveMember(1, "host0", LiveMember.PARTICIPANT, LiveMember.LEADER),
        new LiveMember(3, "host9", LiveMember.OBSERVER, LiveMember.UNREACHABLE)));
  }
}

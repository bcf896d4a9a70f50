package org.exhibitormesos.core.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.placement.Constraints;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.FailoverPolicy;
import org.exhibitormesos.core.server.FailureRecord;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.LastPlacement;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.PortRange;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Resources;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.server.TaskState;

/** A state that uses every field, for codec and store tests. */
public final class StateFixtures {
  public static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private StateFixtures() {
  }

  public static ClusterState everyField() {
    ServerSettings custom = ServerSettings.DEFAULT
        .withResources(new Resources(0.5, 512, 2048))
        .withConstraints(Constraints.parse("rack=groupBy:3,hostname=unique"))
        .withExhibitorFlags(Map.of("configcheckms", "2000", "servo", "false"))
        .withSharedOverrides(Map.of("zoo-cfg-extra", "syncLimit=7,tickTime=1000", "client-port", "2181"))
        .withAdminPorts(PortRange.parseList("31000..31100,31200"))
        .withJavaOptions("-Xmx128m -Dx=\"quoted\"")
        .withStickinessPeriod(Duration.ofMinutes(30))
        .withFailover(new FailoverPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), Optional.of(7)))
        .withConfigChangeBackoff(Duration.ofMillis(2500));
    Ports ports = new Ports(31001, 31002, 31003, 31004);
    Reservation volume = new Reservation("agent-a", new AgentAttributes("127.0.0.2", Map.of("rack", "r1")), "exhibitor",
        "zk-0-1111", "zkdata", ports);
    Server running = new Server(ServerId.of(0), custom, DesiredState.ACTIVE, ObservedState.RUNNING, "",
        Optional.of(Task.launched("exhibitor-0-aaaa", "exec-0-aaaa", "agent-a",
            new AgentAttributes("127.0.0.2", Map.of("rack", "r1")), ports, LaunchKind.RESTART, T0)
            .withState(TaskState.RUNNING, T0.plusSeconds(4))),
        Optional.of(volume), Identity.of(1, Identity.Membership.VOTER), FailureRecord.NONE, Optional.empty());
    Server pending = new Server(ServerId.of(1), ServerSettings.DEFAULT, DesiredState.ACTIVE, ObservedState.PENDING,
        "relaunching at 2026-03-01T10:16:00Z after failure 2: TASK_FAILED: exit 1", Optional.empty(),
        Optional.empty(), Identity.of(4, Identity.Membership.JOINING),
        new FailureRecord(2, Optional.of(T0.plusSeconds(30)), Optional.of("TASK_FAILED: exit 1")),
        Optional.of(new LastPlacement("agent-b", "127.0.0.3", T0)));
    Server added = Server.added(ServerId.of(254), ServerSettings.DEFAULT);
    EnsembleState ensemble = EnsembleState.initial("0123456789abcdef0123")
        .withBootstrap(List.of(1, 2, 3))
        .withClusterId("5f0c7d0e-0000-4000-8000-000000000001")
        .withNextMyid(5)
        .withRetiredMyids(new java.util.TreeSet<>(List.of(2)))
        .withCommittedConfig(0x100000004L, "server.1=127.0.0.2:31001:31002:participant;127.0.0.2:31000\n")
        .withSharedPorts(Optional.of(new Ports(2181, 2888, 3888, 8080)));
    return ClusterState.initial("0123456789abcdef0123")
        .withFrameworkId("20260301-101530-1-0001")
        .withMode(ServerMode.NATIVE)
        .withEnsemble(ensemble)
        .withServer(running).withServer(pending).withServer(added)
        .withReleases(List.of(new Reservation("agent-c", AgentAttributes.ofHost("127.0.0.4"), "exhibitor",
            "zk-2-2222", "zkdata", new Ports(31005, 31006, 31007, 31008))));
  }
}

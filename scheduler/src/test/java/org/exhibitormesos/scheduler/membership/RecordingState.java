package org.exhibitormesos.scheduler.membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.server.TaskState;
import org.exhibitormesos.core.state.ClusterState;

/**
 * Plays the state thread: holds the cluster state, records every event and applies it the way the
 * scheduler does (voters, leavers, config version, cluster id).
 */
final class RecordingState implements MembershipListener {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private final AtomicReference<ClusterState> state;
  private final List<MembershipEvent> events = new ArrayList<>();

  RecordingState(ClusterState initial) {
    this.state = new AtomicReference<>(initial);
  }

  /** A bootstrapped state whose servers 0..n-1 hold the members' myids as JOINING, all running. */
  static RecordingState bootstrapped(List<EnsembleMember> members, LocalEnsemble zk) {
    ClusterState s = ClusterState.initial(LocalEnsemble.SECRET);
    s = s.withEnsemble(s.ensemble().withBootstrap(members.stream().map(EnsembleMember::myid).toList()));
    for (int i = 0; i < members.size(); i++) {
      s = s.withServer(running(i, members.get(i), zk.ports(members.get(i).myid()), Membership.JOINING));
    }
    return new RecordingState(s);
  }

  static Server running(int id, EnsembleMember m, Ports ports, Membership membership) {
    Task t = Task.launched("task-" + id + "-" + m.myid(), "exec-" + id, "agent-" + m.peerHost(),
        AgentAttributes.ofHost(m.peerHost()), ports, LaunchKind.JOIN, NOW).withState(TaskState.RUNNING, NOW);
    return Server.added(ServerId.of(id), ServerSettings.DEFAULT).withDesired(DesiredState.ACTIVE)
        .withObserved(ObservedState.RUNNING, Optional.of(t), "").withIdentity(Identity.of(m.myid(), membership));
  }

  ClusterState get() {
    return state.get();
  }

  void update(java.util.function.UnaryOperator<ClusterState> change) {
    state.updateAndGet(change);
  }

  void setMembership(int serverId, Membership membership) {
    update(s -> s.updateServer(ServerId.of(serverId), x -> x.withIdentity(x.identity().withMembership(membership))));
  }

  Membership membership(int serverId) {
    return get().server(ServerId.of(serverId)).orElseThrow().identity().membership();
  }

  synchronized List<MembershipEvent> events() {
    return List.copyOf(events);
  }

  synchronized <T extends MembershipEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  synchronized void clearEvents() {
    events.clear();
  }

  @Override
  public void on(MembershipEvent event) {
    synchronized (this) {
      events.add(event);
    }
    if (event instanceof MembershipEvent.MarkVoter v) {
      setMembership(v.server().value(), Membership.VOTER);
    } else if (event instanceof MembershipEvent.MarkLeft l) {
      setMembership(l.server().value(), Membership.NONE);
    } else if (event instanceof MembershipEvent.ConfigObserved c) {
      update(s -> s.withEnsemble(s.ensemble().withConfigVersion(c.version())));
    } else if (event instanceof MembershipEvent.ClusterIdObserved c) {
      update(s -> s.withEnsemble(s.ensemble().withClusterId(c.clusterId())));
    }
  }
}

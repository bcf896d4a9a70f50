package org.exhibitormesos.mesos.local.master;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability.Type;
import org.apache.mesos.v1.scheduler.Protos.Event;

/** A registered framework, as the master sees it. Confined to the state thread. */
final class Framework {
  final FrameworkID id;
  FrameworkInfo info;
  SchedulerStream stream;
  String streamId;
  ScheduledFuture<?> failoverTimer;
  final Set<String> suppressedRoles = new HashSet<>();
  /** Refuse filters by (agent id, role). */
  final Map<String, OfferFilter> filters = new HashMap<>();
  /** Live tasks (and terminal ones whose last update is not yet acknowledged), by task id. */
  final Map<String, Task> tasks = new LinkedHashMap<>();
  /** Tasks on agents that were removed: task id -> agent id. */
  final Map<String, String> unreachableTasks = new LinkedHashMap<>();

  private final MasterState state;

  Framework(MasterState state, FrameworkID id, FrameworkInfo info) {
    this.state = state;
    this.id = id;
    this.info = info;
  }

  String idValue() {
    return id.getValue();
  }

  boolean connected() {
    return stream != null;
  }

  boolean has(Type capability) {
    return info.getCapabilitiesList().stream().anyMatch(c -> c.getType() == capability);
  }

  boolean multiRole() {
    return has(Type.MULTI_ROLE);
  }

  boolean refinement() {
    return has(Type.RESERVATION_REFINEMENT);
  }

  boolean partitionAware() {
    return has(Type.PARTITION_AWARE);
  }

  List<String> roles() {
    if (multiRole()) {
      return info.getRolesList();
    }
    return List.of(info.hasRole() ? info.getRole() : "*");
  }

  /**
   * Sends {@code event} if the framework is connected; events for a disconnected one are dropped,
   * and so are the types dropped by fault injection.
   */
  void send(Event event) {
    if (stream != null && !state.droppedEvents.contains(event.getType())) {
      stream.send(event);
    }
  }

  static String filterKey(String agentId, String role) {
    return agentId + "\u0000" + role;
  }
}

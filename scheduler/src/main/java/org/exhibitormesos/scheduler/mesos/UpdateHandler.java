package org.exhibitormesos.scheduler.mesos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.exhibitormesos.core.cluster.BootstrapRelaunch;
import org.exhibitormesos.core.launch.TaskReport;
import org.exhibitormesos.core.launch.TaskReportCodec;
import org.exhibitormesos.core.lifecycle.Lifecycle;
import org.exhibitormesos.core.lifecycle.LifecycleEvent;
import org.exhibitormesos.core.lifecycle.Transition;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.TaskState;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.MyidAllocator;
import org.exhibitormesos.scheduler.loop.Decision;

/**
 * Applies a task status update. The server is found by the task id, never by the server id, so an
 * update of an older task never changes the current one; a live task the state does not know is
 * killed. A restart on a volume whose executor reports no data means the data is lost: that
 * identity never comes back (it would vote with an empty disk), so the server gives up its volume
 * and myid and relaunches as a new identity that joins. Whether the task was such a restart comes
 * from the persisted task ({@link Server#expectsDataOnVolume()}), so it holds across scheduler
 * restarts. The acknowledgement goes out after the state the update caused is persisted. Confined
 * to the state loop.
 */
public final class UpdateHandler {
  private static final Logger LOG = LogManager.getLogger(UpdateHandler.class);

  public Decision onUpdate(ClusterState state, TaskStatus status, Instant now) {
    Decision.Builder d = new Decision.Builder(state);
    String taskId = status.getTaskId().getValue();
    String agentId = status.hasAgentId() ? status.getAgentId().getValue() : "";
    TaskState taskState = TaskState.valueOf(status.getState().name().substring("TASK_".length()));
    Optional<Server> owner = state.serverList().stream().filter(s -> s.isCurrentTask(taskId)).findFirst();
    if (owner.isEmpty()) {
      if (!taskState.terminal()) {
        LOG.info("task {} on agent {} is {} but belongs to no server: killing it", taskId, agentId,
            status.getState());
        d.send(Calls.kill(taskId, agentId));
      } else {
        LOG.debug("update {} of a task no server has: {}", status.getState(), taskId);
      }
    } else {
      Server before = owner.get();
      LifecycleEvent.TaskUpdate update = new LifecycleEvent.TaskUpdate(taskId, agentId, taskState,
          status.hasReason() ? status.getReason().name() : "", status.hasMessage() ? status.getMessage() : "");
      Transition t = Lifecycle.apply(before, update, now);
      d.state(state.withServer(t.server())).effects(t.effects());
      if (t.server().observed() != before.observed()) {
        LOG.info("server {} task {}: {} -> {} ({})", before.id(), taskId, before.observed().displayName(),
            t.server().observed().displayName(), update.describe());
      }
      report(status).ifPresent(r -> {
        // The launch kind is persisted with the task, so this holds for launches of an earlier life too.
        if (!r.dataFound() && before.expectsDataOnVolume()) {
          dataLost(d, before, taskId, agentId, taskState);
        }
      });
      if (taskState == TaskState.RUNNING && before.observed() != ObservedState.RUNNING) {
        quorumServed(d, before, taskId);
        d.poke();
      }
    }
    if (status.hasUuid()) {
      d.send(Calls.acknowledge(agentId, taskId, status.getUuid()));
    }
    return d.build();
  }

  /**
   * A bootstrap task serves, so a quorum formed on the initial configuration: the bootstrap is over
   * and its members never bootstrap again ({@link BootstrapRelaunch#quorumServed}).
   */
  private static void quorumServed(Decision.Builder d, Server before, String taskId) {
    boolean bootstrapTask = before.task().flatMap(t -> t.launchedAs()).map(k -> k == LaunchKind.BOOTSTRAP).orElse(false);
    if (!bootstrapTask || d.state().ensemble().committedConfig().isPresent()) {
      return;
    }
    ClusterState next = BootstrapRelaunch.quorumServed(d.state());
    if (next != d.state()) {
      LOG.info("server {} task {} serves: the ensemble formed on its initial configuration; the bootstrap is over",
          before.id(), taskId);
      d.state(next);
    }
  }

  /** The volume came back empty: release it, retire the myid, and make the server a new identity. */
  private static void dataLost(Decision.Builder d, Server before, String taskId, String agentId, TaskState state) {
    Server s = d.state().server(before.id()).orElseThrow();
    int oldMyid = before.identity().myid().orElse(0);
    LOG.warn("server {}: task {} restarted on volume {} but found no data; myid {} never votes again,"
        + " the server joins as a new identity", s.id(), taskId,
        s.reservation().map(r -> r.persistenceId()).orElse("(none)"), oldMyid);
    ClusterState next = d.state();
    if (s.reservation().isPresent()) {
      List<Reservation> releases = new ArrayList<>(next.releases());
      releases.add(s.reservation().get());
      next = next.withReleases(releases);
    }
    if (oldMyid > 0) {
      next = next.withEnsemble(MyidAllocator.retire(next.ensemble(), oldMyid));
    }
    next = next.withServer(s.withReservation(Optional.empty()).withIdentity(Identity.NONE)
        .withLastPlacement(Optional.empty()));
    d.state(next);
    if (!state.terminal()) {
      d.send(Calls.kill(taskId, agentId));
    }
  }

  private static Optional<TaskReport> report(TaskStatus status) {
    if (!status.hasData() || status.getData().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TaskReportCodec.decode(status.getData().toByteArray()));
    } catch (IllegalArgumentException e) {
      LOG.warn("task {}: unreadable report in the status data: {}", status.getTaskId().getValue(), e.getMessage());
      return Optional.empty();
    }
  }
}

package org.exhibitormesos.mesos.local.master;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.TaskStatus.Reason;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * RECONCILE (reference section 6): answers are master-generated UPDATEs with
 * REASON_RECONCILIATION and no uuid. Implicit (empty list) covers tasks on registered agents;
 * explicit answers unknown tasks according to what the master knows of their agent.
 */
final class Reconciler {
  private static final Logger LOG = LogManager.getLogger(Reconciler.class);
  private final MasterState state;

  Reconciler(MasterState state) {
    this.state = state;
  }

  void reconcile(Framework fw, Call.Reconcile reconcile) {
    if (reconcile.getTasksCount() == 0) {
      int n = 0;
      for (Task t : fw.tasks.values()) {
        if (t.agent.active) {
          fw.send(Statuses.update(known(t)));
          n++;
        }
      }
      LOG.info("implicit reconciliation of framework {}: {} task(s)", fw.idValue(), n);
      return;
    }
    for (Call.Reconcile.Task rt : reconcile.getTasksList()) {
      String id = rt.getTaskId().getValue();
      Task t = fw.tasks.get(id);
      if (t != null && (!rt.hasAgentId() || rt.getAgentId().equals(t.agent.id))) {
        fw.send(Statuses.update(known(t)));
        LOG.info("reconciled task {} of framework {}: {}", id, fw.idValue(), t.reconciledState());
      } else {
        unknown(fw, rt.getTaskId(), rt.hasAgentId() ? rt.getAgentId() : null);
      }
    }
  }

  /** Also used for KILL of an unknown task. */
  void unknown(Framework fw, TaskID taskId, AgentID agentId) {
    boolean pa = fw.partitionAware();
    TaskState answer;
    String unreachableAgent = fw.unreachableTasks.get(taskId.getValue());
    if (unreachableAgent != null && (agentId == null || agentId.getValue().equals(unreachableAgent))) {
      answer = pa ? TaskState.TASK_UNREACHABLE : TaskState.TASK_LOST;
      agentId = AgentID.newBuilder().setValue(unreachableAgent).build();
    } else if (agentId == null) {
      answer = pa ? TaskState.TASK_UNKNOWN : TaskState.TASK_LOST;
    } else {
      String a = agentId.getValue();
      boolean registered = state.agents.stream().anyMatch(ag -> ag.id != null
          && ag.idValue().equals(a) && ag.active);
      boolean known = state.agents.stream().anyMatch(ag -> ag.id != null && ag.idValue().equals(a));
      if (registered) {
        answer = pa ? TaskState.TASK_GONE : TaskState.TASK_LOST;
      } else if (known) {
        answer = pa ? TaskState.TASK_UNREACHABLE : TaskState.TASK_LOST;
      } else {
        answer = pa ? TaskState.TASK_UNKNOWN : TaskState.TASK_LOST;
      }
    }
    LOG.info("reconciled unknown task {} of framework {}: {}", taskId.getValue(), fw.idValue(),
        answer);
    fw.send(Statuses.update(Statuses.master(taskId, answer, Reason.REASON_RECONCILIATION,
        "Reconciliation: task is unknown", agentId, Statuses.seconds(state.clock))));
  }

  private TaskStatus known(Task t) {
    TaskStatus.Builder b = TaskStatus.newBuilder().setTaskId(t.info.getTaskId())
        .setState(t.reconciledState()).setSource(TaskStatus.Source.SOURCE_MASTER)
        .setReason(Reason.REASON_RECONCILIATION).setAgentId(t.agent.id)
        .setExecutorId(t.executor.info.getExecutorId())
        .setTimestamp(Statuses.seconds(state.clock));
    return b.build();
  }
}

package org.exhibitormesos.mesos.local.master;

import java.util.UUID;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.TaskStatus.Reason;
import org.apache.mesos.v1.Protos.TaskStatus.Source;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.http.executor.TaskStatusUuids;

/** Builders of the status updates and events the master and agents generate. */
final class Statuses {
  private Statuses() {}

  /** A master-generated update: {@code SOURCE_MASTER}, no uuid (never acknowledged or retried). */
  static TaskStatus master(TaskID task, TaskState state, Reason reason, String message,
      AgentID agent, double now) {
    TaskStatus.Builder b = TaskStatus.newBuilder().setTaskId(task).setState(state)
        .setSource(Source.SOURCE_MASTER).setReason(reason).setTimestamp(now);
    if (message != null) {
      b.setMessage(message);
    }
    if (agent != null) {
      b.setAgentId(agent);
    }
    return b.build();
  }

  /** An agent-generated reliable update: {@code SOURCE_AGENT} with a fresh uuid. */
  static TaskStatus agent(Task task, TaskState state, Reason reason, String message, double now) {
    return TaskStatus.newBuilder().setTaskId(task.info.getTaskId()).setState(state)
        .setSource(Source.SOURCE_AGENT).setReason(reason).setMessage(message)
        .setAgentId(task.agent.id).setExecutorId(task.executor.info.getExecutorId())
        .setTimestamp(now).setUuid(TaskStatusUuids.toBytes(UUID.randomUUID())).build();
  }

  static Event update(TaskStatus status) {
    return Event.newBuilder().setType(Event.Type.UPDATE)
        .setUpdate(Event.Update.newBuilder().setStatus(status)).build();
  }

  static Event error(String message) {
    return Event.newBuilder().setType(Event.Type.ERROR)
        .setError(Event.Error.newBuilder().setMessage(message)).build();
  }

  static Event heartbeat() {
    return Event.newBuilder().setType(Event.Type.HEARTBEAT).build();
  }

  static double seconds(java.time.Clock clock) {
    return clock.millis() / 1000.0;
  }
}

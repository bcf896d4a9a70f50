package org.exhibitormesos.mesos.local.master;

import java.util.List;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Call;
import org.apache.mesos.v1.executor.Protos.Event;
import org.exhibitormesos.mesos.http.executor.TaskStatusUuids;

/** The agent's executor API ({@code Http::executor} in {@code src/slave/http.cpp}). */
final class ExecutorApi {
  private static final Logger LOG = LogManager.getLogger(ExecutorApi.class);
  private final MasterState state;
  private final StatusUpdates updates;
  private final Containers containers;

  ExecutorApi(MasterState state, StatusUpdates updates, Containers containers) {
    this.state = state;
    this.updates = updates;
    this.containers = containers;
  }

  void subscribe(Agent agent, Call call, ExecutorStream stream) {
    if (!call.hasSubscribe()) {
      stream.reject(400, "Expecting 'subscribe' to be present");
      return;
    }
    if (!agent.active) {
      stream.reject(503, "Agent has not finished recovery");
      return;
    }
    Executor executor = find(agent, call, stream::reject);
    if (executor == null) {
      return;
    }
    if (executor.phase == Executor.Phase.TERMINATING) {
      stream.reject(403, "Executor is terminating");
      return;
    }
    if (executor.stream != null) {
      LOG.info("executor {} resubscribed; closing its previous stream", executor.idValue());
      ExecutorStream old = executor.stream;
      executor.stream = null;
      old.close();
    }
    if (executor.registrationTimer != null) {
      executor.registrationTimer.cancel(false);
      executor.registrationTimer = null;
    }
    executor.stream = stream;
    executor.phase = Executor.Phase.SUBSCRIBED;
    stream.onClosed(() -> state.post(() -> streamClosed(executor, stream)));
    stream.open();
    stream.send(Event.newBuilder().setType(Event.Type.SUBSCRIBED)
        .setSubscribed(Event.Subscribed.newBuilder()
            .setExecutorInfo(executor.info)
            .setFrameworkInfo(executor.framework.info)
            .setAgentInfo(agent.info)
            .setContainerId(org.apache.mesos.v1.Protos.ContainerID.newBuilder()
                .setValue(executor.containerId)))
        .build());
    LOG.info("executor {} of framework {} subscribed on agent {} ({} unacknowledged update(s), "
        + "{} unacknowledged task(s))", executor.idValue(), executor.framework.idValue(),
        agent.idValue(), call.getSubscribe().getUnacknowledgedUpdatesCount(),
        call.getSubscribe().getUnacknowledgedTasksCount());
    for (Call.Update u : call.getSubscribe().getUnacknowledgedUpdatesList()) {
      ingest(executor, u.getStatus());
    }
    List<String> known = call.getSubscribe().getUnacknowledgedTasksList().stream()
        .map(t -> t.getTaskId().getValue()).toList();
    for (Task t : List.copyOf(executor.tasks.values())) {
      if (!t.delivered && !Tasks.isTerminal(t.state)) {
        containers.deliver(t);
      } else if (t.delivered && t.state == TaskState.TASK_STAGING && !known.contains(t.idValue())
          && call.getSubscribe().getUnacknowledgedTasksCount() > 0) {
        // The executor lost a task it was given: the agent drops it.
        updates.receive(t, Statuses.agent(t, executor.framework.partitionAware()
                ? TaskState.TASK_DROPPED : TaskState.TASK_LOST,
            TaskStatus.Reason.REASON_AGENT_RESTARTED, "Task was not received by the executor",
            Statuses.seconds(state.clock)));
      }
    }
  }

  Answer call(Agent agent, Call call) {
    if (!agent.active) {
      return new Answer(503, "Agent has not finished recovery");
    }
    String[] error = new String[1];
    int[] code = new int[1];
    Executor executor = find(agent, call, (c, m) -> {
      code[0] = c;
      error[0] = m;
    });
    if (executor == null) {
      return new Answer(code[0], error[0]);
    }
    switch (call.getType()) {
      case HEARTBEAT -> {
        return Answer.ACCEPTED;
      }
      case UPDATE, MESSAGE -> {
        if (!executor.subscribed()) {
          return Answer.forbidden("Executor is not subscribed");
        }
      }
      default -> {
        return Answer.badRequest("Unexpected call " + call.getType());
      }
    }
    if (call.getType() == Call.Type.MESSAGE) {
      if (!call.hasMessage()) {
        return Answer.badRequest("Expecting 'message' to be present");
      }
      executor.framework.send(org.apache.mesos.v1.scheduler.Protos.Event.newBuilder()
          .setType(org.apache.mesos.v1.scheduler.Protos.Event.Type.MESSAGE)
          .setMessage(org.apache.mesos.v1.scheduler.Protos.Event.Message.newBuilder()
              .setAgentId(agent.id).setExecutorId(executor.info.getExecutorId())
              .setData(call.getMessage().getData()))
          .build());
      return Answer.ACCEPTED;
    }
    if (!call.hasUpdate()) {
      return Answer.badRequest("Expecting 'update' to be present");
    }
    TaskStatus status = call.getUpdate().getStatus();
    String invalid = validateUpdate(executor, status);
    if (invalid != null) {
      return Answer.badRequest(invalid);
    }
    if (status.hasAgentId() && !status.getAgentId().equals(agent.id)) {
      LOG.info("update of task {} names agent {}: dropped", status.getTaskId().getValue(),
          status.getAgentId().getValue());
      return Answer.ACCEPTED;
    }
    ingest(executor, status);
    return Answer.ACCEPTED;
  }

  /** The agent accepts an executor's update and ACKNOWLEDGEs it to the executor. */
  private void ingest(Executor executor, TaskStatus status) {
    Task task = executor.tasks.get(status.getTaskId().getValue());
    TaskStatus full = status.toBuilder().setAgentId(executor.agent.id)
        .setExecutorId(executor.info.getExecutorId())
        .setTimestamp(status.hasTimestamp() ? status.getTimestamp() : Statuses.seconds(state.clock))
        .build();
    if (task == null) {
      LOG.info("update {} for unknown task {} of executor {}: acknowledged, not forwarded",
          status.getState(), status.getTaskId().getValue(), executor.idValue());
    } else {
      updates.receive(task, full);
    }
    executor.send(Event.newBuilder().setType(Event.Type.ACKNOWLEDGED)
        .setAcknowledged(Event.Acknowledged.newBuilder().setTaskId(status.getTaskId())
            .setUuid(status.getUuid()))
        .build());
  }

  private void streamClosed(Executor executor, ExecutorStream stream) {
    if (executor.stream != stream) {
      return;
    }
    executor.stream = null;
    if (executor.phase == Executor.Phase.SUBSCRIBED) {
      executor.phase = Executor.Phase.STARTED;
    }
    LOG.info("executor {} of framework {} on agent {} disconnected", executor.idValue(),
        executor.framework.idValue(), executor.agent.idValue());
    if (!executor.framework.info.getCheckpoint() && executor.phase != Executor.Phase.TERMINATED) {
      // Without checkpointing the agent does not wait for the executor to come back.
      containers.shutdownDisconnected(executor);
    }
  }

  private Executor find(Agent agent, Call call, java.util.function.BiConsumer<Integer, String> err) {
    String fw = call.getFrameworkId().getValue();
    if (agent.executors.values().stream().noneMatch(e -> e.framework.idValue().equals(fw))) {
      err.accept(400, "Framework cannot be found");
      return null;
    }
    Executor executor = agent.executor(fw, call.getExecutorId().getValue());
    if (executor == null) {
      err.accept(400, "Executor cannot be found");
    }
    return executor;
  }

  /** {@code validateExecutorCall}: 16-byte UUID, SOURCE_EXECUTOR, no STAGING, same executor. */
  private static String validateUpdate(Executor executor, TaskStatus status) {
    if (!status.hasUuid()) {
      return "'TaskStatus.uuid' must be present";
    }
    try {
      UUID uuid = TaskStatusUuids.fromBytes(status.getUuid());
      if (uuid.version() < 1 || uuid.version() > 5) {
        return "'TaskStatus.uuid' is not a valid UUID";
      }
    } catch (IllegalArgumentException e) {
      return "'TaskStatus.uuid' is not a valid UUID: " + e.getMessage();
    }
    if (status.getSource() != TaskStatus.Source.SOURCE_EXECUTOR) {
      return "Received Call from executor with invalid TaskStatus.source";
    }
    if (status.getState() == TaskState.TASK_STAGING) {
      return "Received TASK_STAGING from executor";
    }
    if (status.hasExecutorId() && !status.getExecutorId().equals(executor.info.getExecutorId())) {
      return "ExecutorID in Call: " + executor.idValue() + " does not match ExecutorID in "
          + "TaskStatus: " + status.getExecutorId().getValue();
    }
    return null;
  }

}

package org.exhibitormesos.mesos.local.master;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.exhibitormesos.mesos.local.resources.Resources;

/**
 * A task the master knows, with the agent-side status update stream of that task. Confined to the
 * state thread.
 */
final class Task {
  final TaskInfo info;
  final Framework framework;
  final Agent agent;
  final Executor executor;
  final Resources resources;
  final String role;
  /** Latest state the agent knows (drives resource accounting). */
  TaskState state = TaskState.TASK_STAGING;
  /** State of the latest update forwarded to the scheduler; null before the first. */
  TaskState forwardedState;
  /** Whether LAUNCH was sent to the executor. */
  boolean delivered;
  /** Reliable updates not yet acknowledged by the scheduler; the head is the one forwarded. */
  final Deque<TaskStatus> pending = new ArrayDeque<>();
  final Set<ByteString> seenUuids = new HashSet<>();
  ScheduledFuture<?> retry;
  Duration retryDelay;

  Task(TaskInfo info, Framework framework, Agent agent, Executor executor, Resources resources,
      String role) {
    this.info = info;
    this.framework = framework;
    this.agent = agent;
    this.executor = executor;
    this.resources = resources;
    this.role = role;
  }

  String idValue() {
    return info.getTaskId().getValue();
  }

  /** State reported by reconciliation: the last forwarded update's, else the task's. */
  TaskState reconciledState() {
    return forwardedState != null ? forwardedState : state;
  }
}

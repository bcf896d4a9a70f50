package org.exhibitormesos.executor;

import com.google.protobuf.ByteString;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.exhibitormesos.core.launch.TaskReport;
import org.exhibitormesos.core.launch.TaskReportCodec;

/**
 * How a supervised task ({@link ServerTask}, {@link ExhibitorTask}) reports: every update carries
 * the task's latest {@link TaskReport} when it has one; a terminal update is followed by the
 * task's terminal callback. Sends on the caller's thread; never blocks.
 */
final class TaskStatusSender {
  private final TaskID taskId;
  private final StatusUpdates updates;
  private final Consumer<TaskState> onTerminal;

  TaskStatusSender(TaskID taskId, StatusUpdates updates, Consumer<TaskState> onTerminal) {
    this.taskId = Objects.requireNonNull(taskId, "taskId");
    this.updates = Objects.requireNonNull(updates, "updates");
    this.onTerminal = Objects.requireNonNull(onTerminal, "onTerminal");
  }

  /** A non-terminal update, with the health flag when the task judged it. */
  void send(TaskState state, String message, Optional<Boolean> healthy, Optional<TaskReport> report) {
    TaskStatus.Builder status = status(state, message, report);
    healthy.ifPresent(status::setHealthy);
    updates.update(status.build());
  }

  /** The task's one terminal update (with its reason, when known), then the terminal callback. */
  void terminal(TaskState state, String message, Optional<TaskStatus.Reason> reason, Optional<TaskReport> report) {
    TaskStatus.Builder status = status(state, message, report);
    reason.ifPresent(status::setReason);
    updates.update(status.build());
    onTerminal.accept(state);
  }

  private TaskStatus.Builder status(TaskState state, String message, Optional<TaskReport> report) {
    TaskStatus.Builder status = TaskStatus.newBuilder().setTaskId(taskId).setState(state).setMessage(message);
    report.ifPresent(r -> status.setData(ByteString.copyFrom(TaskReportCodec.encode(r))));
    return status;
  }
}

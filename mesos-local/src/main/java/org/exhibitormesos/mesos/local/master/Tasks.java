package org.exhibitormesos.mesos.local.master;

import org.apache.mesos.v1.Protos.TaskState;

/** Task state rules of Mesos 1.11 ({@code protobuf::isTerminalState}). */
final class Tasks {
  private Tasks() {}

  static boolean isTerminal(TaskState s) {
    return switch (s) {
      case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED,
          TASK_GONE, TASK_GONE_BY_OPERATOR -> true;
      default -> false;
    };
  }
}

package org.exhibitormesos.core.lifecycle;

import java.util.Objects;
import java.util.Optional;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.server.TaskState;

/** Something that happened to one server: an operator command, a launch, a Mesos update. */
public sealed interface LifecycleEvent {
  /** The operator asked the server to run. */
  record Start() implements LifecycleEvent { }

  /** The operator asked the server to stop (it stays in the ensemble's configuration). */
  record Stop() implements LifecycleEvent { }

  /** The operator asked to remove the server: leave the ensemble, stop, release the volume, forget. */
  record Remove() implements LifecycleEvent { }

  /**
   * The scheduler accepted an offer and launched {@code task} for the server, with the identity the
   * task's data belongs to and the reservation holding its volume (empty without one).
   */
  record Launched(Task task, Identity identity, Optional<Reservation> reservation) implements LifecycleEvent {
    public Launched {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(reservation, "reservation");
    }
  }

  /**
   * Mesos reported {@code state} for {@code taskId} on {@code agentId}; the task may be the current
   * one, an older one of this server, or unknown.
   */
  record TaskUpdate(String taskId, String agentId, TaskState state, String reason, String message)
      implements LifecycleEvent {
    public TaskUpdate {
      Objects.requireNonNull(taskId, "taskId");
      Objects.requireNonNull(agentId, "agentId");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    /** One line for status and logs: {@code TASK_FAILED (REASON_...): message}. */
    public String describe() {
      StringBuilder sb = new StringBuilder(state.mesosName());
      if (!reason.isEmpty()) {
        sb.append(" (").append(reason).append(')');
      }
      if (!message.isEmpty()) {
        sb.append(": ").append(message);
      }
      return sb.toString();
    }
  }

  /** The scheduler (re)subscribed and asks Mesos for the state of the server's task. */
  record ReconcileStarted() implements LifecycleEvent { }

  /** The agent is gone for good: anything stored there, the server's volume included, is lost. */
  record AgentGone(String agentId) implements LifecycleEvent {
    public AgentGone {
      Objects.requireNonNull(agentId, "agentId");
    }
  }

  /**
   * The membership driver confirmed the server left the committed ZooKeeper configuration (or was
   * never in it), so its task may now be killed.
   */
  record LeftEnsemble() implements LifecycleEvent { }
}

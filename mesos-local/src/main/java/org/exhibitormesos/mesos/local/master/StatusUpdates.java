package org.exhibitormesos.mesos.local.master;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * The agents' status update manager: per task, reliable updates are queued and only the head is
 * forwarded to the scheduler, retried with doubling backoff until the scheduler acknowledges it
 * with the same uuid; then the next one goes out. A task is forgotten once its terminal update is
 * acknowledged. Resources are freed as soon as the latest state is terminal.
 */
final class StatusUpdates {
  private static final Logger LOG = LogManager.getLogger(StatusUpdates.class);
  private final MasterState state;
  private final Allocator allocator;

  StatusUpdates(MasterState state, Allocator allocator) {
    this.state = state;
    this.allocator = allocator;
  }

  /**
   * Takes a reliable update (with uuid) from an executor or the agent itself.
   *
   * @return false if it is a duplicate (same uuid seen before)
   */
  boolean receive(Task task, TaskStatus status) {
    if (!task.seenUuids.add(status.getUuid())) {
      LOG.debug("duplicate update {} of task {}", status.getState(), task.idValue());
      return false;
    }
    boolean wasTerminal = Tasks.isTerminal(task.state);
    task.state = status.getState();
    LOG.info("task {} of framework {} on agent {} is {} ({}, {})", task.idValue(),
        task.framework.idValue(), task.agent.idValue(), status.getState(), status.getSource(),
        status.hasReason() ? status.getReason() : "no reason");
    task.pending.add(status);
    if (task.pending.size() == 1) {
      forward(task, true);
    }
    if (!wasTerminal && Tasks.isTerminal(task.state)) {
      allocator.allocateSoon();
    }
    return true;
  }

  /** Sends the head update if the framework is connected, and arms its retry. */
  private void forward(Task task, boolean resetBackoff) {
    if (task.retry != null) {
      task.retry.cancel(false);
      task.retry = null;
    }
    TaskStatus head = task.pending.peek();
    if (head == null) {
      return;
    }
    if (resetBackoff || task.retryDelay == null) {
      task.retryDelay = state.config.updateRetryInitial();
    }
    if (task.framework.connected()) {
      task.framework.send(Statuses.update(head));
      task.forwardedState = head.getState();
      LOG.debug("forwarded {} of task {}", head.getState(), task.idValue());
    }
    Duration delay = task.retryDelay;
    task.retryDelay = min(delay.multipliedBy(2), state.config.updateRetryMax());
    task.retry = state.loop.schedule(() -> {
      task.retry = null;
      if (task.pending.peek() == head) {
        LOG.info("retrying unacknowledged {} of task {}", head.getState(), task.idValue());
        forward(task, false);
      }
    }, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Handles the scheduler's ACKNOWLEDGE; other uuids and duplicates are ignored. */
  void acknowledge(Framework fw, String taskId, ByteString uuid) {
    Task task = fw.tasks.get(taskId);
    if (task == null || task.pending.isEmpty() || !task.pending.peek().getUuid().equals(uuid)) {
      LOG.info("ignoring acknowledgement of task {} of framework {}: no such pending update",
          taskId, fw.idValue());
      return;
    }
    TaskStatus acked = task.pending.poll();
    LOG.info("framework {} acknowledged {} of task {}", fw.idValue(), acked.getState(), taskId);
    if (task.retry != null) {
      task.retry.cancel(false);
      task.retry = null;
    }
    if (!task.pending.isEmpty()) {
      forward(task, true);
    } else if (Tasks.isTerminal(acked.getState())) {
      forget(task);
    }
  }

  /** After a (re)subscription: resend every unacknowledged head right away. */
  void resend(Framework fw) {
    for (Task task : fw.tasks.values()) {
      if (!task.pending.isEmpty()) {
        forward(task, true);
      }
    }
  }

  /** Drops the task and its update stream (terminal ack, framework removal, agent removal). */
  void forget(Task task) {
    if (task.retry != null) {
      task.retry.cancel(false);
      task.retry = null;
    }
    task.pending.clear();
    task.framework.tasks.remove(task.idValue());
    task.executor.tasks.remove(task.idValue());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}

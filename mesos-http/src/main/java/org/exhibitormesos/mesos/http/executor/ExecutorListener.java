package org.exhibitormesos.mesos.http.executor;

import org.apache.mesos.v1.executor.Protos.Event;

/**
 * Receives what the executor client learns, on the client's event thread, one call at a time, in
 * stream order. Implementations should return quickly.
 */
public interface ExecutorListener {
  /** The agent accepted the (re)subscription. */
  void onSubscribed(Event.Subscribed subscribed);

  /**
   * Every event other than SUBSCRIBED and HEARTBEAT: LAUNCH, LAUNCH_GROUP, KILL, ACKNOWLEDGED
   * (already applied to the client's bookkeeping), MESSAGE, SHUTDOWN, ERROR, unknown ones.
   */
  void onEvent(Event event);

  /** The connection to the agent was lost; the client retries if the framework checkpoints. */
  default void onDisconnected(String reason) {}

  /**
   * Terminal: the agent could not be reached again within {@code MESOS_RECOVERY_TIMEOUT}, or the
   * connection was lost without checkpointing. The executor should exit.
   */
  void onGaveUp(String reason);
}

package org.exhibitormesos.mesos.local;

/**
 * The failures mesos-local can inject, from tests (Java) and over HTTP ({@code POST /faults/...}).
 * Each method returns once the fault is in effect.
 */
public interface FaultInjection {
  /**
   * Agent loss: its executor processes are killed and its executor API goes away; schedulers see
   * RESCIND of its offers, FAILURE{agent_id} and TASK_LOST (TASK_UNREACHABLE when partition aware)
   * with REASON_AGENT_REMOVED, without uuid.
   */
  void removeAgent(int index);

  /** The removed agent comes back on the same address, id and work dir (no executors). */
  void restoreAgent(int index);

  /**
   * Master failover: all scheduler streams are dropped, offers and failover timers forgotten,
   * tasks kept; the master gets a new MasterInfo id (re-registered in ZooKeeper when configured).
   */
  void failoverMaster();

  /** Drops the subscription connection of one framework; false if it was not subscribed. */
  boolean dropSubscription(String frameworkId);

  /** Drops every executor connection of agent {@code index}; returns how many were dropped. */
  int dropExecutorConnections(int index);

  /**
   * Silently drops scheduler events of the given types (e.g. {@code HEARTBEAT}, {@code MESSAGE},
   * {@code FAILURE}, {@code UPDATE}) from now on; an empty set restores delivery.
   */
  void dropEvents(java.util.Set<org.apache.mesos.v1.scheduler.Protos.Event.Type> types);

  /** Turns the emulator's own process-group cleanup on or off for executors started from now on. */
  void setProcessGroupCleanup(boolean on);
}

package org.exhibitormesos.core.server;

/** What the scheduler knows of a server's task; the names are the ones operators see in status. */
public enum ObservedState {
  /** Defined, inactive, no task. */
  ADDED("Added"),
  /** Wants to run and waits for an offer (or for its failover delay); the server's reason says why. */
  PENDING("Pending"),
  /** A task was launched and has not reported RUNNING yet. */
  STAGING("Staging"),
  /** The task reported RUNNING: ZooKeeper serves. */
  RUNNING("Running"),
  /** The scheduler asked Mesos for the task's state and waits for the answer. */
  RECONCILING("Reconciling"),
  /** A kill was sent and the task has not ended yet. */
  STOPPING("Stopping");

  private final String displayName;

  ObservedState(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** True when the server has a task that may be alive. */
  public boolean hasTask() {
    return this == STAGING || this == RUNNING || this == RECONCILING || this == STOPPING;
  }
}

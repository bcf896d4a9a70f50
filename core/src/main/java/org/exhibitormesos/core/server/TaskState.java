package org.exhibitormesos.core.server;

/**
 * Mesos task states, mirrored here so core stays free of Mesos classes. Terminal states follow
 * Mesos 1.11's {@code isTerminalState}; UNREACHABLE and UNKNOWN are not terminal there, but this
 * framework does not subscribe as partition-aware, so it sees LOST instead and they only matter for
 * tasks it no longer tracks.
 */
public enum TaskState {
  STAGING(false), STARTING(false), RUNNING(false), KILLING(false),
  FINISHED(true), FAILED(true), KILLED(true), ERROR(true), LOST(true), DROPPED(true),
  UNREACHABLE(false), GONE(true), GONE_BY_OPERATOR(true), UNKNOWN(false);

  private final boolean terminal;

  TaskState(boolean terminal) {
    this.terminal = terminal;
  }

  public boolean terminal() {
    return terminal;
  }

  /** True when the agent (and anything stored on it) is gone for good. */
  public boolean agentGone() {
    return this == GONE || this == GONE_BY_OPERATOR;
  }

  /** The Mesos name, e.g. {@code TASK_FAILED}. */
  public String mesosName() {
    return "TASK_" + name();
  }
}

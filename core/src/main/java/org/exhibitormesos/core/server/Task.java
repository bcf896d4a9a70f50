package org.exhibitormesos.core.server;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.exhibitormesos.core.placement.AgentAttributes;

/**
 * One launched incarnation of a server, with the agent it runs on (hostname and attributes, kept so
 * constraints can be evaluated against placed servers after a restart, before any offer arrives).
 * A fresh task id and executor id are used for every launch, so an update of an older task can
 * always be told apart from the current one.
 *
 * @param launchedAs how the task was launched; empty when unknown, for a task recorded by a
 *     scheduler version that did not keep it (see {@link Server#expectsDataOnVolume()})
 */
public record Task(String taskId, String executorId, String agentId, AgentAttributes agent, Ports ports,
    Optional<LaunchKind> launchedAs, Instant launchedAt, TaskState lastState, Optional<Instant> runningSince) {
  public Task {
    requireText("taskId", taskId);
    requireText("executorId", executorId);
    requireText("agentId", agentId);
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(launchedAs, "launchedAs");
    Objects.requireNonNull(launchedAt, "launchedAt");
    Objects.requireNonNull(lastState, "lastState");
    Objects.requireNonNull(runningSince, "runningSince");
  }

  static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  public static Task launched(String taskId, String executorId, String agentId, AgentAttributes agent, Ports ports,
                              LaunchKind kind, Instant at) {
    return new Task(taskId, executorId, agentId, agent, ports, Optional.of(kind), at, TaskState.STAGING,
        Optional.empty());
  }

  /** The task after an update in {@code state} at {@code now}; keeps when it started running. */
  public Task withState(TaskState state, Instant now) {
    Optional<Instant> since = state == TaskState.RUNNING ? Optional.of(runningSince.orElse(now)) : runningSince;
    return new Task(taskId, executorId, agentId, agent, ports, launchedAs, launchedAt, state, since);
  }

  /** The ZooKeeper client endpoint, {@code host:port}. */
  public String clientEndpoint() {
    return hostname() + ":" + ports.client();
  }

  /** The agent's hostname, where ZooKeeper listens. */
  public String hostname() {
    return agent.hostname();
  }
}

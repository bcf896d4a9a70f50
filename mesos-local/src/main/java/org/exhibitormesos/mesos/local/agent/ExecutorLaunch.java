package org.exhibitormesos.mesos.local.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.exhibitormesos.mesos.http.HostAndPort;

/**
 * Everything needed to start one executor container on an agent.
 *
 * @param agentId the agent's id ({@code MESOS_SLAVE_ID})
 * @param agentWorkDir the agent's work dir (sandboxes live under it)
 * @param agentEndpoint the agent's executor API address ({@code MESOS_AGENT_ENDPOINT})
 * @param framework the framework, with its id set
 * @param executor the executor to run
 * @param containerId fresh container id (last sandbox path element)
 * @param shutdownGrace {@code MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD}
 * @param recoveryTimeout {@code MESOS_RECOVERY_TIMEOUT} (set only when checkpointing)
 * @param subscriptionBackoffMax {@code MESOS_SUBSCRIPTION_BACKOFF_MAX} (set only when checkpointing)
 */
public record ExecutorLaunch(String agentId, Path agentWorkDir, HostAndPort agentEndpoint,
    FrameworkInfo framework, ExecutorInfo executor, String containerId, Duration shutdownGrace,
    Duration recoveryTimeout, Duration subscriptionBackoffMax) {

  public ExecutorLaunch {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(agentWorkDir, "agentWorkDir");
    Objects.requireNonNull(agentEndpoint, "agentEndpoint");
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(containerId, "containerId");
    if (!framework.hasId()) {
      throw new IllegalArgumentException("framework id must be set");
    }
  }

  public String frameworkId() {
    return framework.getId().getValue();
  }

  public String executorId() {
    return executor.getExecutorId().getValue();
  }

  public boolean checkpoint() {
    return framework.getCheckpoint();
  }
}

package org.exhibitormesos.mesos.local.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.exhibitormesos.mesos.http.HostAndPort;

/**
 * What an agent knows when it launches an HTTP executor; {@link ExecutorEnvironment#of} turns it
 * into variables.
 *
 * @param agentEndpoint the agent's executor API address ({@code MESOS_AGENT_ENDPOINT})
 * @param agentId {@code MESOS_SLAVE_ID}
 * @param frameworkId {@code MESOS_FRAMEWORK_ID}
 * @param executorId {@code MESOS_EXECUTOR_ID}
 * @param directory the host sandbox ({@code MESOS_DIRECTORY}, and {@code MESOS_SANDBOX} as there is
 *     no container root file system)
 * @param checkpoint {@code FrameworkInfo.checkpoint} ({@code MESOS_CHECKPOINT})
 * @param recoveryTimeout agent {@code --recovery_timeout} (Mesos default 15 minutes)
 * @param subscriptionBackoffMax agent {@code --executor_reregistration_timeout} (default 2 s)
 * @param shutdownGracePeriod {@code ExecutorInfo.shutdown_grace_period} or the agent flag (default
 *     5 s)
 * @param httpCommandExecutor agent {@code --http_command_executor}
 * @param libprocessIp the agent's {@code LIBPROCESS_IP}, if it has one
 * @param commandEnvironment {@code CommandInfo.environment} VALUE variables; they win over every
 *     agent-provided variable
 */
public record ExecutorEnvironmentInput(
    HostAndPort agentEndpoint,
    String agentId,
    String frameworkId,
    String executorId,
    Path directory,
    boolean checkpoint,
    Duration recoveryTimeout,
    Duration subscriptionBackoffMax,
    Duration shutdownGracePeriod,
    boolean httpCommandExecutor,
    Optional<String> libprocessIp,
    Map<String, String> commandEnvironment) {

  /** Mesos agent default for {@code --recovery_timeout}. */
  public static final Duration DEFAULT_RECOVERY_TIMEOUT = Duration.ofMinutes(15);
  /** Mesos agent default for {@code --executor_reregistration_timeout}. */
  public static final Duration DEFAULT_SUBSCRIPTION_BACKOFF_MAX = Duration.ofSeconds(2);
  /** Mesos agent default for {@code --executor_shutdown_grace_period}. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(5);

  public ExecutorEnvironmentInput {
    Objects.requireNonNull(agentEndpoint, "agentEndpoint");
    requireText("agentId", agentId);
    requireText("frameworkId", frameworkId);
    requireText("executorId", executorId);
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(recoveryTimeout, "recoveryTimeout");
    Objects.requireNonNull(subscriptionBackoffMax, "subscriptionBackoffMax");
    Objects.requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
    Objects.requireNonNull(libprocessIp, "libprocessIp");
    commandEnvironment = Map.copyOf(commandEnvironment);
  }

  /** An input with Mesos' defaults: no checkpointing, default timeouts, no command variables. */
  public static ExecutorEnvironmentInput defaults(HostAndPort agentEndpoint, String agentId,
      String frameworkId, String executorId, Path directory) {
    return new ExecutorEnvironmentInput(agentEndpoint, agentId, frameworkId, executorId, directory,
        false, DEFAULT_RECOVERY_TIMEOUT, DEFAULT_SUBSCRIPTION_BACKOFF_MAX,
        DEFAULT_SHUTDOWN_GRACE_PERIOD, false, Optional.empty(), Map.of());
  }

  /** This input with {@code FrameworkInfo.checkpoint} set to {@code value}. */
  public ExecutorEnvironmentInput withCheckpoint(boolean value) {
    return new ExecutorEnvironmentInput(agentEndpoint, agentId, frameworkId, executorId, directory,
        value, recoveryTimeout, subscriptionBackoffMax, shutdownGracePeriod, httpCommandExecutor,
        libprocessIp, commandEnvironment);
  }

  /** This input with another shutdown grace period. */
  public ExecutorEnvironmentInput withShutdownGracePeriod(Duration value) {
    return new ExecutorEnvironmentInput(agentEndpoint, agentId, frameworkId, executorId, directory,
        checkpoint, recoveryTimeout, subscriptionBackoffMax, value, httpCommandExecutor,
        libprocessIp, commandEnvironment);
  }

  /** This input with the {@code CommandInfo.environment} variables {@code value}. */
  public ExecutorEnvironmentInput withCommandEnvironment(Map<String, String> value) {
    return new ExecutorEnvironmentInput(agentEndpoint, agentId, frameworkId, executorId, directory,
        checkpoint, recoveryTimeout, subscriptionBackoffMax, shutdownGracePeriod,
        httpCommandExecutor, libprocessIp, value);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }
}

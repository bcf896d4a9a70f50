package org.exhibitormesos.mesos.http.executor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.exhibitormesos.mesos.http.HostAndPort;

/**
 * What the agent tells an executor through its environment, validated.
 *
 * @param agentEndpoint {@code MESOS_AGENT_ENDPOINT}, the agent's {@code ip:port}
 * @param frameworkId {@code MESOS_FRAMEWORK_ID}
 * @param executorId {@code MESOS_EXECUTOR_ID}
 * @param sandbox {@code MESOS_SANDBOX}, the sandbox as seen by the executor
 * @param checkpoint {@code MESOS_CHECKPOINT} ({@code 1}/{@code 0}): whether to survive agent restarts
 * @param recoveryTimeout {@code MESOS_RECOVERY_TIMEOUT}; present iff checkpointing
 * @param subscriptionBackoffMax {@code MESOS_SUBSCRIPTION_BACKOFF_MAX}; present iff checkpointing
 * @param shutdownGracePeriod {@code MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD}
 * @param authenticationToken {@code MESOS_EXECUTOR_AUTHENTICATION_TOKEN}, if executor auth is on
 */
public record ExecutorEnvironment(
    HostAndPort agentEndpoint,
    String frameworkId,
    String executorId,
    Path sandbox,
    boolean checkpoint,
    Optional<Duration> recoveryTimeout,
    Optional<Duration> subscriptionBackoffMax,
    Duration shutdownGracePeriod,
    Optional<String> authenticationToken) {

  public ExecutorEnvironment {
    Objects.requireNonNull(agentEndpoint, "agentEndpoint");
    Objects.requireNonNull(sandbox, "sandbox");
    Objects.requireNonNull(recoveryTimeout, "recoveryTimeout");
    Objects.requireNonNull(subscriptionBackoffMax, "subscriptionBackoffMax");
    Objects.requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
    Objects.requireNonNull(authenticationToken, "authenticationToken");
    requireNonBlank("MESOS_FRAMEWORK_ID", frameworkId);
    requireNonBlank("MESOS_EXECUTOR_ID", executorId);
    if (checkpoint && (recoveryTimeout.isEmpty() || subscriptionBackoffMax.isEmpty())) {
      throw new IllegalArgumentException("MESOS_RECOVERY_TIMEOUT and MESOS_SUBSCRIPTION_BACKOFF_MAX"
          + " are required when MESOS_CHECKPOINT=1");
    }
  }

  /**
   * Reads and validates the variables (pass {@code System.getenv()}).
   *
   * @throws IllegalArgumentException naming the missing or malformed variable and its format
   */
  public static ExecutorEnvironment fromEnv(Map<String, String> env) {
    boolean checkpoint = switch (required(env, "MESOS_CHECKPOINT")) {
      case "1" -> true;
      case "0" -> false;
      default -> throw invalid("MESOS_CHECKPOINT", env.get("MESOS_CHECKPOINT"), "1 or 0");
    };
    return new ExecutorEnvironment(
        parse(env, "MESOS_AGENT_ENDPOINT", HostAndPort::parse, "ip:port, e.g. 10.0.0.5:5051"),
        required(env, "MESOS_FRAMEWORK_ID"),
        required(env, "MESOS_EXECUTOR_ID"),
        parse(env, "MESOS_SANDBOX", Path::of, "a directory path"),
        checkpoint,
        checkpoint ? Optional.of(duration(env, "MESOS_RECOVERY_TIMEOUT")) : Optional.empty(),
        checkpoint ? Optional.of(duration(env, "MESOS_SUBSCRIPTION_BACKOFF_MAX")) : Optional.empty(),
        duration(env, "MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD"),
        Optional.ofNullable(env.get("MESOS_EXECUTOR_AUTHENTICATION_TOKEN"))
            .filter(t -> !t.isBlank()));
  }

  private static Duration duration(Map<String, String> env, String name) {
    return parse(env, name, MesosDurations::parse, MesosDurations.ACCEPTED_FORM);
  }

  private static <T> T parse(Map<String, String> env, String name, Function<String, T> parser,
      String form) {
    String value = required(env, name);
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) { // includes InvalidPathException
      throw invalid(name, value, form);
    }
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is not set; the Mesos agent sets it for executors");
    }
    return value.trim();
  }

  private static void requireNonBlank(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  private static IllegalArgumentException invalid(String name, String value, String form) {
    return new IllegalArgumentException(name + "='" + value + "' is invalid: expected " + form);
  }
}

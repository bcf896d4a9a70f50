package org.exhibitormesos.mesos.local.process;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a Mesos 1.11 agent (Mesos containerizer, no container image) gives an HTTP
 * executor: names and value formats of {@code executorEnvironment()} in {@code slave.cpp} as
 * digested in the reference, section 3.2. Not set, as mesos-local has no use for them: {@code
 * MESOS_EXECUTOR_AUTHENTICATION_TOKEN}, {@code MESOS_DOMAIN_SOCKET}, {@code MESOS_NATIVE_*}.
 * Mesos 1.11 sets {@code MESOS_SLAVE_ID}, not {@code MESOS_AGENT_ID}.
 */
public final class ExecutorEnvironment {
  private ExecutorEnvironment() {}

  /**
   * The executor's environment, in a stable order. {@code CommandInfo.environment} variables are
   * applied last and so win, as in Mesos. {@code MESOS_RECOVERY_TIMEOUT} and {@code
   * MESOS_SUBSCRIPTION_BACKOFF_MAX} are present only when checkpointing.
   */
  public static Map<String, String> of(ExecutorEnvironmentInput in) {
    String endpoint = in.agentEndpoint().toString();
    String directory = in.directory().toString();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MESOS_FRAMEWORK_ID", in.frameworkId());
    env.put("MESOS_EXECUTOR_ID", in.executorId());
    env.put("MESOS_DIRECTORY", directory);
    env.put("MESOS_SANDBOX", directory);
    env.put("MESOS_SLAVE_ID", in.agentId());
    env.put("MESOS_SLAVE_PID", "slave(1)@" + endpoint);
    env.put("MESOS_AGENT_ENDPOINT", endpoint);
    env.put("MESOS_CHECKPOINT", in.checkpoint() ? "1" : "0");
    if (in.checkpoint()) {
      env.put("MESOS_RECOVERY_TIMEOUT", MesosDurationFormat.format(in.recoveryTimeout()));
      env.put("MESOS_SUBSCRIPTION_BACKOFF_MAX",
          MesosDurationFormat.format(in.subscriptionBackoffMax()));
    }
    env.put("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD",
        MesosDurationFormat.format(in.shutdownGracePeriod()));
    env.put("MESOS_HTTP_COMMAND_EXECUTOR", in.httpCommandExecutor() ? "1" : "0");
    env.put("LIBPROCESS_PORT", "0");
    in.libprocessIp().ifPresent(ip -> env.put("LIBPROCESS_IP", ip));
    env.putAll(in.commandEnvironment());
    return env;
  }
}

package org.exhibitormesos.mesos.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.testng.annotations.Test;

public class ExecutorEnvironmentTest {
  private static final Path SANDBOX =
      Path.of("/tmp/w/slaves/S0/frameworks/F1/executors/E1/runs/C1");
  private static final ExecutorEnvironmentInput DEFAULTS = ExecutorEnvironmentInput.defaults(
      new HostAndPort("127.0.0.1", 5051), "S0", "F1", "E1", SANDBOX);

  @Test
  public void withoutCheckpointingHasExactlyTheseVariables() {
    assertThat(ExecutorEnvironment.of(DEFAULTS)).containsExactly(
        entry("MESOS_FRAMEWORK_ID", "F1"),
        entry("MESOS_EXECUTOR_ID", "E1"),
        entry("MESOS_DIRECTORY", SANDBOX.toString()),
        entry("MESOS_SANDBOX", SANDBOX.toString()),
        entry("MESOS_SLAVE_ID", "S0"),
        entry("MESOS_SLAVE_PID", "slave(1)@127.0.0.1:5051"),
        entry("MESOS_AGENT_ENDPOINT", "127.0.0.1:5051"),
        entry("MESOS_CHECKPOINT", "0"),
        entry("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", "5secs"),
        entry("MESOS_HTTP_COMMAND_EXECUTOR", "0"),
        entry("LIBPROCESS_PORT", "0"));
  }

  @Test
  public void checkpointingAddsRecoveryTimeoutAndBackoff() {
    Map<String, String> env = ExecutorEnvironment.of(DEFAULTS.withCheckpoint(true)
        .withShutdownGracePeriod(Duration.ofMillis(500)));

    assertThat(env).contains(entry("MESOS_CHECKPOINT", "1"),
        entry("MESOS_RECOVERY_TIMEOUT", "15mins"),
        entry("MESOS_SUBSCRIPTION_BACKOFF_MAX", "2secs"),
        entry("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", "500ms"));
  }

  @Test
  public void commandInfoVariablesWinAndLibprocessIpIsCopied() {
    ExecutorEnvironmentInput in = new ExecutorEnvironmentInput(new HostAndPort("10.0.0.5", 5052),
        "S0", "F1", "E1", SANDBOX, false, Duration.ofMinutes(15), Duration.ofSeconds(2),
        Duration.ofSeconds(5), true, java.util.Optional.of("10.0.0.5"),
        Map.of("MESOS_SANDBOX", "/override", "JAVA_HOME", "/opt/jdk"));

    assertThat(ExecutorEnvironment.of(in)).contains(
        entry("MESOS_SANDBOX", "/override"),
        entry("JAVA_HOME", "/opt/jdk"),
        entry("LIBPROCESS_IP", "10.0.0.5"),
        entry("MESOS_HTTP_COMMAND_EXECUTOR", "1"),
        entry("MESOS_AGENT_ENDPOINT", "10.0.0.5:5052"));
  }

  @Test
  public void theExecutorSideParserAcceptsWhatWeProduce() {
    Map<String, String> env = ExecutorEnvironment.of(DEFAULTS.withCheckpoint(true));

    var parsed = org.exhibitormesos.mesos.http.executor.ExecutorEnvironment.fromEnv(env);

    assertThat(parsed.agentEndpoint()).isEqualTo(new HostAndPort("127.0.0.1", 5051));
    assertThat(parsed.sandbox()).isEqualTo(SANDBOX);
    assertThat(parsed.checkpoint()).isTrue();
    assertThat(parsed.recoveryTimeout()).contains(Duration.ofMinutes(15));
    assertThat(parsed.subscriptionBackoffMax()).contains(Duration.ofSeconds(2));
    assertThat(parsed.shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(5));
  }
}

package org.exhibitormesos.mesos.http.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class ExecutorEnvironmentTest {
  static Map<String, String> agentEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("MESOS_AGENT_ENDPOINT", "10.0.0.5:5051");
    env.put("MESOS_FRAMEWORK_ID", "fw-0001");
    env.put("MESOS_EXECUTOR_ID", "zk-1");
    env.put("MESOS_SANDBOX", "/mnt/mesos/sandbox");
    env.put("MESOS_CHECKPOINT", "1");
    env.put("MESOS_RECOVERY_TIMEOUT", "15mins");
    env.put("MESOS_SUBSCRIPTION_BACKOFF_MAX", "2secs");
    env.put("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", "5secs");
    return env;
  }

  @Test
  public void readsWhatTheAgentSets() {
    ExecutorEnvironment env = ExecutorEnvironment.fromEnv(agentEnv());
    assertThat(env.agentEndpoint()).isEqualTo(new HostAndPort("10.0.0.5", 5051));
    assertThat(env.frameworkId()).isEqualTo("fw-0001");
    assertThat(env.executorId()).isEqualTo("zk-1");
    assertThat(env.sandbox()).isEqualTo(Path.of("/mnt/mesos/sandbox"));
    assertThat(env.checkpoint()).isTrue();
    assertThat(env.recoveryTimeout()).contains(Duration.ofMinutes(15));
    assertThat(env.subscriptionBackoffMax()).contains(Duration.ofSeconds(2));
    assertThat(env.shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(5));
    assertThat(env.authenticationToken()).isEmpty();
  }

  @Test
  public void withoutCheckpointingTheRecoveryVariablesAreNotNeeded() {
    Map<String, String> vars = agentEnv();
    vars.put("MESOS_CHECKPOINT", "0");
    vars.remove("MESOS_RECOVERY_TIMEOUT");
    vars.remove("MESOS_SUBSCRIPTION_BACKOFF_MAX");
    ExecutorEnvironment env = ExecutorEnvironment.fromEnv(vars);
    assertThat(env.checkpoint()).isFalse();
    assertThat(env.recoveryTimeout()).isEmpty();
  }

  @DataProvider
  public Object[][] required() {
    return new Object[][] {{"MESOS_AGENT_ENDPOINT"}, {"MESOS_FRAMEWORK_ID"}, {"MESOS_EXECUTOR_ID"},
        {"MESOS_SANDBOX"}, {"MESOS_CHECKPOINT"}, {"MESOS_RECOVERY_TIMEOUT"},
        {"MESOS_SUBSCRIPTION_BACKOFF_MAX"}, {"MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD"}};
  }

  @Test(dataProvider = "required")
  public void namesAMissingVariable(String name) {
    Map<String, String> vars = agentEnv();
    vars.remove(name);
    assertThatThrownBy(() -> ExecutorEnvironment.fromEnv(vars))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name + " is not set");
  }

  @DataProvider
  public Object[][] malformed() {
    return new Object[][] {
        {"MESOS_AGENT_ENDPOINT", "http://10.0.0.5:5051", "ip:port"},
        {"MESOS_CHECKPOINT", "true", "1 or 0"},
        {"MESOS_RECOVERY_TIMEOUT", "15m", "a number followed by"},
        {"MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", "5", "a number followed by"},
    };
  }

  @Test(dataProvider = "malformed")
  public void namesAMalformedVariableAndItsFormat(String name, String value, String form) {
    Map<String, String> vars = agentEnv();
    vars.put(name, value);
    assertThatThrownBy(() -> ExecutorEnvironment.fromEnv(vars))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name + "='" + value + "' is invalid: expected")
        .hasMessageContaining(form);
  }
}

package org.exhibitormesos.mesos.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.exhibitormesos.mesos.http.Credentials;

/**
 * Settings of a {@link MesosLocal}; start from {@link #defaults(Path, int)}.
 *
 * @param masterAddress loopback address the master binds to
 * @param masterPort master port; 0 picks a free one
 * @param agents the agents, in order (agent ids follow this order)
 * @param heartbeatInterval HEARTBEAT period on scheduler streams (advertised in SUBSCRIBED)
 * @param allocationInterval batch allocation period
 * @param defaultRefuse filter applied when a DECLINE/ACCEPT has no {@code refuse_seconds} (Mesos: 5 s)
 * @param updateRetryInitial first retry of an unacknowledged status update (Mesos: 10 s)
 * @param updateRetryMax cap of the doubling retry (Mesos: 10 min)
 * @param executorRegistrationTimeout time an executor has to SUBSCRIBE (Mesos: 1 min)
 * @param executorShutdownGrace default grace between SHUTDOWN and SIGKILL (Mesos: 5 s)
 * @param workDir root of agents' work dirs (sandboxes, volumes, checkpointed reservations)
 * @param zk {@code zk://host:port/path} to register the master in, if any
 * @param cleanupProcessGroups whether the emulator kills the whole process group of an executor
 * @param credentials when not empty, HTTP Basic authentication of schedulers is on (401 without
 *     valid credentials), like {@code --authenticate_http_frameworks}; off by default
 */
public record MesosLocalConfig(
    String masterAddress,
    int masterPort,
    List<AgentConfig> agents,
    Duration heartbeatInterval,
    Duration allocationInterval,
    Duration defaultRefuse,
    Duration updateRetryInitial,
    Duration updateRetryMax,
    Duration executorRegistrationTimeout,
    Duration executorShutdownGrace,
    Path workDir,
    Optional<String> zk,
    boolean cleanupProcessGroups,
    List<Credentials> credentials) {

  public MesosLocalConfig {
    credentials = List.copyOf(credentials);
    Objects.requireNonNull(masterAddress, "masterAddress");
    agents = List.copyOf(agents);
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(zk, "zk");
    for (Duration d : List.of(heartbeatInterval, allocationInterval, defaultRefuse,
        updateRetryInitial, updateRetryMax, executorRegistrationTimeout, executorShutdownGrace)) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive, got " + d);
      }
    }
    if (masterPort < 0 || masterPort > 65535) {
      throw new IllegalArgumentException("master port " + masterPort + " is outside 0..65535");
    }
    zk.ifPresent(url -> {
      if (!url.startsWith("zk://")) {
        throw new IllegalArgumentException("--zk '" + url + "' is invalid: expected zk://host:port/path");
      }
    });
  }

  /** Mesos' timings, master on 127.0.0.1 at a free port, {@code agents} default agents. */
  public static MesosLocalConfig defaults(Path workDir, int agents) {
    List<AgentConfig> list = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      list.add(AgentConfig.defaults(i));
    }
    return new MesosLocalConfig("127.0.0.1", 0, list, Duration.ofSeconds(15), Duration.ofSeconds(1),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(1),
        Duration.ofSeconds(5), workDir, Optional.empty(), true, List.of());
  }

  /** Short timings for tests: 1 s heartbeats, 100 ms allocation, 1 s update retries. */
  public MesosLocalConfig fast() {
    return new MesosLocalConfig(masterAddress, masterPort, agents, Duration.ofSeconds(1),
        Duration.ofMillis(100), defaultRefuse, Duration.ofSeconds(1), Duration.ofSeconds(4),
        Duration.ofSeconds(30), Duration.ofSeconds(2), workDir, zk, cleanupProcessGroups, credentials);
  }

  public MesosLocalConfig withMaster(String address, int port) {
    return new MesosLocalConfig(address, port, agents, heartbeatInterval, allocationInterval,
        defaultRefuse, updateRetryInitial, updateRetryMax, executorRegistrationTimeout,
        executorShutdownGrace, workDir, zk, cleanupProcessGroups, credentials);
  }

  public MesosLocalConfig withAgents(List<AgentConfig> list) {
    return new MesosLocalConfig(masterAddress, masterPort, list, heartbeatInterval,
        allocationInterval, defaultRefuse, updateRetryInitial, updateRetryMax,
        executorRegistrationTimeout, executorShutdownGrace, workDir, zk, cleanupProcessGroups, credentials);
  }

  /** Applies {@code change} to every agent. */
  public MesosLocalConfig mapAgents(UnaryOperator<AgentConfig> change) {
    return withAgents(agents.stream().map(change).toList());
  }

  public MesosLocalConfig withHeartbeat(Duration d) {
    return new MesosLocalConfig(masterAddress, masterPort, agents, d, allocationInterval,
        defaultRefuse, updateRetryInitial, updateRetryMax, executorRegistrationTimeout,
        executorShutdownGrace, workDir, zk, cleanupProcessGroups, credentials);
  }

  public MesosLocalConfig withUpdateRetry(Duration initial, Duration max) {
    return new MesosLocalConfig(masterAddress, masterPort, agents, heartbeatInterval,
        allocationInterval, defaultRefuse, initial, max, executorRegistrationTimeout,
        executorShutdownGrace, workDir, zk, cleanupProcessGroups, credentials);
  }

  public MesosLocalConfig withZk(String url) {
    return new MesosLocalConfig(masterAddress, masterPort, agents, heartbeatInterval,
        allocationInterval, defaultRefuse, updateRetryInitial, updateRetryMax,
        executorRegistrationTimeout, executorShutdownGrace, workDir, Optional.of(url),
        cleanupProcessGroups, credentials);
  }

  public MesosLocalConfig withExecutorTimeouts(Duration registration, Duration shutdownGrace) {
    return new MesosLocalConfig(masterAddress, masterPort, agents, heartbeatInterval,
        allocationInterval, defaultRefuse, updateRetryInitial, updateRetryMax, registration,
        shutdownGrace, workDir, zk, cleanupProcessGroups, credentials);
  }

  public MesosLocalConfig withCleanupProcessGroups(boolean on) {
    return new MesosLocalConfig(masterAddress, masterPort, agents, heartbeatInterval,
        allocationInterval, defaultRefuse, updateRetryInitial, updateRetryMax,
        executorRegistrationTimeout, executorShutdownGrace, workDir, zk, on, credentials);
  }

  /** Turns on HTTP Basic authentication of schedulers with these credentials. */
  public MesosLocalConfig withCredentials(List<Credentials> list) {
    return new MesosLocalConfig(masterAddress, masterPort, agents, heartbeatInterval,
        allocationInterval, defaultRefuse, updateRetryInitial, updateRetryMax,
        executorRegistrationTimeout, executorShutdownGrace, workDir, zk, cleanupProcessGroups, list);
  }

  /** The work dir of agent {@code i}. */
  public Path agentWorkDir(int i) {
    AgentConfig a = agents.get(i);
    return a.workDir().orElse(workDir.resolve("agents").resolve(a.address()));
  }
}

package org.exhibitormesos.executor.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.exhibitormesos.mesos.local.AgentConfig;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.exhibitormesos.mesos.local.MesosLocalConfig;
import org.exhibitormesos.mesos.local.process.RunMarkers;

/**
 * mesos-local in this JVM with executors as real processes and its own process-group cleanup OFF:
 * when it stops an executor it kills only that process, so whatever else is left running was left
 * by the executor. Every process it starts, and every child they start (ZooKeeper inherits the
 * executor's environment), carries its run marker; {@link #close()} checks that none is left.
 */
public final class LocalMesos implements AutoCloseable {
  private static final Duration LEFTOVER_WAIT = Duration.ofSeconds(15);

  private final Path workDir;
  private final MesosLocal local;
  private final String marker;

  private LocalMesos(Path workDir, MesosLocal local) {
    this.workDir = workDir;
    this.local = local;
    this.marker = local.runMarker().orElseThrow();
  }

  /**
   * Starts {@code agents} agents with test timings, each on its own 127.0.0.x address where the
   * start of the offered port range is free.
   */
  public static LocalMesos start(int agents) throws IOException {
    Path workDir = Files.createTempDirectory("mesos-local-executor");
    try {
      List<AgentConfig> list = new ArrayList<>();
      for (String address : freeAddresses(agents)) {
        AgentConfig d = AgentConfig.defaults(0);
        list.add(new AgentConfig(address, d.port(), d.cpus(), d.memMb(), d.diskMb(), d.ports(),
            d.attributes(), d.workDir()));
      }
      return new LocalMesos(workDir, MesosLocal.start(MesosLocalConfig.defaults(workDir, agents)
          .withAgents(list).fast().withCleanupProcessGroups(false)));
    } catch (IOException | RuntimeException e) {
      TestFiles.deleteTree(workDir);
      throw e;
    }
  }

  /**
   * Loopback addresses away from mesos-local's default 127.0.0.2.. (other test runs on this
   * machine use those with the same ports), each with its first offered ports free right now.
   */
  private static List<String> freeAddresses(int count) throws IOException {
    List<String> found = new ArrayList<>();
    List<Integer> candidates = new ArrayList<>();
    for (int x = 100; x < 250; x++) {
      candidates.add(x);
    }
    Collections.shuffle(candidates);
    for (int x : candidates) {
      String address = "127.0.0." + x;
      if (found.size() < count && portsFree(address)) {
        found.add(address);
      }
    }
    if (found.size() < count) {
      throw new IOException("no " + count + " loopback addresses with free ports");
    }
    return found;
  }

  private static boolean portsFree(String address) {
    long first = AgentConfig.DEFAULT_PORTS.getRange(0).getBegin();
    for (long port = first; port < first + 8; port++) {
      try (ServerSocket s = new ServerSocket((int) port, 1, InetAddress.getByName(address))) {
        s.getLocalPort();
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  public MesosLocal local() {
    return local;
  }

  /** The address agent {@code index} binds to; the executor binds ZooKeeper to it too. */
  public String agentHost(int index) {
    return local.config().agents().get(index).address();
  }

  /** Processes carrying this run's marker: executors and their children. */
  public List<ProcessHandle> markedProcesses() {
    return RunMarkers.find(marker).stream().filter(p -> Processes.isAlive(p.pid())).toList();
  }

  /** The pid of executor {@code executorId} as mesos-local started it. */
  public long executorPid(String executorId) {
    return executor(executorId).orElseThrow(() -> new AssertionError("no executor "
        + executorId + " in " + local.master().stateJson())).get("pid").getAsLong();
  }

  /** The sandbox of executor {@code executorId}. */
  public Path sandbox(String executorId) {
    return Path.of(executor(executorId).orElseThrow().get("sandbox").getAsString());
  }

  /** mesos-local's view of executor {@code executorId}: {@code id, phase, pid, sandbox}. */
  public Optional<JsonObject> executor(String executorId) {
    for (JsonElement agent : local.master().stateJson().getAsJsonArray("agents")) {
      for (JsonElement e : agent.getAsJsonObject().getAsJsonArray("executors")) {
        if (e.getAsJsonObject().get("id").getAsString().equals(executorId)) {
          return Optional.of(e.getAsJsonObject());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Stops mesos-local (killing only the executor processes themselves), waits for the processes
   * carrying the run marker to go, kills whatever is left and deletes the work dir.
   *
   * @throws AssertionError naming the processes that were still running
   */
  @Override
  public void close() {
    local.close();
    List<ProcessHandle> left = Deadlines.poll(this::markedProcesses, List::isEmpty, LEFTOVER_WAIT);
    left.forEach(ProcessHandle::destroyForcibly);
    Processes.killAll(workDir.toString());
    TestFiles.deleteTree(workDir);
    if (!left.isEmpty()) {
      throw new AssertionError("processes of run " + marker + " still running "
          + LEFTOVER_WAIT + " after mesos-local stopped: " + left.stream()
          .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
    }
  }
}

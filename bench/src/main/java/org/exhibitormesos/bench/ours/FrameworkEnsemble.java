package org.exhibitormesos.bench.ours;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.exhibitormesos.bench.floor.Poll;
import org.exhibitormesos.mesos.local.AgentConfig;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.exhibitormesos.mesos.local.MesosLocalConfig;

/**
 * "Ours" set up for one run: mesos-local in this JVM with its agents on a random loopback block
 * ({@code 127.0.N.2..}, N in 64..199, away from the floor's {@code 127.0.0.x} and from tests'
 * blocks most of the time), and the scheduler's runnable jar as a process subscribed to it, with
 * the real executor jar and ZooKeeper distribution in its artifacts folder.
 *
 * <p>mesos-local runs with its {@link MesosLocalConfig#fast() fast} timings: a 100 ms allocation
 * batch (Mesos' {@code --allocation_interval}, default 1 s, tunable), 1 s heartbeats and status
 * update retries; the default 5 s refuse filter. {@link #close()} stops the scheduler, then
 * mesos-local (which kills every executor's process group), and deletes the run's directory.
 */
public final class FrameworkEnsemble implements AutoCloseable {
  private static final String ROLE = "zookeeper";

  private final Path dir;
  private final MesosLocal mesos;
  private final SchedulerJvm scheduler;
  private final ControlApi api;
  private final boolean keep;

  private FrameworkEnsemble(Path dir, MesosLocal mesos, SchedulerJvm scheduler, ControlApi api, boolean keep) {
    this.keep = keep;
    this.dir = dir;
    this.mesos = mesos;
    this.scheduler = scheduler;
    this.api = api;
  }

  /**
   * Starts mesos-local with {@code agents} agents of {@code agentConfig}'s size and the scheduler,
   * and waits until the scheduler has subscribed.
   *
   * @param dir an empty directory this run owns (deleted by {@link #close()} unless {@code keep})
   */
  static FrameworkEnsemble start(Path dir, int agents, Artifacts artifacts, boolean keep) throws Exception {
    return start(dir, agents, UnaryOperator.identity(), artifacts, keep);
  }

  /** As above, each agent's settings changed by {@code shape} (e.g. its resources). */
  static FrameworkEnsemble start(Path dir, int agents, UnaryOperator<AgentConfig> shape, Artifacts artifacts,
      boolean keep) throws Exception {
    int block = ThreadLocalRandom.current().nextInt(64, 200);
    int[] index = {0};
    MesosLocalConfig config = MesosLocalConfig.defaults(dir.resolve("mesos"), agents).fast()
        .mapAgents(a -> new AgentConfig("127.0." + block + "." + (2 + index[0]++), a.port(), a.cpus(), a.memMb(),
            a.diskMb(), a.ports(), a.attributes(), a.workDir())).mapAgents(shape);
    MesosLocal mesos = MesosLocal.start(config);
    SchedulerJvm scheduler = null;
    try {
      int apiPort = freePort();
      String base = "http://127.0.0.1:" + apiPort;
      List<String> args = List.of("--master", mesos.masterEndpoint().toString(), "--api", base,
          "--storage", "file:" + dir.resolve("state.json"), "--artifacts", artifacts.folder().toString(),
          "--framework-timeout", "10m", "--framework-role", ROLE, "--principal", "exhibitor-mesos-bench",
          "--ensemble-modify-backoff", "500");
      scheduler = SchedulerJvm.start(artifacts.schedulerJar(), artifacts.schedulerJvmOptions(), args,
          dir.resolve("scheduler.log"));
      ControlApi api = new ControlApi(base);
      SchedulerJvm started = scheduler;
      Poll.until("the scheduler subscribed (log: " + dir.resolve("scheduler.log") + ")", Duration.ofSeconds(60),
          () -> {
            if (!started.alive()) {
              throw new IllegalStateException("the scheduler exited; see " + dir.resolve("scheduler.log"));
            }
            return api.status().map(s -> s.has("frameworkId") && !s.get("frameworkId").isJsonNull()).orElse(false);
          });
      return new FrameworkEnsemble(dir, mesos, scheduler, api, keep);
    } catch (Exception | Error e) {
      if (scheduler != null) {
        scheduler.close();
      }
      mesos.close();
      throw e;
    }
  }

  ControlApi api() {
    return api;
  }

  long schedulerPid() {
    return scheduler.pid();
  }

  Path dir() {
    return dir;
  }

  /** The current status (waits up to 10 s for an answer). */
  JsonObject status() throws TimeoutException, InterruptedException {
    JsonObject[] last = new JsonObject[1];
    Poll.until("a status answer", Duration.ofSeconds(10), () -> {
      last[0] = api.status().orElse(null);
      return last[0] != null;
    });
    return last[0];
  }

  /** The ZooKeeper process of server {@code id}, if it is placed and runs. */
  Optional<ProcessHandle> zooKeeperOf(int id) throws TimeoutException, InterruptedException {
    Optional<String> host = ControlApi.server(status(), id).map(s -> s.get("hostname"))
        .filter(h -> !h.isJsonNull()).map(h -> h.getAsString());
    if (host.isEmpty()) {
      return Optional.empty();
    }
    for (MesosLocal.AgentView a : mesos.agents()) {
      if (a.endpoint().host().equals(host.get())) {
        return ProcessTree.zooKeeperUnder(a.workDir());
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() throws InterruptedException {
    if (keep) {
      copySandboxLogs();
    }
    try {
      scheduler.close();
    } finally {
      mesos.close();
    }
    if (keep) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  /** Copies the sandboxes' logs (mesos-local removes sandboxes on close) to {@code dir/sandboxes}. */
  private void copySandboxLogs() {
    Path from = dir.resolve("mesos");
    Path to = dir.resolve("sandboxes");
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.filter(Files::isRegularFile).filter(p -> p.toString().contains("/executors/")).toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("std") || name.endsWith(".log") || name.endsWith(".out") || name.endsWith(".err")) {
          Path target = to.resolve(from.relativize(p).toString());
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      System.err.println("cannot copy the sandboxes' logs: " + e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  /**
   * What "ours" runs.
   *
   * @param schedulerJar the scheduler's runnable jar
   * @param folder the scheduler's {@code --artifacts} folder (executor jar, ZooKeeper distribution)
   * @param schedulerJvmOptions the scheduler JVM's options
   */
  public record Artifacts(Path schedulerJar, Path folder, List<String> schedulerJvmOptions) {
    public Artifacts {
      schedulerJvmOptions = List.copyOf(schedulerJvmOptions);
      if (!Files.isRegularFile(schedulerJar)) {
        throw new IllegalArgumentException("no scheduler jar at " + schedulerJar
            + "; build with mvn -B -q -pl bench -am package -DskipTests, or pass --scheduler-jar");
      }
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException("no artifacts folder at " + folder
            + "; build with mvn -B -q -pl bench -am package -DskipTests, or pass --artifacts");
      }
    }
  }
}

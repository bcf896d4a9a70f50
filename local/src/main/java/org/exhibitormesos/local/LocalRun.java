package org.exhibitormesos.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.mesos.local.AgentConfig;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.exhibitormesos.mesos.local.MesosLocalConfig;
import org.exhibitormesos.mesos.local.agent.DirectoryVolumeStore;
import org.exhibitormesos.mesos.local.agent.ProcessExecutorRuntime;
import org.exhibitormesos.mesos.local.process.RunMarkers;
import org.exhibitormesos.scheduler.config.SchedulerConfig;
import org.exhibitormesos.scheduler.SchedulerMain;
import org.exhibitormesos.scheduler.config.SchedulerFlags;
import org.exhibitormesos.scheduler.runtime.SchedulerRuntime;

/**
 * mesos-local and the scheduler in this JVM, on one work dir: {@code mesos/} (agents' sandboxes,
 * volumes and checkpointed reservations), {@code scheduler-state.json} (the scheduler's state with
 * its framework id), {@code local.lock} (one run per work dir) and {@code run-marker} (the marker in
 * the environment of this run's executors, so a run that died without cleaning up is cleaned up
 * by the next one).
 *
 * <p>Both run in this process rather than the scheduler in a child JVM: one process to signal,
 * one shutdown path that stops them in order, and nothing that can outlive it but the executors,
 * which mesos-local kills by process group and which carry the run marker.
 *
 * <p>{@link #close()} stops the scheduler first (no new decisions, its state file closed), then
 * mesos-local, which kills the executors and their ZooKeepers; idempotent, thread-safe.
 */
final class LocalRun implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(LocalRun.class);
  static final String STATE_FILE = "scheduler-state.json";
  static final String MARKER_FILE = "run-marker";
  static final String LOCK_FILE = "local.lock";

  private final LocalOptions options;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private MesosLocal mesos;
  private SchedulerRuntime scheduler;
  private String apiUrl;
  private boolean closed;

  private LocalRun(LocalOptions options, FileChannel lockChannel, FileLock lock) {
    this.options = options;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Validates everything it can first, then locks the work dir, cleans up after an earlier run that
   * died, starts mesos-local and the scheduler.
   *
   * @throws InvalidInputException for bad options (nothing started)
   * @throws IOException when the work dir, an address or a port cannot be used (everything stopped)
   * @throws StateStoreException when the scheduler's state cannot be read (everything stopped)
   */
  static LocalRun start(LocalOptions options, Map<String, String> env) throws IOException, StateStoreException {
    MesosLocalConfig mesosConfig = mesosConfig(options);
    schedulerConfig(options, "127.0.0.1:5050", "http://127.0.0.1:7000", env); // the flags' checks, before any change
    Path work = options.workDir();
    Files.createDirectories(work);
    FileChannel channel = FileChannel.open(work.resolve(LOCK_FILE), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      channel.close();
      throw new InvalidInputException("another exhibitor-mesos local runs on " + work + "; stop it, or pass another"
          + " --work-dir");
    }
    LocalRun run = new LocalRun(options, channel, lock);
    try {
      run.startAll(mesosConfig, env);
      return run;
    } catch (IOException | StateStoreException | RuntimeException e) {
      run.close();
      throw e;
    }
  }

  /** mesos-local's settings: Mesos' timings sped up for one machine, agents on the address block. */
  static MesosLocalConfig mesosConfig(LocalOptions options) {
    List<AgentConfig> agents = new ArrayList<>();
    for (int i = 0; i < options.agents(); i++) {
      try {
        agents.add(AgentConfig.defaults(i).withAttributes(options.attributes().replace("{i}", Integer.toString(i))));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("--attributes '" + options.attributes() + "' is invalid: " + e.getMessage()
            + "; accepted: name:value;name:value, e.g. rack:r{i};zone:a");
      }
    }
    int[] index = {0};
    List<AgentConfig> placed = agents.stream().map(a -> new AgentConfig(options.agentAddress(index[0]++), a.port(),
        a.cpus(), a.memMb(), a.diskMb(), a.ports(), a.attributes(), a.workDir())).toList();
    return MesosLocalConfig.defaults(options.workDir().resolve("mesos"), options.agents()).fast()
        .withAgents(placed).withMaster("127.0.0.1", options.masterPort());
  }

  private void startAll(MesosLocalConfig mesosConfig, Map<String, String> env)
      throws IOException, StateStoreException {
    Path markerFile = options.workDir().resolve(MARKER_FILE);
    if (Files.exists(markerFile)) {
      String old = Files.readString(markerFile, StandardCharsets.UTF_8).trim();
      if (!old.isEmpty() && RunMarkers.killAll(old) > 0) {
        LOG.info("killed the processes left over by the earlier run {}", old);
      }
    }
    String marker = RunMarkers.newMarker();
    Files.writeString(markerFile, marker + "\n", StandardCharsets.UTF_8);
    synchronized (this) {
      mesos = MesosLocal.start(mesosConfig, new ProcessExecutorRuntime(marker, true), DirectoryVolumeStore::new);
      // This run's shutdown hook stops the scheduler before mesos-local.
      mesos.detachExitHook();
    }
    int apiPort = options.apiPort() != 0 ? options.apiPort() : freePort();
    apiUrl = "http://127.0.0.1:" + apiPort;
    SchedulerConfig config = schedulerConfig(options, mesos.masterEndpoint().toString(), apiUrl, env);
    LOG.info("local run {}: mesos-local at {}, scheduler API {}", marker, mesos.masterUrl(), apiUrl);
    SchedulerRuntime started = SchedulerRuntime.start(config, Clock.systemUTC());
    synchronized (this) {
      scheduler = started;
      if (closed) {
        started.close();
      }
    }
  }

  /** The scheduler's flags as an operator would pass them, parsed and validated by the scheduler. */
  static SchedulerConfig schedulerConfig(LocalOptions options, String master, String apiUrl,
      Map<String, String> env) {
    List<String> flags = new ArrayList<>(List.of("--master", master, "--api", apiUrl,
        "--storage", "file:" + options.workDir().resolve(STATE_FILE), "--mode", options.mode().text(),
        "--framework-role", "exhibitor", "--principal", "exhibitor-mesos", "--framework-timeout", "7d",
        "--ensemble-modify-backoff", "500",
        "--artifacts", options.artifacts().orElseGet(SchedulerMain::defaultArtifacts).toString()));
    return SchedulerFlags.parse(flags, env, SchedulerMain.defaultArtifacts()).orElseThrow();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  MesosLocal mesos() {
    return mesos;
  }

  String apiUrl() {
    return apiUrl;
  }

  /** Waits until the scheduler stops by itself; its fatal error, or empty when it was closed. */
  Optional<String> awaitSchedulerStop() throws InterruptedException {
    return scheduler.awaitStop();
  }

  @Override
  public void close() {
    SchedulerRuntime s;
    MesosLocal m;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      s = scheduler;
      m = mesos;
    }
    if (s != null) {
      s.close();
      LOG.info("scheduler stopped");
    }
    if (m != null) {
      m.close();
      try {
        Files.deleteIfExists(options.workDir().resolve(MARKER_FILE));
      } catch (IOException e) {
        LOG.warn("cannot delete {}", options.workDir().resolve(MARKER_FILE), e);
      }
    }
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock of " + options.workDir(), e);
    }
  }
}

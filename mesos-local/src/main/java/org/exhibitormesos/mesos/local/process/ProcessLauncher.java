package org.exhibitormesos.mesos.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Starts executor processes, each as the leader of a new session and process group (util-linux
 * {@code setsid} execs the command in place; see the package documentation), and cleans them up on
 * {@link #close()}.
 *
 * <p>Environment of a started process: exactly {@code PATH}, {@code HOME}, {@code LANG} and {@code
 * JAVA_HOME} copied from this JVM when set ({@code PATH} defaults to the Mesos containerizer's
 * {@value #DEFAULT_PATH}), then {@link ProcessSpec#environment()} (which wins), then {@value
 * #MARKER_VARIABLE}{@code =<runMarker>} (which always wins, so {@link RunMarkers} can find it).
 * Standard input is {@code /dev/null}.
 *
 * <p>Thread-safe. {@link #close()} is idempotent, bounded (a few seconds) and safe to call from a
 * shutdown hook: it uses no thread of its own. Every started group is remembered until close, so
 * grandchildren that outlive their group leader are still cleaned up.
 */
public final class ProcessLauncher implements AutoCloseable {
  /** The variable every started process carries. */
  public static final String MARKER_VARIABLE = "MESOS_LOCAL_RUN";
  /** {@code PATH} when this JVM has none: the Mesos containerizer's default. */
  public static final String DEFAULT_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private static final Logger LOG = LogManager.getLogger(ProcessLauncher.class);
  private static final List<String> PASSTHROUGH = List.of("PATH", "HOME", "LANG", "JAVA_HOME");
  private static final Duration GROUP_SETUP_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final String runMarker;
  private final boolean cleanupProcessGroups;
  private final ScheduledExecutorService scheduler;
  private final List<GroupProcess> started = new ArrayList<>();
  private boolean closed;

  /**
   * @param runMarker the value of {@value #MARKER_VARIABLE} for every process (see {@link
   *     RunMarkers#newMarker()})
   * @param cleanupProcessGroups whether {@link #close()} kills whole process groups; {@code false}
   *     is a test switch that kills only the direct children, so executor tests can prove that
   *     executors clean up after themselves
   */
  public ProcessLauncher(String runMarker, boolean cleanupProcessGroups) {
    this.runMarker = Objects.requireNonNull(runMarker, "runMarker");
    if (runMarker.isBlank() || runMarker.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("runMarker must be non-blank text");
    }
    this.cleanupProcessGroups = cleanupProcessGroups;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "process-launcher-" + runMarker);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts {@code spec} in a new process group. On return the group exists, so signals sent to it
   * reach the process.
   *
   * @throws IOException if the working directory is missing, the output files cannot be created or
   *     the process cannot be started
   * @throws IllegalStateException after {@link #close()}
   */
  public ManagedProcess start(ProcessSpec spec) throws IOException {
    Objects.requireNonNull(spec, "spec");
    if (!Files.isDirectory(spec.workingDirectory())) {
      throw new IOException("working directory " + spec.workingDirectory() + " does not exist");
    }
    for (Path out : List.of(spec.stdout(), spec.stderr())) {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    }
    List<String> argv = new ArrayList<>();
    argv.add(Executables.find("setsid"));
    if (spec.shell()) {
      argv.addAll(List.of("/bin/sh", "-c", spec.command().get(0)));
    } else {
      argv.addAll(spec.command());
    }
    ProcessBuilder builder = new ProcessBuilder(argv)
        .directory(spec.workingDirectory().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.stdout().toFile()))
        .redirectError(ProcessBuilder.Redirect.appendTo(spec.stderr().toFile()));
    builder.environment().clear();
    builder.environment().putAll(environment(spec));
    GroupProcess process;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("process launcher " + runMarker + " is closed");
      }
      process = new GroupProcess(builder.start(), scheduler);
      started.add(process);
    }
    awaitGroup(process);
    LOG.info("started process group {} ({} form) in {}: {}", process.pid(),
        spec.shell() ? "shell" : "argv", spec.workingDirectory(), spec.command());
    return process;
  }

  /** The environment {@link #start} gives the process for {@code spec}. */
  public Map<String, String> environment(ProcessSpec spec) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : PASSTHROUGH) {
      String value = System.getenv(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    env.putIfAbsent("PATH", DEFAULT_PATH);
    env.putAll(spec.environment());
    env.put(MARKER_VARIABLE, runMarker);
    return env;
  }

  /** The marker this launcher puts on its processes. */
  public String runMarker() {
    return runMarker;
  }

  // setsid(2) runs in the child after fork; until then the child is in our group and a group
  // signal would miss it.
  private static void awaitGroup(GroupProcess process) throws IOException {
    long deadline = System.nanoTime() + GROUP_SETUP_TIMEOUT.toNanos();
    while (process.isAlive()) {
      boolean leader = ProcStat.read(process.pid())
          .map(s -> s.processGroup() == process.pid())
          .orElse(false);
      if (leader) {
        return;
      }
      if (System.nanoTime() > deadline) {
        process.killChildOnly();
        throw new IOException("process " + process.pid() + " did not become a process group"
            + " leader within " + GROUP_SETUP_TIMEOUT.toMillis() + " ms");
      }
      Thread.onSpinWait();
    }
  }

  /**
   * With group cleanup on: SIGKILL to every started process group that still has a live member;
   * otherwise SIGKILL to the direct children that are still running. Then waits (bounded) for the
   * direct children to be reaped. Idempotent; later {@link #start} calls fail.
   */
  @Override
  public void close() {
    List<GroupProcess> toClean;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClean = List.copyOf(started);
    }
    scheduler.shutdownNow();
    int killed = 0;
    for (GroupProcess process : toClean) {
      if (cleanupProcessGroups) {
        if (ProcessGroups.signal(process.pid(), "KILL")) {
          killed++;
        }
      } else if (process.isAlive()) {
        process.killChildOnly();
        killed++;
      }
    }
    LOG.info("process launcher {} closed: killed {} of {} {} (group cleanup {})", runMarker, killed,
        toClean.size(), cleanupProcessGroups ? "process groups" : "direct children",
        cleanupProcessGroups ? "on" : "off");
    awaitExits(toClean);
  }

  private static void awaitExits(List<GroupProcess> processes) {
    CompletableFuture<?>[] exits =
        processes.stream().map(GroupProcess::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("not every child exited within {} ms of close", CLOSE_WAIT.toMillis(), e);
    }
  }
}

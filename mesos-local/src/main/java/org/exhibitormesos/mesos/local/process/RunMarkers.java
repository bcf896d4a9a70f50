package org.exhibitormesos.mesos.local.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Finds processes by their {@value ProcessLauncher#MARKER_VARIABLE} variable, read from {@code
 * /proc/<pid>/environ} (the environment the process was started with). Processes whose environment
 * cannot be read (other users, already gone, zombies) are skipped; the current JVM is never
 * returned. Stateless and thread-safe.
 */
public final class RunMarkers {
  private static final Logger LOG = LogManager.getLogger(RunMarkers.class);
  private static final String PREFIX = ProcessLauncher.MARKER_VARIABLE + "=";

  private RunMarkers() {}

  /** A marker unique to one mesos-local run. */
  public static String newMarker() {
    return "mesos-local-" + UUID.randomUUID();
  }

  /** Processes started with {@code MESOS_LOCAL_RUN=<marker>}. */
  public static List<ProcessHandle> find(String marker) {
    Objects.requireNonNull(marker, "marker");
    String entry = PREFIX + marker;
    return scan(entry::equals);
  }

  /** Processes carrying any {@code MESOS_LOCAL_RUN} value, e.g. leftovers of earlier runs. */
  public static List<ProcessHandle> findAny() {
    return scan(e -> e.startsWith(PREFIX));
  }

  /**
   * Sends SIGKILL to every process {@link #find} returns.
   *
   * @return how many were signalled
   */
  public static int killAll(String marker) {
    int killed = 0;
    for (ProcessHandle process : find(marker)) {
      if (process.destroyForcibly()) {
        killed++;
      }
    }
    LOG.info("killed {} leftover processes of run {}", killed, marker);
    return killed;
  }

  private static List<ProcessHandle> scan(Predicate<String> matches) {
    long self = ProcessHandle.current().pid();
    List<ProcessHandle> found = new ArrayList<>();
    for (long pid : ProcStat.pids()) {
      if (pid != self && environ(pid).stream().anyMatch(matches)) {
        ProcessHandle.of(pid).ifPresent(found::add);
      }
    }
    return found;
  }

  private static List<String> environ(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
      return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
    } catch (IOException e) { // not ours to read, or gone
      return List.of();
    }
  }

  /** The marker of a running process, if it has one and its environment is readable. */
  public static Optional<String> markerOf(long pid) {
    return environ(pid).stream()
        .filter(e -> e.startsWith(PREFIX))
        .map(e -> e.substring(PREFIX.length()))
        .findFirst();
  }
}

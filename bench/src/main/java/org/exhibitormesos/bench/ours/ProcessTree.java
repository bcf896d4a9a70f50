package org.exhibitormesos.bench.ours;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds the processes "ours" runs among this JVM's descendants (mesos-local runs in this JVM and
 * launches the executors, which launch ZooKeeper), and reads their resident memory from
 * {@code /proc}. Linux only.
 */
final class ProcessTree {
  /** The class the executor starts ZooKeeper with (the executor's parent-watch launcher). */
  static final String ZOOKEEPER_LAUNCHER = "org.exhibitormesos.zklauncher.ParentWatchLauncher";

  private ProcessTree() {
  }

  /**
   * The ZooKeeper process an executor runs in a sandbox under {@code agentWorkDir}: a descendant
   * whose command line names the launcher and whose log directory (its sandbox) lies there.
   */
  static Optional<ProcessHandle> zooKeeperUnder(Path agentWorkDir) {
    String prefix = "-Dzookeeper.log.dir=" + agentWorkDir.toAbsolutePath();
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).filter(p -> {
      List<String> args = arguments(p);
      return args.contains(ZOOKEEPER_LAUNCHER) && args.stream().anyMatch(a -> a.startsWith(prefix));
    }).findFirst();
  }

  /** Resident set size in kB ({@code VmRSS} of {@code /proc/PID/status}), empty if gone. */
  static OptionalLong rssKb(long pid) {
    return statusKb(pid, "VmRSS:");
  }

  /** A kB field of {@code /proc/PID/status}, such as {@code VmHWM:} (peak RSS); empty if gone. */
  static OptionalLong statusKb(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
      return OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The full command line from {@code /proc/PID/cmdline} (ProcessHandle.Info may truncate it). */
  static List<String> arguments(ProcessHandle p) {
    try {
      String raw = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
      return List.of(raw.split("\0"));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}

package org.exhibitormesos.executor.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Linux process inspection for tests: resident memory and finding processes by command line. */
public final class Processes {
  private Processes() {}

  /** {@code VmRSS} of {@code pid} in kB, from {@code /proc/<pid>/status}; empty if gone. */
  public static OptionalLong rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  /**
   * The highest {@code VmRSS} in kB of each of {@code pids} over {@code window}, sampled together
   * every 250 ms so the JVMs settle after start-up; -1 for a process that is gone.
   */
  public static List<Long> peakRssKb(List<Long> pids, Duration window)
      throws InterruptedException {
    long[] peak = new long[pids.size()];
    Arrays.fill(peak, -1);
    long end = System.nanoTime() + window.toNanos();
    do {
      for (int i = 0; i < peak.length; i++) {
        peak[i] = Math.max(peak[i], rssKb(pids.get(i)).orElse(-1));
      }
      Thread.sleep(250);
    } while (System.nanoTime() < end);
    return Arrays.stream(peak).boxed().toList();
  }

  /** Pids of live processes whose command line contains {@code text}. */
  public static List<Long> withCommandLineContaining(String text) {
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path dir : procs.toList()) {
        String name = dir.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String cmd = new String(Files.readAllBytes(dir.resolve("cmdline")),
              StandardCharsets.UTF_8).replace('\0', ' ');
          if (cmd.contains(text) && isAlive(Long.parseLong(name))) {
            pids.add(Long.parseLong(name));
          }
        } catch (IOException e) {
          // gone meanwhile
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return pids;
  }

  /** Alive and not a zombie. */
  public static boolean isAlive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }

  /** SIGKILLs every live process whose command line contains {@code text}. */
  public static void killAll(String text) {
    for (long pid : withCommandLineContaining(text)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}

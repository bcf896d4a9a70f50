package org.exhibitormesos.mesos.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of {@code /proc/<pid>/stat} that process-group handling needs.
 *
 * @param pid the process id
 * @param state one letter, {@code R S D Z T t X ...}; {@code Z} and {@code X} are dead
 * @param parentPid the parent's pid
 * @param processGroup the process group id
 * @param session the session id
 */
record ProcStat(long pid, char state, long parentPid, long processGroup, long session) {
  private static final Path PROC = Path.of("/proc");

  /** Whether the process has exited (a zombie waiting to be reaped counts as dead). */
  boolean isDead() {
    return state == 'Z' || state == 'X' || state == 'x';
  }

  /** Reads one process; empty if it is gone or unreadable. */
  static Optional<ProcStat> read(long pid) {
    try {
      String text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"),
          StandardCharsets.US_ASCII);
      return Optional.of(parse(text));
    } catch (IOException | RuntimeException e) { // vanished, or a line we cannot parse
      return Optional.empty();
    }
  }

  /** Parses a stat line; the command name may contain spaces and parentheses. */
  static ProcStat parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("not a /proc stat line: " + line);
    }
    long pid = Long.parseLong(line.substring(0, open).trim());
    String[] rest = line.substring(close + 1).trim().split(" ");
    return new ProcStat(pid, rest[0].charAt(0), Long.parseLong(rest[1]), Long.parseLong(rest[2]),
        Long.parseLong(rest[3]));
  }

  /** The pids currently listed in {@code /proc}. */
  static List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (!name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
          pids.add(Long.parseLong(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list /proc", e);
    }
    return pids;
  }

  /** Live (non-zombie) members of process group {@code pgid}. */
  static List<ProcStat> liveMembers(long pgid) {
    List<ProcStat> members = new ArrayList<>();
    for (long pid : pids()) {
      read(pid).filter(s -> s.processGroup() == pgid && !s.isDead()).ifPresent(members::add);
    }
    return members;
  }
}

package org.exhibitormesos.mesos.local.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Signals whole process groups with procps {@code kill -<SIG> -- -<pgid>}: the JDK can signal
 * single processes only, and one {@code kill(2)} on the group cannot miss a member that forks
 * meanwhile.
 * Thread-safe and stateless; usable from a shutdown hook (it starts a short-lived {@code kill}
 * process and waits at most {@link #KILL_TIMEOUT_SECONDS}).
 */
final class ProcessGroups {
  private static final Logger LOG = LogManager.getLogger(ProcessGroups.class);
  private static final long KILL_TIMEOUT_SECONDS = 5;

  private ProcessGroups() {}

  /**
   * Sends {@code signal} ({@code TERM}, {@code KILL}) to every process in group {@code pgid}, if
   * any non-zombie member is left.
   *
   * @return whether the signal was delivered to the group
   */
  static boolean signal(long pgid, String signal) {
    if (pgid <= 1) {
      throw new IllegalArgumentException("refusing to signal process group " + pgid);
    }
    if (ProcStat.liveMembers(pgid).isEmpty()) {
      return false;
    }
    List<String> argv = List.of(Executables.find("kill"), "-" + signal, "--", "-" + pgid);
    Path output = null;
    Process kill = null;
    try {
      output = Files.createTempFile("mesos-local-kill", ".out");
      kill = new ProcessBuilder(argv)
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .start();
      if (!kill.waitFor(KILL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("{} did not finish within {}s", argv, KILL_TIMEOUT_SECONDS);
        return false;
      }
      if (kill.exitValue() != 0) {
        // ESRCH: the group died between the check and the kill; nothing left to do.
        LOG.debug("{} exited with {}: {}", argv, kill.exitValue(),
            Files.readString(output, StandardCharsets.UTF_8).trim());
        return false;
      }
      return true;
    } catch (IOException e) {
      LOG.warn("cannot run {}", argv, e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      if (kill != null && kill.isAlive()) {
        kill.destroyForcibly();
      }
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          LOG.debug("cannot delete {}", output, e);
        }
      }
    }
  }

  /** Whether any non-zombie process is in group {@code pgid}. */
  static boolean isAlive(long pgid) {
    return !ProcStat.liveMembers(pgid).isEmpty();
  }
}

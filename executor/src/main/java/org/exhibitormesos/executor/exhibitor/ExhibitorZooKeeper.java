package org.exhibitormesos.executor.exhibitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ZooKeeper process Exhibitor started for this task, found through the pid file
 * {@code zkServer.sh} writes. It is not the executor's child (the script exits after starting it),
 * so it is checked by its command line before anything is done to it, in case the pid was reused.
 */
public final class ExhibitorZooKeeper {
  static final String MAIN = "org.apache.zookeeper.server.quorum.QuorumPeerMain";

  private ExhibitorZooKeeper() {}

  /** The live ZooKeeper the pid file names, if any. */
  public static Optional<ProcessHandle> find(Path pidFile) {
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> isZooKeeper(pid));
  }

  /**
   * SIGTERM, up to {@code grace} to exit, then SIGKILL; waits (bounded) for it to be gone.
   *
   * @return whether it is gone
   */
  public static boolean stop(ProcessHandle zk, Duration grace) throws InterruptedException {
    zk.destroy();
    if (!awaitExit(zk, grace)) {
      zk.destroyForcibly();
      return awaitExit(zk, Duration.ofSeconds(5));
    }
    return true;
  }

  private static boolean awaitExit(ProcessHandle zk, Duration timeout)
      throws InterruptedException {
    try {
      zk.onExit().get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !zk.isAlive();
    }
  }

  private static boolean isZooKeeper(long pid) {
    try {
      String cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid),
          "cmdline")), StandardCharsets.UTF_8);
      return cmdline.contains(MAIN);
    } catch (IOException e) {
      return false;
    }
  }
}

package org.exhibitormesos.bench.floor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code QuorumPeerMain} in a child JVM, output appended to a log file. {@link #kill()} is
 * {@code kill -9}; {@link #close()} kills too, and is idempotent.
 */
final class ZooKeeperProcess implements AutoCloseable {
  private static final String MAIN = "org.apache.zookeeper.server.quorum.QuorumPeerMain";

  private final Process process;

  private ZooKeeperProcess(Process process) {
    this.process = process;
  }

  /**
   * Starts a server.
   *
   * @param java the launch settings shared by every server of the run
   * @param zooCfg the server's configuration
   * @param log where its output goes (appended, so a restart keeps the earlier output)
   */
  static ZooKeeperProcess start(ServerJvm java, Path zooCfg, Path log) {
    List<String> command = new ArrayList<>();
    command.add(java.javaBinary().toString());
    command.addAll(java.options());
    command.add("-cp");
    command.add(java.classPath());
    command.add(MAIN);
    command.add(zooCfg.toString());
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      return new ZooKeeperProcess(process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + MAIN + " for " + zooCfg, e);
    }
  }

  /**
   * SIGKILL (on Linux {@link Process#destroyForcibly()} is {@code kill -9}) and waits for the exit,
   * so the sockets are closed when this returns.
   *
   * @throws InterruptedException if interrupted while waiting for the exit
   */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("process " + process.pid() + " survived SIGKILL for 30 s");
    }
  }

  @Override
  public void close() {
    try {
      kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

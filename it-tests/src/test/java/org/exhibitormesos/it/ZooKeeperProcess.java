package org.exhibitormesos.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A ZooKeeper server ({@code QuorumPeerMain}) in a child JVM whose class path is this test's class
 * path. Output goes to {@link #log()}. {@link #close()} stops it and waits for it to exit.
 */
public final class ZooKeeperProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private ZooKeeperProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts a server on {@code zooCfg}, logging to {@code log}. */
  public static ZooKeeperProcess start(Path zooCfg, Path log) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = List.of(
        java.toString(),
        "-Xmx128m",
        "-XX:+UseSerialGC",
        "-Dit.log.level=INFO",
        "-cp", System.getProperty("java.class.path"),
        "org.apache.zookeeper.server.quorum.QuorumPeerMain",
        zooCfg.toString());
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      return new ZooKeeperProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** What the server has logged so far. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /**
   * Stops the server: SIGTERM, then SIGKILL after 10 s. Idempotent. If interrupted while waiting it
   * kills the server at once and keeps the interrupt flag set.
   */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

package org.exhibitormesos.scheduler.membership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.exhibitormesos.core.ensemble.EnsembleMember;

/**
 * One real ZooKeeper 3.9 server ({@code QuorumPeerMain}) in a child JVM on the test class path, with
 * its files in {@code dir}. Stopped by its pid: {@link #kill()} is SIGKILL; {@link #close()} is
 * idempotent.
 */
final class ZooKeeperNode implements AutoCloseable {
  private final EnsembleMember member;
  private final Path dir;
  private final Process process;

  private ZooKeeperNode(EnsembleMember member, Path dir, Process process) {
    this.member = member;
    this.dir = dir;
    this.process = process;
  }

  /** Starts the server whose {@code zoo.cfg} is in {@code dir}. */
  static ZooKeeperNode start(EnsembleMember member, Path dir) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = List.of(java.toString(), "-Xmx128m", "-XX:+UseSerialGC", "-Dtest.zk.log.level=INFO",
        "-cp", System.getProperty("java.class.path"),
        "org.apache.zookeeper.server.quorum.QuorumPeerMain", dir.resolve("zoo.cfg").toString());
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())).start();
      return new ZooKeeperNode(member, dir, p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  EnsembleMember member() {
    return member;
  }

  int myid() {
    return member.myid();
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  String log() {
    try {
      return Files.readString(dir.resolve("server.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** SIGKILL by pid, and wait until the process is gone. */
  void kill() {
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}

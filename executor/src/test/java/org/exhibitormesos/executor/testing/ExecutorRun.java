package org.exhibitormesos.executor.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real executor jar run as a process, as a Mesos agent would: a sandbox with the ZooKeeper
 * distribution extracted into it (as the fetcher does), the agent's {@code MESOS_*} variables,
 * the sandbox as working directory and {@code stdout}/{@code stderr} files there.
 */
public final class ExecutorRun implements AutoCloseable {
  /** The executor's heap cap in these tests. */
  public static final String EXECUTOR_HEAP = "-Xmx32m";
  /**
   * The executor's JVM options in these tests, as a scheduler should give them: a small heap,
   * serial GC, C1 only, small code cache and thread stacks, unpooled Netty buffers.
   */
  public static final List<String> EXECUTOR_JVM = List.of(EXECUTOR_HEAP, "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-Xss256k", "-XX:ReservedCodeCacheSize=16m",
      "-XX:MaxMetaspaceSize=64m", "-Dio.netty.allocator.type=unpooled");

  private final Path sandbox;
  private final Process process;

  private ExecutorRun(Path sandbox, Process process) {
    this.sandbox = sandbox;
    this.process = process;
  }

  /** The built executor jar (failsafe passes its path). */
  public static Path executorJar() {
    return Path.of(System.getProperty("executor.jar", "target/executor.jar"));
  }

  /** The built ZooKeeper distribution archive. */
  public static Path zookeeperDist() {
    return Path.of(System.getProperty("zookeeper.dist", "target/zookeeper-dist.tar.gz"));
  }

  /** The built Exhibitor bundle archive. */
  public static Path exhibitorBundle() {
    return Path.of(System.getProperty("exhibitor.bundle", "../exhibitor-bundle/target/"
        + "exhibitor-bundle.tar.gz"));
  }

  /** Creates {@code sandbox} and extracts the distribution into it, as the Mesos fetcher does. */
  public static void prepareSandbox(Path sandbox) throws IOException, InterruptedException {
    Files.createDirectories(sandbox);
    extract(zookeeperDist(), sandbox);
  }

  /** {@link #prepareSandbox} plus the Exhibitor bundle, for Exhibitor-mode tasks. */
  public static void prepareExhibitorSandbox(Path sandbox)
      throws IOException, InterruptedException {
    prepareSandbox(sandbox);
    extract(exhibitorBundle(), sandbox);
  }

  private static void extract(Path archive, Path sandbox)
      throws IOException, InterruptedException {
    Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C",
        sandbox.toString()).inheritIO().start();
    if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
      throw new IOException("extracting " + archive + " failed");
    }
  }

  /**
   * Starts the executor.
   *
   * @param checkpoint whether the framework checkpoints (the executor then survives dropped agent
   *     connections)
   */
  public static ExecutorRun start(Path sandbox, String agentEndpoint, String executorId,
      boolean checkpoint, Duration shutdownGrace) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(EXECUTOR_JVM);
    command.add("-jar");
    command.add(executorJar().toAbsolutePath().toString());
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(sandbox.toFile())
        .redirectOutput(sandbox.resolve("stdout").toFile())
        .redirectError(sandbox.resolve("stderr").toFile());
    Map<String, String> env = builder.environment();
    env.put("MESOS_AGENT_ENDPOINT", agentEndpoint);
    env.put("MESOS_FRAMEWORK_ID", "fw-test");
    env.put("MESOS_EXECUTOR_ID", executorId);
    env.put("MESOS_SLAVE_ID", "agent-1");
    env.put("MESOS_DIRECTORY", sandbox.toString());
    env.put("MESOS_SANDBOX", sandbox.toString());
    env.put("MESOS_CHECKPOINT", checkpoint ? "1" : "0");
    if (checkpoint) {
      env.put("MESOS_RECOVERY_TIMEOUT", "15mins");
      env.put("MESOS_SUBSCRIPTION_BACKOFF_MAX", "1secs");
    }
    env.put("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", shutdownGrace.toMillis() + "ms");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return new ExecutorRun(sandbox, builder.start());
  }

  public Process process() {
    return process;
  }

  public Path sandbox() {
    return sandbox;
  }

  /** The executor's log so far. */
  public String stdout() {
    try {
      return Files.readString(sandbox.resolve("stdout"));
    } catch (IOException e) {
      return "(no stdout: " + e + ")";
    }
  }

  /** Kills the executor and every process started from this sandbox (ZooKeeper). */
  @Override
  public void close() {
    process.destroyForcibly();
    Processes.killAll(sandbox.toString());
  }
}

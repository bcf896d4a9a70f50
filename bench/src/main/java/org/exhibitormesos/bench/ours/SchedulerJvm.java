package org.exhibitormesos.bench.ours;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler's runnable jar as an OS process, as Marathon (or the launcher) would run it, its
 * output appended to a log file. {@link #close()} sends SIGTERM, then SIGKILL after 15 s.
 */
final class SchedulerJvm implements AutoCloseable {
  /** The launcher's default ({@code bin/exhibitor-mesos}, {@code EM_JAVA_OPTS} unset). */
  static final List<String> DEFAULT_OPTIONS = List.of("-Xmx128m");

  private final Process process;

  private SchedulerJvm(Process process) {
    this.process = process;
  }

  static SchedulerJvm start(Path jar, List<String> jvmOptions, List<String> args, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new SchedulerJvm(p);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}

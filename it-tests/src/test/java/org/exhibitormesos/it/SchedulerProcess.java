package org.exhibitormesos.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler's runnable jar as an OS process, as Marathon would run it, with its output in a
 * file. Killed (SIGKILL) or stopped (SIGTERM) by the test.
 */
public final class SchedulerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private SchedulerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static SchedulerProcess start(Path jar, Path log, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new SchedulerProcess(p, log);
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL, as a crash. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** How many lines of its output (all lives sharing the log) contain {@code text}. */
  public long count(String text) {
    try {
      return Files.readAllLines(log).stream().filter(l -> l.contains(text)).count();
    } catch (IOException e) {
      return 0;
    }
  }

  /** The lines of its output that contain any of {@code texts}, joined. */
  public String lines(String... texts) {
    try {
      return String.join("\n", Files.readAllLines(log).stream()
          .filter(l -> java.util.Arrays.stream(texts).anyMatch(l::contains)).toList());
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** The last lines of its output, for a failing test. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, then SIGKILL if it does not stop within 15 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      kill();
    }
  }
}

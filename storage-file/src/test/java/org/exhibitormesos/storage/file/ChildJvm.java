package org.exhibitormesos.storage.file;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started from this test's classpath running a {@code main} from the test sources, with a
 * small heap and fast start-up. Its stdout and stderr are read line by line on a daemon thread.
 * {@link #close()} kills it with SIGKILL (on Linux, {@link Process#destroyForcibly()}) and waits for
 * it, so no test leaves an orphan.
 */
final class ChildJvm implements AutoCloseable {

  private static final String EOF = "\u0000EOF";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private ChildJvm(Process process) {
    this.process = process;
    Thread reader = new Thread(this::pump, "child-jvm-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  static ChildJvm start(Class<?> main, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    try {
      return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start child JVM " + command, e);
    }
  }

  /**
   * Waits for the next output line starting with {@code prefix}.
   *
   * @return the line
   * @throws AssertionError if the child ends or the timeout passes first, with its output so far
   */
  String awaitLine(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null || line.equals(EOF)) {
        throw new AssertionError("child " + process.pid() + " printed no line starting with '"
            + prefix + "' " + (line == null ? "within " + timeout : "before it ended")
            + "; output: " + output());
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** @return the exit code, waiting up to {@code timeout}; empty if it still runs */
  Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? Optional.of(process.exitValue()) : Optional.empty();
  }

  /** Sends SIGKILL and waits until the process is gone, so its locks are released. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("child " + process.pid() + " did not die within 30 s of SIGKILL");
    }
  }

  synchronized String output() {
    return String.join("\n", seen);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  private void pump() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (this) {
          seen.add(line);
        }
        lines.add(line);
      }
    } catch (IOException e) {
      // The pipe breaks when the child is killed; that is the end of its output.
    } finally {
      lines.add(EOF);
    }
  }
}

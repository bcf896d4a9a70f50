package org.exhibitormesos.executor.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A started child process whose output goes to size-bounded files.
 *
 * <p>Parent-death: the child's standard input is a pipe whose write end only this process holds
 * and never writes or closes while the child runs. When this JVM ends, even by SIGKILL, the
 * kernel closes it and the child reads end-of-file; the child must act on that (ZooKeeper runs
 * under {@link org.exhibitormesos.zklauncher.ParentWatchLauncher}, which halts its JVM). Java's
 * {@link ProcessBuilder} closes every other inherited descriptor in the child, so no other process
 * keeps the pipe open.
 *
 * <p>Thread safe. {@link #close()} stops the child at once (SIGKILL) if it still runs.
 */
public final class ChildProcess implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(ChildProcess.class);
  private static final int TAIL_LINES = 30;
  private static final int TAIL_LINE_CHARS = 400;

  private final String name;
  private final Process process;
  // Held, never written: closing it (or this JVM ending) tells the child to halt.
  private final OutputStream parentWatch;
  private final TailBuffer stderrTail = new TailBuffer(TAIL_LINES, TAIL_LINE_CHARS);
  private final Thread stdoutPump;
  private final Thread stderrPump;

  private ChildProcess(ProcessSpec spec, Process process) throws IOException {
    this.name = spec.name();
    this.process = process;
    this.parentWatch = process.getOutputStream();
    BoundedLogFile out = new BoundedLogFile(spec.stdoutFile(), spec.maxLogBytes());
    BoundedLogFile err = new BoundedLogFile(spec.stderrFile(), spec.maxLogBytes());
    this.stdoutPump = pump(process.getInputStream(), out, null, spec.name() + "-stdout");
    this.stderrPump = pump(process.getErrorStream(), err, stderrTail, spec.name() + "-stderr");
  }

  /**
   * Starts the child.
   *
   * @throws IOException if it cannot be started or its output files cannot be opened (the child
   *     is killed then)
   */
  public static ChildProcess start(ProcessSpec spec) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(spec.command())
        .directory(spec.workingDirectory().toFile())
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .redirectOutput(ProcessBuilder.Redirect.PIPE)
        .redirectError(ProcessBuilder.Redirect.PIPE);
    builder.environment().putAll(spec.environment());
    Process process = builder.start();
    try {
      return new ChildProcess(spec, process);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Completes with the exit status once the child has ended (128 + signal when killed). */
  public CompletableFuture<Integer> exit() {
    return process.onExit().thenApply(Process::exitValue);
  }

  /**
   * The last lines of the child's standard error, once it has ended and its output is drained
   * (waits up to 2 s for that); while it runs, whatever was read so far.
   */
  public String stderrTail() {
    if (!process.isAlive()) {
      try {
        stderrPump.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return stderrTail.text();
  }

  /**
   * Stops the child: SIGTERM, up to {@code grace} for it to exit, then SIGKILL. Blocks until it
   * has ended.
   *
   * @return its exit status
   * @throws InterruptedException if interrupted while waiting (the child is killed first)
   */
  public int stop(Duration grace) throws InterruptedException {
    if (process.isAlive()) {
      LOG.info("{} (pid {}): SIGTERM, grace period {} ms", name, pid(), grace.toMillis());
      // Signals go through the ProcessHandle: Process.destroy() also closes the child's pipes,
      // which would end the parent watch (the child halts at once, no grace) and lose its output.
      process.toHandle().destroy();
      try {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.info("{} (pid {}) still running after the grace period: SIGKILL", name, pid());
          process.toHandle().destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.toHandle().destroyForcibly();
        throw e;
      }
    }
    return process.waitFor();
  }

  /** Kills the child at once (SIGKILL) if it runs, and waits for it. Idempotent. */
  @Override
  public void close() {
    process.toHandle().destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      parentWatch.close();
    } catch (IOException e) {
      LOG.debug("closing {}'s stdin", name, e);
    }
  }

  private static Thread pump(InputStream in, BoundedLogFile file, TailBuffer tail, String name) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (in; file) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          file.write(buffer, 0, n);
          if (tail != null) {
            tail.append(buffer, 0, n);
          }
        }
      } catch (IOException e) {
        LOG.warn("copying {} stopped", name, e);
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}

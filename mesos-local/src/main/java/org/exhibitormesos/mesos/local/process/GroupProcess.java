package org.exhibitormesos.mesos.local.process;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** A {@link ManagedProcess} that leads its own process group (see the package documentation). */
final class GroupProcess implements ManagedProcess {
  private static final Logger LOG = LogManager.getLogger(GroupProcess.class);

  private final Process process;
  private final ScheduledExecutorService scheduler;
  private final CompletableFuture<Integer> exit;

  GroupProcess(Process process, ScheduledExecutorService scheduler) {
    this.process = Objects.requireNonNull(process, "process");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    // Process.exitValue() is already 128 + signal for a signalled child on Linux.
    this.exit = process.onExit().thenApply(Process::exitValue);
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public CompletableFuture<Integer> exit() {
    return exit.thenApply(code -> code);
  }

  @Override
  public void terminate(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    LOG.info("terminating process group {}: SIGTERM now, SIGKILL after {} ms", pid(),
        grace.toMillis());
    ProcessGroups.signal(pid(), "TERM");
    try {
      scheduler.schedule(this::killAfterGrace, grace.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) { // launcher closed: no thread left to wait on
      killAfterGrace();
    }
  }

  private void killAfterGrace() {
    if (ProcessGroups.isAlive(pid())) {
      LOG.info("process group {} outlived its grace period: SIGKILL", pid());
      ProcessGroups.signal(pid(), "KILL");
    }
  }

  @Override
  public void kill() {
    LOG.info("killing process group {}", pid());
    ProcessGroups.signal(pid(), "KILL");
  }

  /** SIGKILL to the direct child only, leaving the rest of its group alone. */
  void killChildOnly() {
    process.destroyForcibly();
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public boolean isGroupAlive() {
    return ProcessGroups.isAlive(pid());
  }

  /** The JDK's view of the direct child's exit, for bounded waits. */
  CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  @Override
  public String toString() {
    return "process group " + pid();
  }
}

package org.exhibitormesos.mesos.local.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A process started by {@link ProcessLauncher}, leader of its own process group. Thread-safe.
 * Signals go to the whole group; a group whose members are all gone is not signalled (so a recycled
 * pid is never hit).
 */
public interface ManagedProcess {
  /** The direct child's pid, which is also its process group id and session id. */
  long pid();

  /**
   * Completes when the direct child exits, with its exit code, or {@code 128 + signal} when a
   * signal ended it. Other members of the group may still be running then (see {@link
   * #isGroupAlive()}). Completing the returned future yourself has no effect on the process.
   */
  CompletableFuture<Integer> exit();

  /**
   * Sends SIGTERM to the process group now and, unless the group is gone by then, SIGKILL to the
   * group after {@code grace}. Does not block; the SIGKILL is scheduled on the launcher's thread
   * (sent at once if the launcher is already closed).
   */
  void terminate(Duration grace);

  /** Sends SIGKILL to the process group now. */
  void kill();

  /** Whether the direct child is still running. */
  boolean isAlive();

  /** Whether any non-zombie process is still in the group (the direct child or a descendant). */
  boolean isGroupAlive();
}

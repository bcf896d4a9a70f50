package org.exhibitormesos.mesos.local.agent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A started executor container. Thread safe. */
public interface RunningExecutor {
  /** Process id, or -1 when not an OS process. */
  long pid();

  /**
   * Completes with the POSIX wait status (exit code in bits 8-15, or the signal number) when the
   * executor has exited; never fails.
   */
  CompletableFuture<Integer> exit();

  /** SIGTERM, then SIGKILL after {@code grace}. */
  void terminate(Duration grace);

  /** SIGKILL now (the process group too unless cleanup is switched off). */
  void kill();

  boolean isAlive();
}

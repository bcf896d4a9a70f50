package org.exhibitormesos.scheduler.loop;

import java.time.Duration;

/**
 * The state loop's one thread: tasks run one at a time, in submission order; timers run on the same
 * thread. Injected so tests can run the loop by hand with a fake clock.
 */
public interface LoopTasks {
  /** A scheduled task that may be cancelled. */
  interface Timer {
    void cancel();
  }

  /** Runs {@code task} on the loop; dropped after {@link #shutdown()}. */
  void execute(Runnable task);

  /** Runs {@code task} on the loop after {@code delay}. */
  Timer schedule(Duration delay, Runnable task);

  /** Stops running tasks; idempotent. */
  void shutdown();
}

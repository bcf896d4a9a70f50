package org.exhibitormesos.scheduler.runtime;

import java.util.Optional;

/**
 * A started scheduler as {@code SchedulerMain} holds it: a single {@link SchedulerRuntime}, or the
 * leadership gate of a highly available one. It runs until it stops by itself (with a fatal reason)
 * or is closed.
 */
public interface RunningScheduler extends AutoCloseable {

  /** Blocks until it stops; the reason when it stopped on a fatal error, empty after {@link #close()}. */
  Optional<String> awaitStop() throws InterruptedException;

  /** Stops everything it started; idempotent. */
  @Override
  void close();
}

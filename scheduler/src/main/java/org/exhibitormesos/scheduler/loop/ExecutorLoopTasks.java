package org.exhibitormesos.scheduler.loop;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** {@link LoopTasks} on one daemon thread named {@code state-loop}. */
public final class ExecutorLoopTasks implements LoopTasks {
  private static final Logger LOG = LogManager.getLogger(ExecutorLoopTasks.class);

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "state-loop");
    t.setDaemon(true);
    return t;
  });

  @Override
  public void execute(Runnable task) {
    try {
      executor.execute(guarded(task));
    } catch (RejectedExecutionException e) {
      LOG.debug("state loop stopped; dropping a task");
    }
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    try {
      var future = executor.schedule(guarded(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
      return () -> future.cancel(false);
    } catch (RejectedExecutionException e) {
      return () -> { };
    }
  }

  @Override
  public void shutdown() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        // One bad message must not stop the loop; the handler logged what it could.
        LOG.error("state loop task failed", e);
      }
    };
  }
}

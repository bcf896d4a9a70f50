package org.exhibitormesos.executor;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.exhibitormesos.mesos.http.executor.ExecutorEnvironment;
import org.exhibitormesos.mesos.http.executor.MesosExecutorClient;
import org.exhibitormesos.mesos.http.executor.PendingUpdate;

/**
 * The executor process: reads the agent's {@code MESOS_*} environment, subscribes, runs the task
 * it is given and exits when {@link ZooKeeperExecutor} says so. Exit status 2 for a bad
 * environment.
 */
public final class ExecutorMain {
  private static final Logger LOG = LogManager.getLogger(ExecutorMain.class);

  private ExecutorMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> variables = System.getenv();
    ExecutorEnvironment env;
    try {
      env = ExecutorEnvironment.fromEnv(variables);
    } catch (IllegalArgumentException e) {
      System.err.println("exhibitor-mesos executor: " + e.getMessage());
      System.exit(2);
      return;
    }
    LOG.info("executor {} of framework {} starting, pid {}, sandbox {}", env.executorId(),
        env.frameworkId(), ProcessHandle.current().pid(), env.sandbox());
    Clock clock = Clock.systemUTC();
    ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor(
        r -> new Thread(r, "mesos-events"));
    ScheduledExecutorService taskThread = Executors.newSingleThreadScheduledExecutor(
        r -> new Thread(r, "zookeeper-task"));
    CompletableFuture<Integer> exitStatus = new CompletableFuture<>();
    AtomicReference<MesosExecutorClient> client = new AtomicReference<>();
    StatusUpdates updates = new StatusUpdates() {
      @Override
      public PendingUpdate update(TaskStatus status) {
        return client.get().update(status);
      }

      @Override
      public boolean awaitAllAcknowledged(Duration timeout) throws InterruptedException {
        return client.get().awaitAllAcknowledged(timeout);
      }
    };
    ZooKeeperExecutor executor = new ZooKeeperExecutor(env, variables, updates, taskThread,
        clock, exitStatus::complete);
    client.set(new MesosExecutorClient(env, executor, MesosExecutorClient.defaultBackoff(env),
        events, clock));
    client.get().start();
    int status = exitStatus.join();
    client.get().close();
    events.shutdownNow();
    taskThread.shutdownNow();
    taskThread.awaitTermination(2, TimeUnit.SECONDS);
    LOG.info("executor {} exits with status {}", env.executorId(), status);
    LogManager.shutdown();
    System.exit(status);
  }
}

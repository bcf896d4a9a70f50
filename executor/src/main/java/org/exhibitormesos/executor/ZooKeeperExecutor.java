package org.exhibitormesos.executor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Event;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.launch.LaunchSpecCodec;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.mesos.http.executor.ExecutorEnvironment;
import org.exhibitormesos.mesos.http.executor.ExecutorListener;

/**
 * The executor's decisions: one server task per executor process. LAUNCH starts it, KILL and
 * SHUTDOWN stop it; once its terminal update is sent the executor waits (bounded) for the agent's
 * acknowledgement and exits. A dropped agent connection changes nothing for ZooKeeper (the client
 * resubscribes); giving up on the agent stops ZooKeeper and exits, so nothing is left behind.
 *
 * <p>Threading: listener callbacks arrive on the client's event thread and are handed to the task
 * thread, where all task work happens.
 */
public final class ZooKeeperExecutor implements ExecutorListener {
  private static final Logger LOG = LogManager.getLogger(ZooKeeperExecutor.class);
  /** Bound of the wait for the terminal update's acknowledgement before exiting. */
  static final Duration ACK_WAIT = Duration.ofSeconds(10);
  private static final Duration SHUTDOWN_MARGIN = Duration.ofSeconds(1);

  private final ExecutorEnvironment env;
  private final Map<String, String> variables;
  private final StatusUpdates updates;
  private final ScheduledExecutorService taskThread;
  private final Clock clock;
  private final IntConsumer exit;

  // Confined to taskThread.
  private SupervisedTask task;
  private boolean exiting;

  /**
   * @param variables the process environment ({@code JAVA_HOME} is read from it)
   * @param exit called once, on the task thread, with the status the executor should exit with
   */
  public ZooKeeperExecutor(ExecutorEnvironment env, Map<String, String> variables,
      StatusUpdates updates, ScheduledExecutorService taskThread, Clock clock, IntConsumer exit) {
    this.env = env;
    this.variables = Map.copyOf(variables);
    this.updates = updates;
    this.taskThread = taskThread;
    this.clock = clock;
    this.exit = exit;
  }

  @Override
  public void onSubscribed(Event.Subscribed subscribed) {
    LOG.info("executor {}: subscribed to agent {}", env.executorId(),
        subscribed.getAgentInfo().getHostname());
  }

  @Override
  public void onEvent(Event event) {
    switch (event.getType()) {
      case LAUNCH -> onTaskThread(() -> launch(event.getLaunch().getTask()));
      case LAUNCH_GROUP -> event.getLaunchGroup().getTaskGroup().getTasksList()
          .forEach(t -> onTaskThread(() -> launch(t)));
      case KILL -> onTaskThread(() -> kill(event.getKill()));
      case SHUTDOWN -> onTaskThread(this::shutdown);
      case ERROR -> LOG.warn("executor {}: agent error: {}", env.executorId(),
          event.getError().getMessage());
      case MESSAGE -> LOG.info("executor {}: message from the scheduler ({} bytes), ignored",
          env.executorId(), event.getMessage().getData().size());
      default -> LOG.debug("executor {}: event {}", env.executorId(), event.getType());
    }
  }

  @Override
  public void onDisconnected(String reason) {
    LOG.info("executor {}: agent connection lost ({}); ZooKeeper keeps running while the client"
        + " resubscribes", env.executorId(), reason);
  }

  @Override
  public void onGaveUp(String reason) {
    onTaskThread(() -> {
      LOG.info("executor {}: gave up on the agent ({}); stopping ZooKeeper and exiting",
          env.executorId(), reason);
      if (task != null) {
        task.abandon();
      }
      finish(1, false);
    });
  }

  private void launch(TaskInfo info) {
    String id = info.getTaskId().getValue();
    if (task != null) {
      LOG.info("task {} executor {}: refused, this executor already runs task {}", id,
          env.executorId(), task.id());
      updates.update(failed(info.getTaskId(), "executor " + env.executorId()
          + " already runs task " + task.id() + "; one server per executor"));
      return;
    }
    LaunchSpec spec;
    try {
      spec = LaunchSpecCodec.decode(info.getData().toByteArray());
    } catch (InvalidInputException e) {
      LOG.info("task {} executor {}: invalid task data: {}", id, env.executorId(),
          e.getMessage());
      updates.update(failed(info.getTaskId(), "invalid task data: " + e.getMessage()));
      finish(0, true);
      return;
    }
    LOG.info("task {} executor {}: launching server {} (myid {}) on {} in {} mode, {} config, {}",
        id, env.executorId(), spec.serverId(), spec.myid(), spec.host(), spec.mode().text(),
        spec.configSource().text(), spec.volume().map(v -> "volume " + v).orElse("no volume"));
    task = spec.mode() == ServerMode.EXHIBITOR
        ? new ExhibitorTask(info, env.executorId(), updates, taskThread, clock,
            env.shutdownGracePeriod(), state -> finish(0, true))
        : new ServerTask(info, env.executorId(), updates, taskThread, clock,
            env.shutdownGracePeriod(), state -> finish(0, true));
    task.start(spec, env.sandbox(), variables);
  }

  private void kill(Event.Kill kill) throws InterruptedException {
    String id = kill.getTaskId().getValue();
    if (task == null || !task.id().equals(id)) {
      LOG.info("task {} executor {}: KILL of a task this executor does not run: TASK_KILLED", id,
          env.executorId());
      updates.update(TaskStatus.newBuilder().setTaskId(kill.getTaskId())
          .setState(TaskState.TASK_KILLED).setMessage("not running on this executor").build());
      return;
    }
    Optional<Duration> grace = kill.hasKillPolicy() && kill.getKillPolicy().hasGracePeriod()
        ? Optional.of(duration(kill.getKillPolicy().getGracePeriod()))
        : Optional.empty();
    task.kill(grace, "KILL from the scheduler");
  }

  private void shutdown() throws InterruptedException {
    // The agent kills the executor when its grace period ends: leave time to report.
    Duration grace = env.shutdownGracePeriod().minus(SHUTDOWN_MARGIN);
    if (grace.compareTo(env.shutdownGracePeriod().dividedBy(2)) < 0) {
      grace = env.shutdownGracePeriod().dividedBy(2);
    }
    LOG.info("executor {}: SHUTDOWN", env.executorId());
    if (task != null && !task.isDone()) {
      task.kill(Optional.of(grace), "executor shutdown");
    } else {
      finish(0, true);
    }
  }

  /** Exits once, after waiting (bounded) for the terminal update's acknowledgement. */
  private void finish(int status, boolean waitForAck) {
    if (exiting) {
      return;
    }
    exiting = true;
    if (waitForAck) {
      try {
        boolean acked = updates.awaitAllAcknowledged(ACK_WAIT);
        LOG.info("executor {}: {}; exiting", env.executorId(), acked
            ? "terminal update acknowledged" : "no acknowledgement within " + ACK_WAIT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    exit.accept(status);
  }

  private static TaskStatus failed(TaskID id, String message) {
    return TaskStatus.newBuilder().setTaskId(id).setState(TaskState.TASK_FAILED)
        .setReason(TaskStatus.Reason.REASON_TASK_INVALID).setMessage(message).build();
  }

  private static Duration duration(DurationInfo info) {
    return Duration.ofNanos(Math.max(0, info.getNanoseconds()));
  }

  /** A unit of task work that may be interrupted. */
  private interface TaskWork {
    void run() throws InterruptedException;
  }

  private void onTaskThread(TaskWork work) {
    try {
      taskThread.execute(() -> {
        try {
          work.run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          LOG.error("executor {}: unexpected failure; stopping", env.executorId(), e);
          try {
            if (task != null) {
              task.abandon();
            }
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
          }
          finish(1, false);
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.debug("task thread stopped; dropping work", e);
    }
  }
}

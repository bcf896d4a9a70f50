package org.exhibitormesos.mesos.local.master;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus.Reason;
import org.apache.mesos.v1.executor.Protos.Event;
import org.apache.mesos.v1.scheduler.Protos;
import org.exhibitormesos.mesos.local.agent.ExecutorLaunch;
import org.exhibitormesos.mesos.local.agent.LaunchFailedException;
import org.exhibitormesos.mesos.local.agent.RunningExecutor;
import org.exhibitormesos.mesos.local.resources.ResourceFormats;
import org.exhibitormesos.mesos.local.resources.Resources;

/**
 * The agents' side of executors: starting containers (off the state thread), queueing and
 * delivering tasks, KILL and SHUTDOWN, and what happens when an executor exits.
 */
final class Containers implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(Containers.class);
  private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(15);
  private static final Duration SUBSCRIPTION_BACKOFF_MAX = Duration.ofSeconds(2);

  private final MasterState state;
  private final StatusUpdates updates;
  private final Allocator allocator;
  private final ExecutorService launcher = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "mesos-local-launcher");
    t.setDaemon(true);
    return t;
  });

  Containers(MasterState state, StatusUpdates updates, Allocator allocator) {
    this.state = state;
    this.updates = updates;
    this.allocator = allocator;
  }

  /** Adds a validated task; starts its executor first if it is not running on the agent. */
  void launch(Framework fw, Agent agent, TaskInfo info, ExecutorInfo executorInfo,
      Resources taskResources, Resources executorResources, String role) {
    Executor executor = agent.executor(fw.idValue(), executorInfo.getExecutorId().getValue());
    boolean fresh = executor == null;
    if (fresh) {
      executor = new Executor(agent, fw, executorInfo, UUID.randomUUID().toString(),
          executorResources);
      agent.executors.put(Agent.executorKey(fw.idValue(), executor.idValue()), executor);
    }
    Task task = new Task(info, fw, agent, executor, taskResources, role);
    fw.tasks.put(task.idValue(), task);
    executor.tasks.put(task.idValue(), task);
    LOG.info("task {} of framework {} staged on agent {} for executor {}", task.idValue(),
        fw.idValue(), agent.idValue(), executor.idValue());
    if (fresh) {
      start(executor);
    } else {
      mountVolumes(executor, taskResources);
      if (executor.subscribed()) {
        deliver(task);
      }
    }
  }

  private void start(Executor executor) {
    Agent agent = executor.agent;
    ExecutorLaunch launch = new ExecutorLaunch(agent.idValue(), agent.workDir, agent.endpoint,
        executor.framework.info, executor.info, executor.containerId,
        shutdownGrace(executor), RECOVERY_TIMEOUT, SUBSCRIPTION_BACKOFF_MAX);
    try {
      executor.sandbox = state.runtime.createSandbox(launch);
      mountVolumes(executor, executor.resources);
      for (Task t : executor.tasks.values()) {
        mountVolumes(executor, t.resources);
      }
    } catch (IOException e) {
      launchFailed(executor, "cannot create sandbox: " + e.getMessage());
      return;
    }
    Path sandbox = executor.sandbox;
    LOG.info("starting executor {} of framework {} on agent {} in {}", executor.idValue(),
        executor.framework.idValue(), agent.idValue(), sandbox);
    long timeout = state.config.executorRegistrationTimeout().toMillis();
    executor.registrationTimer = state.loop.schedule(() -> registrationTimeout(executor), timeout,
        TimeUnit.MILLISECONDS);
    launcher.execute(() -> {
      try {
        RunningExecutor process = state.runtime.start(launch, sandbox);
        state.post(() -> started(executor, process));
      } catch (LaunchFailedException e) {
        state.post(() -> launchFailed(executor, e.getMessage()));
      } catch (RuntimeException e) {
        LOG.warn("executor {} could not be started", executor.idValue(), e);
        state.post(() -> launchFailed(executor, String.valueOf(e.getMessage())));
      }
    });
  }

  private void started(Executor executor, RunningExecutor process) {
    executor.process = process;
    if (executor.phase == Executor.Phase.TERMINATING || executor.phase == Executor.Phase.TERMINATED) {
      process.kill();
    } else {
      executor.phase = Executor.Phase.STARTED;
    }
    LOG.info("executor {} of framework {} on agent {} started (pid {})", executor.idValue(),
        executor.framework.idValue(), executor.agent.idValue(), process.pid());
    process.exit().whenComplete((status, error) ->
        state.post(() -> exited(executor, status == null ? -1 : status)));
  }

  private void launchFailed(Executor executor, String message) {
    LOG.info("executor {} of framework {} on agent {} failed to launch: {}", executor.idValue(),
        executor.framework.idValue(), executor.agent.idValue(), message);
    terminated(executor, TaskState.TASK_FAILED, Reason.REASON_CONTAINER_LAUNCH_FAILED,
        "Failed to launch container: " + message, null);
  }

  private void registrationTimeout(Executor executor) {
    if (executor.phase == Executor.Phase.LAUNCHING || executor.phase == Executor.Phase.STARTED) {
      LOG.info("executor {} on agent {} did not subscribe in {}; destroying it", executor.idValue(),
          executor.agent.idValue(), state.config.executorRegistrationTimeout());
      executor.phase = Executor.Phase.TERMINATING;
      if (executor.process != null) {
        executor.process.kill();
      }
      terminated(executor, TaskState.TASK_FAILED, Reason.REASON_EXECUTOR_REGISTRATION_TIMEOUT,
          "Executor did not register within " + state.config.executorRegistrationTimeout(), null);
    }
  }

  /** The executor process ended (or was killed). */
  void exited(Executor executor, int waitStatus) {
    if (executor.phase == Executor.Phase.TERMINATED) {
      return;
    }
    LOG.info("executor {} of framework {} on agent {} exited with wait status {}",
        executor.idValue(), executor.framework.idValue(), executor.agent.idValue(), waitStatus);
    terminated(executor, TaskState.TASK_FAILED, Reason.REASON_EXECUTOR_TERMINATED,
        "Executor terminated", waitStatus);
  }

  private void terminated(Executor executor, TaskState state, Reason reason, String message,
      Integer waitStatus) {
    executor.phase = Executor.Phase.TERMINATED;
    cancelTimers(executor);
    if (executor.stream != null) {
      executor.stream.close();
      executor.stream = null;
    }
    executor.agent.executors.remove(Agent.executorKey(executor.framework.idValue(),
        executor.idValue()));
    if (!executor.frameworkRemoved && executor.agent.active) {
      for (Task t : List.copyOf(executor.tasks.values())) {
        if (!Tasks.isTerminal(t.state)) {
          updates.receive(t, Statuses.agent(t, state, reason, message,
              Statuses.seconds(this.state.clock)));
        }
      }
      Protos.Event.Failure.Builder failure = Protos.Event.Failure.newBuilder()
          .setAgentId(executor.agent.id).setExecutorId(executor.info.getExecutorId());
      if (waitStatus != null && waitStatus >= 0) {
        failure.setStatus(waitStatus);
      }
      executor.framework.send(Protos.Event.newBuilder().setType(Protos.Event.Type.FAILURE)
          .setFailure(failure).build());
    }
    allocator.allocateSoon();
  }

  /** Sends LAUNCH for a queued task to its subscribed executor. */
  void deliver(Task task) {
    task.delivered = true;
    task.executor.send(Event.newBuilder().setType(Event.Type.LAUNCH)
        .setLaunch(Event.Launch.newBuilder().setTask(task.info)).build());
    LOG.info("task {} delivered to executor {} on agent {}", task.idValue(),
        task.executor.idValue(), task.agent.idValue());
  }

  /** KILL of a known task. */
  void kill(Task task) {
    Executor executor = task.executor;
    if (Tasks.isTerminal(task.state)) {
      return;
    }
    if (!task.delivered) {
      LOG.info("task {} killed before it reached executor {}", task.idValue(), executor.idValue());
      updates.receive(task, Statuses.agent(task, TaskState.TASK_KILLED,
          Reason.REASON_TASK_KILLED_DURING_LAUNCH, "Killed before delivery to the executor",
          Statuses.seconds(state.clock)));
      boolean anyQueued = executor.tasks.values().stream()
          .anyMatch(t -> !Tasks.isTerminal(t.state));
      if (!anyQueued && executor.phase != Executor.Phase.SUBSCRIBED) {
        shutdown(executor);
      }
      return;
    }
    LOG.info("sending KILL of task {} to executor {} on agent {}", task.idValue(),
        executor.idValue(), task.agent.idValue());
    org.apache.mesos.v1.executor.Protos.Event.Kill.Builder kill =
        org.apache.mesos.v1.executor.Protos.Event.Kill.newBuilder().setTaskId(task.info.getTaskId());
    if (task.info.hasKillPolicy()) {
      kill.setKillPolicy(task.info.getKillPolicy());
    }
    executor.send(Event.newBuilder().setType(Event.Type.KILL).setKill(kill).build());
  }

  /** SHUTDOWN event, then SIGKILL after the grace period; unsubscribed executors are killed now. */
  void shutdown(Executor executor) {
    if (executor.phase == Executor.Phase.TERMINATED) {
      return;
    }
    boolean subscribed = executor.subscribed();
    executor.phase = Executor.Phase.TERMINATING;
    if (subscribed) {
      Duration grace = shutdownGrace(executor);
      LOG.info("shutting down executor {} of framework {} on agent {} (grace {})",
          executor.idValue(), executor.framework.idValue(), executor.agent.idValue(), grace);
      executor.send(Event.newBuilder().setType(Event.Type.SHUTDOWN).build());
      executor.killTimer = state.loop.schedule(() -> {
        if (executor.process != null && executor.phase != Executor.Phase.TERMINATED) {
          LOG.info("executor {} still alive after {}; killing it", executor.idValue(), grace);
          executor.process.kill();
        }
      }, grace.toMillis(), TimeUnit.MILLISECONDS);
    } else if (executor.process != null) {
      LOG.info("killing unsubscribed executor {} on agent {}", executor.idValue(),
          executor.agent.idValue());
      executor.process.kill();
    }
  }

  /**
   * The executor's connection broke and its framework does not checkpoint: like
   * {@code _shutdownExecutor}, the agent gives it the grace period to exit, then kills it.
   */
  void shutdownDisconnected(Executor executor) {
    if (executor.phase == Executor.Phase.TERMINATED) {
      return;
    }
    executor.phase = Executor.Phase.TERMINATING;
    Duration grace = shutdownGrace(executor);
    LOG.info("executor {} of framework {} disconnected without checkpointing; killing it unless it"
        + " exits within {}", executor.idValue(), executor.framework.idValue(), grace);
    executor.killTimer = state.loop.schedule(() -> {
      if (executor.process != null && executor.phase != Executor.Phase.TERMINATED) {
        executor.process.kill();
      }
    }, grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Kills every executor of {@code agent} at once (agent removal). */
  void killAll(Agent agent) {
    for (Executor e : List.copyOf(agent.executors.values())) {
      e.phase = Executor.Phase.TERMINATED;
      cancelTimers(e);
      if (e.stream != null) {
        e.stream.close();
        e.stream = null;
      }
      if (e.process != null) {
        e.process.kill();
      } else {
        e.phase = Executor.Phase.TERMINATING; // started() will kill it
      }
    }
    agent.executors.clear();
  }

  Duration shutdownGrace(Executor executor) {
    if (executor.info.hasShutdownGracePeriod()) {
      return Duration.ofNanos(executor.info.getShutdownGracePeriod().getNanoseconds());
    }
    return state.config.executorShutdownGrace();
  }

  private void mountVolumes(Executor executor, Resources resources) {
    if (executor.sandbox == null) {
      return;
    }
    for (Resource r : resources.toList()) {
      if (ResourceFormats.isPersistentVolume(r)) {
        String role = ResourceFormats.reservationRole(r);
        String id = r.getDisk().getPersistence().getId();
        try {
          executor.agent.volumes.mount(executor.agent.volumes.path(role, id), executor.sandbox,
              r.getDisk().getVolume().getContainerPath());
          LOG.info("volume {} of role {} mounted at {}/{}", id, role, executor.sandbox,
              r.getDisk().getVolume().getContainerPath());
        } catch (IOException e) {
          LOG.warn("cannot mount volume {} into {}", id, executor.sandbox, e);
        }
      }
    }
  }

  private static void cancelTimers(Executor e) {
    if (e.registrationTimer != null) {
      e.registrationTimer.cancel(false);
    }
    if (e.killTimer != null) {
      e.killTimer.cancel(false);
    }
  }

  @Override
  public void close() {
    launcher.shutdownNow();
  }
}

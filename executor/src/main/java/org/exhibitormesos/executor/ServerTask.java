package org.exhibitormesos.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.launch.TaskReport;
import org.exhibitormesos.core.launch.ZooKeeperMode;
import org.exhibitormesos.executor.process.ChildProcess;
import org.exhibitormesos.executor.zookeeper.DataOnDisk;
import org.exhibitormesos.executor.zookeeper.FourLetterWordProbe;
import org.exhibitormesos.executor.zookeeper.Installation;
import org.exhibitormesos.executor.zookeeper.LaunchException;
import org.exhibitormesos.executor.zookeeper.SrvrStatus;
import org.exhibitormesos.executor.zookeeper.ZooKeeperCommand;
import org.exhibitormesos.executor.zookeeper.ZooKeeperFiles;
import org.exhibitormesos.executor.zookeeper.ZooKeeperLayout;

/**
 * One server task: ZooKeeper as a supervised child process.
 *
 * <p>Lifecycle: {@link #start} prepares files, starts ZooKeeper and sends TASK_STARTING (its data
 * says whether data was found); {@code srvr} is polled until it reports a mode (TASK_RUNNING) or
 * the ready timeout passes (kill, TASK_FAILED). While running, a probe every check period; more
 * than the allowed consecutive unanswered probes kill ZooKeeper (TASK_FAILED). ZooKeeper exiting
 * on its own is TASK_FAILED with its exit status and stderr tail. {@link #kill} is TASK_KILLED.
 * Exactly one terminal update is sent, then {@code onTerminal} runs. The task never restarts
 * ZooKeeper: relaunching is the scheduler's decision.
 *
 * <p>Threading: every method must run on the injected task thread, which this class also uses
 * for its probes and for exit notifications; probes and stops block it, by design (there is
 * nothing else for it to do meanwhile).
 */
final class ServerTask implements SupervisedTask {
  private static final Logger LOG = LogManager.getLogger(ServerTask.class);
  private static final Duration READY_POLL = Duration.ofMillis(250);
  private static final Duration MAX_PROBE_TIMEOUT = Duration.ofSeconds(2);

  private enum Phase { NEW, STARTING, RUNNING, STOPPING, DONE }

  private final TaskInfo task;
  private final String executorId;
  private final TaskStatusSender statuses;
  private final ScheduledExecutorService thread;
  private final Clock clock;
  private final Duration defaultGrace;

  private Phase phase = Phase.NEW;
  private LaunchSpec spec;
  private ChildProcess child;
  private TaskReport report;
  private FourLetterWordProbe probe;
  private ScheduledFuture<?> nextProbe;
  private Instant readyDeadline;
  private int failedProbes;

  ServerTask(TaskInfo task, String executorId, StatusUpdates updates,
      ScheduledExecutorService thread, Clock clock, Duration defaultGrace,
      Consumer<TaskState> onTerminal) {
    this.task = task;
    this.executorId = executorId;
    this.statuses = new TaskStatusSender(task.getTaskId(), updates, onTerminal);
    this.thread = thread;
    this.clock = clock;
    this.defaultGrace = defaultGrace;
  }

  @Override
  public String id() {
    return task.getTaskId().getValue();
  }

  @Override
  public boolean isDone() {
    return phase == Phase.DONE;
  }

  /** Launches ZooKeeper for {@code spec} in {@code sandbox}. */
  @Override
  public void start(LaunchSpec launchSpec, Path sandbox, Map<String, String> env) {
    spec = launchSpec;
    ZooKeeperLayout layout = ZooKeeperLayout.of(sandbox, spec);
    report = TaskReport.atLaunch(false, Optional.empty(), Optional.empty(), spec.host(),
        spec.ports());
    try {
      DataOnDisk data = ZooKeeperFiles.prepare(spec, layout);
      report = TaskReport.atLaunch(data.found(), data.lastZxid(), data.myid(), spec.host(),
          spec.ports());
      Installation install = Installation.find(sandbox, env);
      child = ChildProcess.start(ZooKeeperCommand.of(spec, layout, install,
          log4jConfig(sandbox, install)));
    } catch (LaunchException | IOException e) {
      LOG.info("task {} executor {}: cannot launch ZooKeeper: {}", id(), executorId,
          e.getMessage());
      terminal(TaskState.TASK_FAILED, "cannot launch ZooKeeper: " + e.getMessage(),
          TaskStatus.Reason.REASON_TASK_INVALID);
      return;
    }
    phase = Phase.STARTING;
    report = report.withPid(child.pid());
    LOG.info("task {} executor {}: started ZooKeeper pid {} (myid {}, {} config, {}, heap {} MB,"
        + " home {})", id(), executorId, child.pid(), spec.myid(), spec.configSource().text(),
        report.dataFound() ? "data found, last zxid " + report.lastZxid().orElse("none")
            : "no data", spec.zookeeper().heapMb(), layout.home());
    send(TaskState.TASK_STARTING, "ZooKeeper started (pid " + child.pid() + "), "
        + (report.dataFound() ? "existing data found" : "no existing data"), Optional.empty());
    long probeMs = Math.min(MAX_PROBE_TIMEOUT.toMillis(),
        Math.max(500, spec.zookeeper().checkPeriodMs()));
    probe = new FourLetterWordProbe(spec.host(), spec.ports().client(),
        Duration.ofMillis(probeMs));
    readyDeadline = clock.instant().plusMillis(spec.zookeeper().readyTimeoutMs());
    child.exit().thenAcceptAsync(this::exited, thread);
    schedule(READY_POLL);
  }

  /**
   * Stops ZooKeeper (SIGTERM, grace period, SIGKILL) and sends TASK_KILLED. The grace period is
   * {@code grace} (the KILL event's kill policy), else the task's kill policy, else the
   * executor's default ({@code MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD}).
   */
  @Override
  public void kill(Optional<Duration> grace, String why) throws InterruptedException {
    if (phase == Phase.DONE || phase == Phase.STOPPING) {
      return;
    }
    Duration g = grace.or(() -> task.hasKillPolicy() && task.getKillPolicy().hasGracePeriod()
        ? Optional.of(Duration.ofNanos(Math.max(0, task.getKillPolicy().getGracePeriod()
            .getNanoseconds())))
        : Optional.empty()).orElse(defaultGrace);
    LOG.info("task {} executor {}: killing ZooKeeper ({}), grace period {} ms", id(), executorId,
        why, g.toMillis());
    Optional<Integer> code = stopChild(g);
    report = report == null ? null : report.withExit(code, Optional.empty());
    terminal(TaskState.TASK_KILLED, "ZooKeeper stopped (" + why + ")"
        + code.map(c -> ", exit status " + c).orElse(""), null);
  }

  /** The executor cannot go on (agent gone for good): stop ZooKeeper, no update possible. */
  @Override
  public void abandon() throws InterruptedException {
    if (phase != Phase.DONE) {
      stopChild(Duration.ofSeconds(2));
      phase = Phase.DONE;
    }
  }

  private void probeOnce() {
    if (phase != Phase.STARTING && phase != Phase.RUNNING) {
      return;
    }
    Optional<SrvrStatus> answer = probe.srvr();
    if (phase == Phase.STARTING) {
      if (answer.isPresent() && answer.get().serving()) {
        phase = Phase.RUNNING;
        report = report.withProbe(answer.get().mode(), answer.get().zxid());
        LOG.info("task {} executor {}: ZooKeeper pid {} serves as {} (zxid {}): TASK_RUNNING",
            id(), executorId, child.pid(), report.mode().text(), report.zxid().orElse("?"));
        send(TaskState.TASK_RUNNING, "ZooKeeper serves as " + report.mode().text(),
            Optional.of(true));
        schedule(checkPeriod());
      } else if (clock.instant().isAfter(readyDeadline)) {
        stopAndFail("ZooKeeper did not serve within " + spec.zookeeper().readyTimeoutMs()
            + " ms of its start");
      } else {
        schedule(READY_POLL);
      }
      return;
    }
    if (answer.isEmpty()) {
      failedProbes++;
      LOG.warn("task {} executor {}: ZooKeeper pid {} did not answer srvr ({} of {} allowed)",
          id(), executorId, child.pid(), failedProbes, spec.zookeeper().probeFailuresAllowed());
      if (failedProbes > spec.zookeeper().probeFailuresAllowed()) {
        stopAndFail("ZooKeeper stopped answering srvr (" + failedProbes
            + " probes in a row, " + spec.zookeeper().checkPeriodMs() + " ms apart)");
        return;
      }
    } else {
      failedProbes = 0;
      SrvrStatus status = answer.get();
      ZooKeeperMode before = report.mode();
      report = report.withProbe(status.mode(), status.zxid().or(report::zxid));
      if (status.mode() != before) {
        // A live server between modes (election, no quorum) is not killed: the scheduler sees it.
        LOG.info("task {} executor {}: ZooKeeper pid {} mode {} -> {}", id(), executorId,
            child.pid(), before.text(), status.mode().text());
        send(TaskState.TASK_RUNNING, status.serving() ? "ZooKeeper serves as "
            + status.mode().text() : "ZooKeeper is not serving", Optional.of(status.serving()));
      }
    }
    schedule(checkPeriod());
  }

  private void exited(int code) {
    if (phase == Phase.STOPPING || phase == Phase.DONE) {
      return; // our own stop reports
    }
    cancelProbe();
    String tail = child.stderrTail();
    report = report.withExit(Optional.of(code), Optional.of(tail));
    LOG.info("task {} executor {}: ZooKeeper pid {} exited with status {}: TASK_FAILED", id(),
        executorId, child.pid(), code);
    terminal(TaskState.TASK_FAILED, "ZooKeeper (pid " + child.pid() + ") exited with status "
        + code + (tail.isEmpty() ? "" : "; last lines of its stderr:\n" + tail), null);
  }

  private void stopAndFail(String why) {
    LOG.info("task {} executor {}: {}: killing ZooKeeper pid {}, TASK_FAILED", id(), executorId,
        why, child.pid());
    Optional<Integer> code;
    try {
      code = stopChild(defaultGrace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code = Optional.empty();
    }
    report = report.withExit(code, Optional.of(child.stderrTail()));
    terminal(TaskState.TASK_FAILED, why + code.map(c -> "; killed, exit status " + c).orElse(""),
        null);
  }

  private Optional<Integer> stopChild(Duration grace) throws InterruptedException {
    phase = Phase.STOPPING;
    cancelProbe();
    if (child == null) {
      return Optional.empty();
    }
    int code = child.stop(grace);
    LOG.info("task {} executor {}: ZooKeeper pid {} ended with status {}", id(), executorId,
        child.pid(), code);
    return Optional.of(code);
  }

  private void terminal(TaskState state, String message, TaskStatus.Reason reason) {
    phase = Phase.DONE;
    statuses.terminal(state, message, Optional.ofNullable(reason), Optional.ofNullable(report));
  }

  private void send(TaskState state, String message, Optional<Boolean> healthy) {
    statuses.send(state, message, healthy, Optional.ofNullable(report));
  }

  private Duration checkPeriod() {
    return Duration.ofMillis(spec.zookeeper().checkPeriodMs());
  }

  private void schedule(Duration delay) {
    nextProbe = thread.schedule(this::probeOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void cancelProbe() {
    if (nextProbe != null) {
      nextProbe.cancel(false);
    }
  }

  // The operator's log4j2 properties if given, else the distribution's configuration.
  private Path log4jConfig(Path sandbox, Installation install) throws IOException {
    if (spec.zookeeper().log4jProperties().isEmpty()) {
      return install.log4jConfig();
    }
    Path file = sandbox.resolve("zookeeper-log4j2.properties");
    Files.writeString(file, spec.zookeeper().log4jProperties().get(), StandardCharsets.UTF_8);
    return file;
  }
}

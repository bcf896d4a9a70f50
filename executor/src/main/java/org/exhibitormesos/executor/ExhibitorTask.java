package org.exhibitormesos.executor;

import java.io.IOException;
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
import org.exhibitormesos.executor.exhibitor.ExhibitorBundle;
import org.exhibitormesos.executor.exhibitor.ExhibitorCommand;
import org.exhibitormesos.executor.exhibitor.ExhibitorFiles;
import org.exhibitormesos.executor.exhibitor.ExhibitorLayout;
import org.exhibitormesos.executor.exhibitor.ExhibitorZooKeeper;
import org.exhibitormesos.executor.process.ChildProcess;
import org.exhibitormesos.executor.process.ParentWatchFifo;
import org.exhibitormesos.executor.zookeeper.DataOnDisk;
import org.exhibitormesos.executor.zookeeper.FourLetterWordProbe;
import org.exhibitormesos.executor.zookeeper.Installation;
import org.exhibitormesos.executor.zookeeper.LaunchException;
import org.exhibitormesos.executor.zookeeper.SrvrStatus;
import org.exhibitormesos.exhibitor.client.ExhibitorClient;
import org.exhibitormesos.exhibitor.client.ExhibitorException;
import org.exhibitormesos.exhibitor.client.ExhibitorState;
import org.exhibitormesos.exhibitor.client.ServersSpec;

/**
 * One server task in Exhibitor mode: Exhibitor as a supervised child process, which starts and
 * restarts ZooKeeper itself through the distribution's {@code zkServer.sh}.
 *
 * <p>Lifecycle: {@link #start} prepares files, holds the parent-watch FIFO, starts Exhibitor and
 * sends TASK_STARTING. TASK_RUNNING once Exhibitor answers {@code config/get-state} and its
 * ZooKeeper answers {@code srvr} with a mode; TASK_FAILED (Exhibitor killed) if that takes longer
 * than the ready timeout. While running: more than the allowed consecutive unanswered
 * {@code get-state} calls kill the task (TASK_FAILED); ZooKeeper not serving is only reported
 * (TASK_RUNNING, unhealthy), since Exhibitor restarts ZooKeeper on every membership change.
 * Exhibitor exiting on its own is TASK_FAILED. {@link #kill} stops Exhibitor, then its ZooKeeper,
 * then closes the FIFO (which halts any ZooKeeper left), and sends TASK_KILLED. The report's
 * {@code pid} is ZooKeeper's, once Exhibitor has started it; exit code and stderr are Exhibitor's.
 *
 * <p>Threading: as {@link ServerTask}, every method runs on the task thread.
 */
final class ExhibitorTask implements SupervisedTask {
  private static final Logger LOG = LogManager.getLogger(ExhibitorTask.class);
  private static final Duration READY_POLL = Duration.ofMillis(500);
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
  private ExhibitorLayout layout;
  private ParentWatchFifo fifo;
  private ChildProcess exhibitor;
  private TaskReport report;
  private ExhibitorClient client;
  private FourLetterWordProbe zkProbe;
  private ScheduledFuture<?> nextProbe;
  private Instant readyDeadline;
  private int failedProbes;

  ExhibitorTask(TaskInfo task, String executorId, StatusUpdates updates,
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

  @Override
  public void start(LaunchSpec launchSpec, Path sandbox, Map<String, String> env) {
    spec = launchSpec;
    layout = ExhibitorLayout.of(sandbox, spec);
    report = TaskReport.atLaunch(false, Optional.empty(), Optional.empty(), spec.host(),
        spec.ports());
    try {
      Installation install = Installation.find(sandbox, env);
      ExhibitorBundle bundle = ExhibitorBundle.find(sandbox);
      DataOnDisk data = ExhibitorFiles.prepare(spec, layout, install.zookeeperHome());
      report = TaskReport.atLaunch(data.found(), data.lastZxid(), data.myid(), spec.host(),
          spec.ports());
      fifo = ParentWatchFifo.create(layout.parentWatchFifo());
      exhibitor = ChildProcess.start(ExhibitorCommand.of(spec, layout, install, bundle,
          env.getOrDefault("PATH", "/usr/bin:/bin")));
    } catch (LaunchException | IOException e) {
      LOG.info("task {} executor {}: cannot launch Exhibitor: {}", id(), executorId,
          e.getMessage());
      closeFifo();
      terminal(TaskState.TASK_FAILED, "cannot launch Exhibitor: " + e.getMessage(),
          TaskStatus.Reason.REASON_TASK_INVALID);
      return;
    }
    phase = Phase.STARTING;
    LOG.info("task {} executor {}: started Exhibitor pid {} (myid {}, servers spec {}, UI port"
        + " {}, heap {} MB, {}, home {})", id(), executorId, exhibitor.pid(), spec.myid(),
        spec.exhibitor().orElseThrow().serversSpecText(), spec.ports().admin(),
        spec.exhibitor().orElseThrow().heapMb(), report.dataFound() ? "data found, last zxid "
            + report.lastZxid().orElse("none") : "no data", layout.home());
    send(TaskState.TASK_STARTING, "Exhibitor started (pid " + exhibitor.pid() + "), "
        + (report.dataFound() ? "existing data found" : "no existing data"), Optional.empty());
    Duration probeTimeout = Duration.ofMillis(Math.min(MAX_PROBE_TIMEOUT.toMillis(),
        Math.max(500, spec.zookeeper().checkPeriodMs())));
    client = new ExhibitorClient(spec.host(), spec.ports().admin(), probeTimeout);
    zkProbe = new FourLetterWordProbe(spec.host(), spec.ports().client(), probeTimeout);
    readyDeadline = clock.instant().plusMillis(spec.zookeeper().readyTimeoutMs());
    exhibitor.exit().thenAcceptAsync(this::exited, thread);
    schedule(READY_POLL);
  }

  @Override
  public void kill(Optional<Duration> grace, String why) throws InterruptedException {
    if (phase == Phase.DONE || phase == Phase.STOPPING) {
      return;
    }
    Duration g = grace.or(() -> task.hasKillPolicy() && task.getKillPolicy().hasGracePeriod()
        ? Optional.of(Duration.ofNanos(Math.max(0, task.getKillPolicy().getGracePeriod()
            .getNanoseconds())))
        : Optional.empty()).orElse(defaultGrace);
    LOG.info("task {} executor {}: killing Exhibitor and its ZooKeeper ({}), grace period {} ms",
        id(), executorId, why, g.toMillis());
    Optional<Integer> code = stopAll(g);
    report = report == null ? null : report.withExit(code, Optional.empty());
    terminal(TaskState.TASK_KILLED, "Exhibitor and ZooKeeper stopped (" + why + ")"
        + code.map(c -> ", Exhibitor exit status " + c).orElse(""), null);
  }

  @Override
  public void abandon() throws InterruptedException {
    if (phase != Phase.DONE) {
      stopAll(Duration.ofSeconds(2));
      phase = Phase.DONE;
    }
  }

  private void probeOnce() {
    if (phase != Phase.STARTING && phase != Phase.RUNNING) {
      return;
    }
    Optional<ExhibitorState> state;
    try {
      state = Optional.of(client.getState());
    } catch (ExhibitorException e) {
      LOG.debug("task {}: Exhibitor did not answer: {}", id(), e.getMessage());
      state = Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    state.ifPresent(this::refreshHosts);
    Optional<SrvrStatus> zk = zkProbe.srvr();
    Optional<Long> zkPid = ExhibitorZooKeeper.find(layout.zooKeeperPidFile())
        .map(ProcessHandle::pid);
    if (phase == Phase.STARTING) {
      if (state.isPresent() && zk.isPresent() && zk.get().serving()) {
        phase = Phase.RUNNING;
        report = report.withProbe(zk.get().mode(), zk.get().zxid());
        if (zkPid.isPresent()) {
          report = report.withPid(zkPid.get());
        }
        LOG.info("task {} executor {}: Exhibitor answers and its ZooKeeper (pid {}) serves as {}"
            + " (zxid {}): TASK_RUNNING", id(), executorId, zkPid.map(String::valueOf)
            .orElse("?"), report.mode().text(), report.zxid().orElse("?"));
        send(TaskState.TASK_RUNNING, "Exhibitor answers; ZooKeeper serves as "
            + report.mode().text(), Optional.of(true));
        schedule(checkPeriod());
      } else if (clock.instant().isAfter(readyDeadline)) {
        stopAndFail((state.isEmpty() ? "Exhibitor did not answer" : "ZooKeeper did not serve")
            + " within " + spec.zookeeper().readyTimeoutMs() + " ms of Exhibitor's start");
      } else {
        schedule(READY_POLL);
      }
      return;
    }
    if (state.isEmpty()) {
      failedProbes++;
      LOG.warn("task {} executor {}: Exhibitor pid {} did not answer get-state ({} of {}"
          + " allowed)", id(), executorId, exhibitor.pid(), failedProbes,
          spec.zookeeper().probeFailuresAllowed());
      if (failedProbes > spec.zookeeper().probeFailuresAllowed()) {
        stopAndFail("Exhibitor stopped answering (" + failedProbes + " probes in a row, "
            + spec.zookeeper().checkPeriodMs() + " ms apart)");
        return;
      }
    } else {
      failedProbes = 0;
    }
    reportZooKeeper(zk, zkPid);
    schedule(checkPeriod());
  }

  // Mode changes are news for the scheduler; ZooKeeper down is normal while Exhibitor restarts it.
  private void reportZooKeeper(Optional<SrvrStatus> zk, Optional<Long> zkPid) {
    ZooKeeperMode before = report.mode();
    ZooKeeperMode now = zk.map(SrvrStatus::mode).orElse(ZooKeeperMode.UNKNOWN);
    report = report.withProbe(now, zk.flatMap(SrvrStatus::zxid).or(report::zxid));
    if (zkPid.isPresent() && !zkPid.equals(report.pid())) {
      report = report.withPid(zkPid.get());
    }
    if (now != before) {
      boolean serving = zk.isPresent() && zk.get().serving();
      LOG.info("task {} executor {}: ZooKeeper (pid {}) mode {} -> {}", id(), executorId,
          zkPid.map(String::valueOf).orElse("none"), before.text(), now.text());
      send(TaskState.TASK_RUNNING, serving ? "ZooKeeper serves as " + now.text()
          : "ZooKeeper is not serving (Exhibitor restarts it)", Optional.of(serving));
    }
  }

  private void refreshHosts(ExhibitorState state) {
    try {
      ExhibitorFiles.refreshHosts(layout, state.config().serversSpec().entries().stream()
          .map(ServersSpec.Entry::host).toList());
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("task {}: cannot refresh Exhibitor's hosts file", id(), e);
    }
  }

  private void exited(int code) {
    if (phase == Phase.STOPPING || phase == Phase.DONE) {
      return;
    }
    cancelProbe();
    phase = Phase.STOPPING;
    stopZooKeeper(defaultGrace);
    closeFifo();
    String tail = exhibitor.stderrTail();
    report = report.withExit(Optional.of(code), Optional.of(tail));
    LOG.info("task {} executor {}: Exhibitor pid {} exited with status {}: TASK_FAILED", id(),
        executorId, exhibitor.pid(), code);
    terminal(TaskState.TASK_FAILED, "Exhibitor (pid " + exhibitor.pid() + ") exited with status "
        + code + (tail.isEmpty() ? "" : "; last lines of its stderr:\n" + tail), null);
  }

  private void stopAndFail(String why) {
    LOG.info("task {} executor {}: {}: killing Exhibitor pid {} and its ZooKeeper, TASK_FAILED",
        id(), executorId, why, exhibitor.pid());
    Optional<Integer> code;
    try {
      code = stopAll(defaultGrace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code = Optional.empty();
    }
    report = report.withExit(code, Optional.of(exhibitor.stderrTail()));
    terminal(TaskState.TASK_FAILED, why + code.map(c -> "; killed, exit status " + c).orElse(""),
        null);
  }

  // Exhibitor first, so it cannot start ZooKeeper again; then ZooKeeper; then the FIFO.
  private Optional<Integer> stopAll(Duration grace) throws InterruptedException {
    phase = Phase.STOPPING;
    cancelProbe();
    Optional<Integer> code = Optional.empty();
    if (exhibitor != null) {
      code = Optional.of(exhibitor.stop(grace));
      LOG.info("task {} executor {}: Exhibitor pid {} ended with status {}", id(), executorId,
          exhibitor.pid(), code.get());
    }
    stopZooKeeper(grace);
    closeFifo();
    return code;
  }

  private void stopZooKeeper(Duration grace) {
    if (layout == null) {
      return;
    }
    Optional<ProcessHandle> zk = ExhibitorZooKeeper.find(layout.zooKeeperPidFile());
    if (zk.isEmpty()) {
      return;
    }
    try {
      boolean gone = ExhibitorZooKeeper.stop(zk.get(), grace);
      LOG.info("task {} executor {}: ZooKeeper pid {} {}", id(), executorId, zk.get().pid(),
          gone ? "stopped" : "still running after SIGKILL");
    } catch (InterruptedException e) {
      zk.get().destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void closeFifo() {
    if (fifo != null) {
      fifo.close();
    }
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
}

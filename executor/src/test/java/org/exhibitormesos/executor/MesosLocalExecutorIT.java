package org.exhibitormesos.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.executor.testing.TestTasks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.launch.TaskReport;
import org.exhibitormesos.core.launch.ZooKeeperMode;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.executor.testing.Deadlines;
import org.exhibitormesos.executor.testing.ExecutorRun;
import org.exhibitormesos.executor.testing.LocalMesos;
import org.exhibitormesos.executor.testing.LocalScheduler;
import org.exhibitormesos.executor.testing.LocalTasks;
import org.exhibitormesos.executor.testing.Processes;
import org.exhibitormesos.executor.testing.TestTasks;
import org.exhibitormesos.executor.zookeeper.FourLetterWordProbe;
import org.exhibitormesos.executor.zookeeper.SrvrStatus;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * The real executor jar under mesos-local (real v1 agent protocol, real fetcher, executors as real
 * processes) driven by a plain scheduler on mesos-http's client. mesos-local's own process-group
 * cleanup is off, so only the executor's own mechanisms stop ZooKeeper; after every test no
 * process carrying the run marker may be left.
 */
public class MesosLocalExecutorIT {
  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration GRACE = Duration.ofSeconds(3);
  private static final Duration GONE = Duration.ofSeconds(15);
  private static final String VOLUME_ID = "zk-1-volume";
  private static final String VOLUME_PATH = "zkdata";

  private LocalMesos mesos;
  private LocalScheduler scheduler;
  private String host;

  @BeforeMethod
  public void setUp() throws Exception {
    mesos = LocalMesos.start(1);
    host = mesos.agentHost(0);
    scheduler = LocalScheduler.start(mesos.local().masterEndpoint());
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() {
    try {
      if (scheduler != null) {
        scheduler.close();
      }
    } finally {
      if (mesos != null) {
        mesos.close(); // fails the run if a marked process is left
      }
    }
  }

  @Test
  public void runningOnlyOnceServingThenKilledWithinGrace() throws Exception {
    TaskInfo task = launch("zk-1.a");
    TaskReport ready = awaitRunning(task, false);
    assertThat(ready.zxid()).isPresent();
    assertThat(ready.host()).isEqualTo(host);
    // Bound to the agent's loopback address only.
    assertThat(new FourLetterWordProbe("127.0.0.1", ready.ports().client(), Duration.ofSeconds(1))
        .srvr()).isEmpty();
    long zkPid = ready.pid().orElseThrow();
    long executorPid = mesos.executorPid(executorId(task));
    assertThat(ProcessHandle.of(zkPid).orElseThrow().parent().orElseThrow().pid())
        .isEqualTo(executorPid);
    List<Long> rss = Processes.peakRssKb(List.of(executorPid, zkPid), Duration.ofSeconds(2));
    System.out.printf("RSS under mesos-local: executor %d kB (pid %d, %s), ZooKeeper %d kB"
        + " (pid %d, -Xmx%dm)%n", rss.get(0), executorPid, ExecutorRun.EXECUTOR_HEAP, rss.get(1),
        zkPid, TestTasks.settings().heapMb());

    long killedAt = System.nanoTime();
    scheduler.kill(task);
    TaskStatus killed = await(task, TaskState.TASK_KILLED, GRACE.plusSeconds(10));
    assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(GRACE.plusSeconds(2));
    assertThat(killed.getSource()).isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
    assertThat(report(killed).exitCode()).isPresent();
    assertThat(Processes.isAlive(zkPid)).isFalse();
    Deadlines.until(() -> !Processes.isAlive(executorPid), GONE, "executor exit after KILLED");
  }

  @Test
  public void zooKeeperKilledIsFailedWithItsExitStatus() throws Exception {
    TaskInfo task = launch("zk-1.b");
    TaskReport ready = awaitRunning(task, false);
    ProcessHandle.of(ready.pid().orElseThrow()).orElseThrow().destroyForcibly(); // SIGKILL
    TaskStatus failed = await(task, TaskState.TASK_FAILED, Duration.ofSeconds(20));
    assertThat(failed.getSource()).isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
    assertThat(report(failed).exitCode()).contains(137);
    assertThat(failed.getMessage()).contains("exited with status 137");
  }

  @Test
  public void executorKilledLeavesNoZooKeeperRunning() throws Exception {
    TaskInfo task = launch("zk-1.c");
    TaskReport ready = awaitRunning(task, false);
    long zkPid = ready.pid().orElseThrow();
    long executorPid = mesos.executorPid(executorId(task));
    assertThat(mesos.markedProcesses()).extracting(ProcessHandle::pid)
        .contains(executorPid, zkPid);
    ProcessHandle.of(executorPid).orElseThrow().destroyForcibly(); // SIGKILL
    TaskStatus failed = await(task, TaskState.TASK_FAILED, Duration.ofSeconds(20));
    assertThat(failed.getSource()).isEqualTo(TaskStatus.Source.SOURCE_AGENT);
    assertThat(failed.getReason()).isEqualTo(TaskStatus.Reason.REASON_EXECUTOR_TERMINATED);
    Deadlines.until(() -> !Processes.isAlive(zkPid), GONE, "ZooKeeper pid " + zkPid + " gone");
    assertThat(Deadlines.poll(mesos::markedProcesses, List::isEmpty, GONE))
        .as("processes carrying the run marker").isEmpty();
  }

  @Test
  public void droppedAgentConnectionKeepsZooKeeperServingAndResubscribes() throws Exception {
    TaskInfo task = launch("zk-1.d");
    TaskReport ready = awaitRunning(task, false);
    Path stdout = mesos.sandbox(executorId(task)).resolve("stdout");
    assertThat(subscriptions(stdout, executorId(task))).isEqualTo(1);
    assertThat(mesos.local().faults().dropExecutorConnections(0)).isEqualTo(1);
    Deadlines.until(() -> subscriptions(stdout, executorId(task)) >= 2, Duration.ofSeconds(20),
        "the executor to resubscribe");
    Deadlines.until(() -> mesos.executor(executorId(task)).orElseThrow().get("phase")
        .getAsString().equals("SUBSCRIBED"), Duration.ofSeconds(10), "agent sees it subscribed");
    assertThat(Processes.isAlive(ready.pid().orElseThrow())).isTrue();
    assertThat(srvr(ready.ports()).serving()).isTrue();
    // KILL reaches it over the new connection.
    scheduler.kill(task);
    await(task, TaskState.TASK_KILLED, GRACE.plusSeconds(10));
  }

  @Test
  public void relaunchOnTheSameVolumeFindsItsData() throws Exception {
    List<Offer> offers = scheduler.takeOffers(o -> !o.isEmpty(), START, "any resources");
    Ports ports = LocalTasks.ports(offers);
    Resource volume = LocalTasks.volume(64, VOLUME_ID, VOLUME_PATH);
    TaskInfo first = LocalTasks.task("zk-1.e1", offers.get(0).getAgentId(),
        TestTasks.bootstrapOn(host, 1, ports, Optional.of(VOLUME_PATH)), GRACE,
        Optional.of(volume));
    scheduler.accept(offers, List.of(LocalTasks.reserve(LocalTasks.reservedDisk(64)),
        LocalTasks.create(volume), LocalTasks.launch(first)));
    TaskReport ready = awaitRunning(first, false);
    assertThat(Files.isSymbolicLink(mesos.sandbox(executorId(first)).resolve(VOLUME_PATH)))
        .as("volume mounted into the sandbox").isTrue();
    try (ZooKeeper zk = new ZooKeeper(host + ":" + ready.ports().client(), 10_000, e -> { })) {
      Awaits.connected(zk);
      zk.create("/it", "kept".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
          CreateMode.PERSISTENT);
    }
    scheduler.kill(first);
    await(first, TaskState.TASK_KILLED, GRACE.plusSeconds(10));

    // Same volume, same ports, new executor and sandbox: the config and data on it are reused.
    List<Offer> again = scheduler.takeOffers(o -> LocalTasks.offeredVolume(o, VOLUME_ID)
        .isPresent() && LocalTasks.offersPorts(o, ports), START, "volume " + VOLUME_ID);
    TaskInfo second = LocalTasks.task("zk-1.e2", again.get(0).getAgentId(),
        TestTasks.restartOn(host, 1, ports, Optional.of(VOLUME_PATH)), GRACE,
        LocalTasks.offeredVolume(again, VOLUME_ID));
    scheduler.accept(again, List.of(LocalTasks.launch(second)));
    TaskReport starting = report(await(second, TaskState.TASK_STARTING, START));
    assertThat(starting.dataFound()).isTrue();
    assertThat(starting.myidOnDisk()).contains(1);
    assertThat(starting.lastZxid()).isPresent();
    TaskReport running = report(await(second, TaskState.TASK_RUNNING, START));
    assertThat(running.dataFound()).isTrue();
    assertThat(running.mode()).isEqualTo(ZooKeeperMode.LEADER);
    try (ZooKeeper zk = new ZooKeeper(host + ":" + ports.client(), 10_000, e -> { })) {
      Awaits.connected(zk);
      assertThat(new String(zk.getData("/it", false, null), StandardCharsets.UTF_8))
          .isEqualTo("kept");
    }
    scheduler.kill(second);
    await(second, TaskState.TASK_KILLED, GRACE.plusSeconds(10));
  }

  /** Launches a fresh single-member ensemble without a volume on the next offers. */
  private TaskInfo launch(String taskId) throws Exception {
    List<Offer> offers = scheduler.takeOffers(o -> !o.isEmpty(), START, "any resources");
    LaunchSpec spec = TestTasks.bootstrapOn(host, 1, LocalTasks.ports(offers), Optional.empty());
    TaskInfo task = LocalTasks.task(taskId, offers.get(0).getAgentId(), spec, GRACE,
        Optional.empty());
    scheduler.accept(offers, List.of(LocalTasks.launch(task)));
    return task;
  }

  /**
   * TASK_STARTING (no mode yet, data as expected), then TASK_RUNNING, at which point ZooKeeper
   * already answers srvr as the leader of its one-member ensemble.
   */
  private TaskReport awaitRunning(TaskInfo task, boolean dataExpected)
      throws InterruptedException {
    TaskReport starting = report(await(task, TaskState.TASK_STARTING, START));
    assertThat(starting.mode()).isEqualTo(ZooKeeperMode.UNKNOWN);
    assertThat(starting.dataFound()).isEqualTo(dataExpected);
    TaskReport running = report(await(task, TaskState.TASK_RUNNING, START));
    SrvrStatus srvr = srvr(running.ports());
    assertThat(srvr.serving()).isTrue();
    assertThat(srvr.mode()).isEqualTo(ZooKeeperMode.LEADER);
    assertThat(running.mode()).isEqualTo(ZooKeeperMode.LEADER);
    assertThat(running.dataFound()).isEqualTo(dataExpected);
    return running;
  }

  private SrvrStatus srvr(Ports ports) {
    return new FourLetterWordProbe(host, ports.client(), Duration.ofSeconds(2)).srvr()
        .orElseThrow(() -> new AssertionError("no srvr answer from " + host + ":"
            + ports.client()));
  }

  private TaskStatus await(TaskInfo task, TaskState state, Duration timeout)
      throws InterruptedException {
    return scheduler.awaitUpdate(s -> s.getTaskId().equals(task.getTaskId())
        && s.getState() == state, timeout, task.getTaskId().getValue() + " " + state);
  }

  private static String executorId(TaskInfo task) {
    return task.getExecutor().getExecutorId().getValue();
  }

  /** How often the executor logged a subscription to the agent. */
  private static int subscriptions(Path stdout, String executorId) {
    String line = "executor " + executorId + ": subscribed to agent ";
    try {
      return (int) Files.readAllLines(stdout, StandardCharsets.UTF_8).stream()
          .filter(l -> l.contains(line)).count();
    } catch (IOException e) {
      return 0;
    }
  }
}

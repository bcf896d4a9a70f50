package org.exhibitormesos.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.executor.testing.TestTasks.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.launch.LaunchSpecCodec;
import org.exhibitormesos.core.launch.TaskReport;
import org.exhibitormesos.core.launch.ZooKeeperMode;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.executor.testing.LocalScheduler;
import org.exhibitormesos.executor.testing.Processes;
import org.exhibitormesos.executor.testing.TestFiles;
import org.exhibitormesos.executor.zookeeper.FourLetterWordProbe;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.exhibitormesos.mesos.local.MesosLocalConfig;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * The real executor jar under mesos-local (real agent protocol, real fetcher, executors as real
 * processes) with a plain scheduler. mesos-local's own process-group cleanup is off, so only the
 * executor's mechanisms stop ZooKeeper.
 */
public class MesosLocalExecutorIT {
  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration GRACE = Duration.ofSeconds(3);

  private Path workDir;
  private MesosLocal local;
  private LocalScheduler scheduler;
  private String host;

  @BeforeMethod
  public void setUp() throws Exception {
    workDir = Files.createTempDirectory("mesos-local-executor");
    local = MesosLocal.start(MesosLocalConfig.defaults(workDir, 1).fast()
        .withCleanupProcessGroups(false));
    host = local.config().agents().get(0).address();
    scheduler = new LocalScheduler(local.masterEndpoint());
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() {
    if (scheduler != null) {
      scheduler.close();
    }
    if (local != null) {
      local.close();
    }
    Processes.killAll(workDir.toString());
    TestFiles.deleteTree(workDir);
  }

  private LaunchSpec bootstrap(Ports ports) {
    return org.exhibitormesos.executor.testing.TestTasks.bootstrapOn(host, 1, ports,
        Optional.empty());
  }

  private TaskInfo launch(String id) throws Exception {
    Offer offer = scheduler.nextOffer();
    return scheduler.launch(offer, id, ports -> LaunchSpecCodec.encode(bootstrap(ports)));
  }

  private TaskStatus await(TaskInfo task, TaskState state, Duration timeout)
      throws InterruptedException {
    return scheduler.awaitUpdate(s -> s.getTaskId().equals(task.getTaskId())
        && s.getState() == state, timeout, task.getTaskId().getValue() + " " + state);
  }

  private TaskReport running(TaskInfo task) throws InterruptedException {
    TaskReport starting = report(await(task, TaskState.TASK_STARTING, START));
    assertThat(starting.dataFound()).isFalse();
    assertThat(starting.mode()).isEqualTo(ZooKeeperMode.UNKNOWN);
    return report(await(task, TaskState.TASK_RUNNING, START));
  }

  @Test
  public void runningOnceServingThenKilled() throws Exception {
    TaskInfo task = launch("zk-1.local1");
    TaskReport ready = running(task);
    assertThat(ready.mode()).isEqualTo(ZooKeeperMode.LEADER);
    assertThat(ready.zxid()).isPresent();
    assertThat(ready.host()).isEqualTo(host);
    long zkPid = ready.pid().orElseThrow();
    long executorPid = ProcessHandle.of(zkPid).orElseThrow().parent().orElseThrow().pid();
    System.out.printf("RSS under mesos-local: executor %d kB, ZooKeeper %d kB%n",
        Processes.rssKb(executorPid).orElse(-1), Processes.rssKb(zkPid).orElse(-1));
    long t0 = System.nanoTime();
    scheduler.kill(task, GRACE);
    TaskStatus killed = await(task, TaskState.TASK_KILLED, GRACE.plusSeconds(10));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(GRACE.plusSeconds(3));
    assertThat(killed.getSource()).isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
    assertThat(Processes.isAlive(zkPid)).isFalse();
  }

  @Test
  public void zooKeeperKilledIsFailedWithItsExitStatus() throws Exception {
    TaskInfo task = launch("zk-1.local2");
    TaskReport ready = running(task);
    ProcessHandle.of(ready.pid().orElseThrow()).orElseThrow().destroyForcibly();
    TaskStatus failed = await(task, TaskState.TASK_FAILED, Duration.ofSeconds(20));
    assertThat(failed.getSource()).isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
    assertThat(report(failed).exitCode()).contains(137);
  }

  @Test
  public void executorKilledLeavesNoZooKeeper() throws Exception {
    TaskInfo task = launch("zk-1.local3");
    TaskReport ready = running(task);
    long zkPid = ready.pid().orElseThrow();
    ProcessHandle executor = ProcessHandle.of(zkPid).orElseThrow().parent().orElseThrow();
    executor.destroyForcibly();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (Processes.isAlive(zkPid) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(Processes.isAlive(zkPid)).isFalse();
    assertThat(Processes.withCommandLineContaining("QuorumPeerMain").stream()
        .filter(pid -> pid == zkPid)).isEmpty();
    await(task, TaskState.TASK_FAILED, Duration.ofSeconds(20)); // from the agent
  }

  @Test
  public void droppedAgentConnectionKeepsZooKeeperServing() throws Exception {
    TaskInfo task = launch("zk-1.local4");
    TaskReport ready = running(task);
    Ports ports = ready.ports();
    long executorPid = ProcessHandle.of(ready.pid().orElseThrow()).orElseThrow().parent()
        .orElseThrow().pid();
    Path stdout = Path.of("/proc", Long.toString(executorPid), "cwd").toRealPath()
        .resolve("stdout");
    assertThat(local.faults().dropExecutorConnections(0)).isGreaterThan(0);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String subscribed = java.util.regex.Pattern.quote("(container ");
    while (Files.readString(stdout).split(subscribed, -1).length < 3) {
      assertThat(System.nanoTime()).as("executor resubscribed").isLessThan(deadline);
      Thread.sleep(50);
    }
    assertThat(Processes.isAlive(ready.pid().orElseThrow())).isTrue();
    assertThat(new FourLetterWordProbe(host, ports.client(), Duration.ofSeconds(2)).srvr()
        .orElseThrow().serving()).isTrue();
    scheduler.kill(task, GRACE);
    await(task, TaskState.TASK_KILLED, GRACE.plusSeconds(10));
  }
}

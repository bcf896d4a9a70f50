package org.exhibitormesos.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.executor.testing.TestTasks.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.exhibitormesos.core.launch.TaskReport;
import org.exhibitormesos.core.launch.ZooKeeperMode;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.executor.testing.ExecutorRun;
import org.exhibitormesos.executor.testing.FakeAgent;
import org.exhibitormesos.executor.testing.Processes;
import org.exhibitormesos.executor.testing.TestFiles;
import org.exhibitormesos.executor.testing.TestTasks;
import org.exhibitormesos.executor.zookeeper.FourLetterWordProbe;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * The real executor jar and a real ZooKeeper from the built distribution, against a fake agent.
 */
public class ExecutorProcessIT {
  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration GRACE = Duration.ofSeconds(3);

  private Path root;
  private FakeAgent agent;
  private final List<ExecutorRun> runs = new ArrayList<>();

  @BeforeMethod
  public void setUp() throws Exception {
    root = Files.createTempDirectory("executor-it");
    agent = FakeAgent.start();
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() {
    runs.forEach(ExecutorRun::close);
    runs.clear();
    agent.close();
    Processes.killAll(root.toString());
    TestFiles.deleteTree(root);
  }

  private ExecutorRun run(String sandboxName, boolean checkpoint) throws Exception {
    Path sandbox = root.resolve(sandboxName);
    ExecutorRun.prepareSandbox(sandbox);
    ExecutorRun run = ExecutorRun.start(sandbox, agent.endpoint(), "executor-" + sandboxName,
        checkpoint, Duration.ofSeconds(5));
    runs.add(run);
    return run;
  }

  private TaskStatus await(TaskState state, Duration timeout) throws InterruptedException {
    return agent.awaitUpdate(s -> s.getState() == state, timeout, state.toString());
  }

  private TaskReport launchAndAwaitRunning(ExecutorRun run, TaskInfo task) throws Exception {
    agent.launch(task);
    TaskStatus starting = await(TaskState.TASK_STARTING, START);
    assertThat(report(starting).mode()).isEqualTo(ZooKeeperMode.UNKNOWN);
    TaskStatus running = await(TaskState.TASK_RUNNING, START);
    return report(running);
  }

  @Test
  public void runningOnlyOnceServingThenKilledWithinGrace() throws Exception {
    Ports ports = TestTasks.freePorts();
    ExecutorRun run = run("s1", true);
    TaskInfo task = TestTasks.task("zk-1.t1", TestTasks.bootstrap(1, ports, Optional.of("zkdata")));
    agent.launch(task);
    TaskStatus starting = await(TaskState.TASK_STARTING, START);
    TaskReport first = report(starting);
    assertThat(first.dataFound()).isFalse();
    assertThat(first.lastZxid()).isEmpty();
    assertThat(first.pid()).isPresent();
    TaskStatus running = await(TaskState.TASK_RUNNING, START);
    TaskReport ready = report(running);
    // RUNNING comes from srvr: the server serves, as leader of its one-member ensemble.
    assertThat(ready.mode()).isEqualTo(ZooKeeperMode.LEADER);
    assertThat(ready.zxid()).isPresent();
    assertThat(ready.host()).isEqualTo(TestTasks.HOST);
    assertThat(ready.ports()).isEqualTo(ports);
    assertThat(new FourLetterWordProbe(TestTasks.HOST, ports.client(), Duration.ofSeconds(2))
        .srvr().orElseThrow().mode()).isEqualTo(ZooKeeperMode.LEADER);
    long zkPid = ready.pid().orElseThrow();
    assertThat(Files.exists(run.sandbox().resolve("zkdata/conf/zoo.cfg"))).isTrue();
    assertThat(Files.readString(run.sandbox().resolve("zkdata/data/myid")).strip()).isEqualTo("1");
    assertThat(Files.readString(run.sandbox().resolve("zookeeper.log")))
        .contains("LEADING");

    Thread.sleep(2000); // let both JVMs settle before measuring memory
    System.out.printf("RSS: executor %d kB (pid %d, %s), ZooKeeper %d kB (pid %d, -Xmx%dm)%n",
        Processes.rssKb(run.process().pid()).orElse(-1), run.process().pid(),
        ExecutorRun.EXECUTOR_HEAP, Processes.rssKb(zkPid).orElse(-1), zkPid,
        TestTasks.settings().heapMb());

    long killedAt = System.nanoTime();
    agent.kill(task.getTaskId(), GRACE);
    TaskStatus killed = await(TaskState.TASK_KILLED, GRACE.plusSeconds(5));
    Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
    assertThat(took).isLessThan(GRACE.plusSeconds(2));
    assertThat(Processes.isAlive(zkPid)).isFalse();
    assertThat(report(killed).exitCode()).isPresent();
    assertThat(run.process().waitFor(15, TimeUnit.SECONDS)).as("executor exits").isTrue();
    assertThat(run.process().exitValue()).isZero();
  }

  @Test
  public void zooKeeperKilledIsTaskFailedWithItsExitStatus() throws Exception {
    Ports ports = TestTasks.freePorts();
    ExecutorRun run = run("s2", true);
    TaskReport ready = launchAndAwaitRunning(run,
        TestTasks.task("zk-1.t2", TestTasks.bootstrap(1, ports, Optional.empty())));
    ProcessHandle.of(ready.pid().orElseThrow()).orElseThrow().destroyForcibly();
    TaskStatus failed = await(TaskState.TASK_FAILED, Duration.ofSeconds(15));
    assertThat(report(failed).exitCode()).contains(137);
    assertThat(failed.getMessage()).contains("exited with status 137");
    assertThat(run.process().waitFor(15, TimeUnit.SECONDS)).as("executor exits").isTrue();
  }

  @Test
  public void executorKilledLeavesNoZooKeeperRunning() throws Exception {
    Ports ports = TestTasks.freePorts();
    ExecutorRun run = run("s3", true);
    TaskReport ready = launchAndAwaitRunning(run,
        TestTasks.task("zk-1.t3", TestTasks.bootstrap(1, ports, Optional.of("zkdata"))));
    long zkPid = ready.pid().orElseThrow();
    run.process().destroyForcibly(); // SIGKILL
    run.process().waitFor(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (Processes.isAlive(zkPid) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(Processes.isAlive(zkPid)).as("ZooKeeper pid %d after executor SIGKILL", zkPid)
        .isFalse();
    assertThat(Processes.withCommandLineContaining(run.sandbox().toString())).isEmpty();
  }

  @Test
  public void droppedAgentConnectionKeepsZooKeeperServingAndResubscribes() throws Exception {
    Ports ports = TestTasks.freePorts();
    ExecutorRun run = run("s4", true);
    TaskInfo task = TestTasks.task("zk-1.t4", TestTasks.bootstrap(1, ports, Optional.empty()));
    TaskReport ready = launchAndAwaitRunning(run, task);
    agent.dropStream();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (agent.subscribes() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(agent.subscribes()).as("resubscribed").isGreaterThanOrEqualTo(2);
    assertThat(Processes.isAlive(ready.pid().orElseThrow())).isTrue();
    assertThat(new FourLetterWordProbe(TestTasks.HOST, ports.client(), Duration.ofSeconds(2))
        .srvr().orElseThrow().serving()).isTrue();
    agent.kill(task.getTaskId(), GRACE);
    await(TaskState.TASK_KILLED, GRACE.plusSeconds(5));
    assertThat(run.process().waitFor(15, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  public void relaunchOnTheSameVolumeFindsItsData() throws Exception {
    Ports ports = TestTasks.freePorts();
    Path volume = root.resolve("volume");
    Files.createDirectories(volume);
    ExecutorRun first = run("s5a", true);
    Files.createSymbolicLink(first.sandbox().resolve("zkdata"), volume);
    TaskInfo t1 = TestTasks.task("zk-1.t5a", TestTasks.bootstrap(1, ports, Optional.of("zkdata")));
    launchAndAwaitRunning(first, t1);
    String connect = TestTasks.HOST + ":" + ports.client();
    try (ZooKeeper zk = new ZooKeeper(connect, 10_000, e -> { })) {
      Awaits.connected(zk);
      zk.create("/it", "kept".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }
    agent.kill(t1.getTaskId(), GRACE);
    await(TaskState.TASK_KILLED, GRACE.plusSeconds(5));
    assertThat(first.process().waitFor(15, TimeUnit.SECONDS)).isTrue();
    agent.dropStream();

    // New run, new sandbox, same volume: the config and data on the volume are reused.
    ExecutorRun second = run("s5b", true);
    Files.createSymbolicLink(second.sandbox().resolve("zkdata"), volume);
    TaskInfo t2 = TestTasks.task("zk-1.t5b", TestTasks.restart(1, ports, Optional.of("zkdata")));
    agent.launch(t2);
    TaskReport starting = report(await(TaskState.TASK_STARTING, START));
    assertThat(starting.dataFound()).isTrue();
    assertThat(starting.myidOnDisk()).contains(1);
    assertThat(starting.lastZxid()).isPresent();
    TaskReport running = report(await(TaskState.TASK_RUNNING, START));
    assertThat(running.mode()).isEqualTo(ZooKeeperMode.LEADER);
    try (ZooKeeper zk = new ZooKeeper(connect, 10_000, e -> { })) {
      Awaits.connected(zk);
      assertThat(new String(zk.getData("/it", false, null))).isEqualTo("kept");
    }
    assertThat(Files.readString(volume.resolve("conf/zoo.cfg"))).contains("dataDir=data");
  }

  @Test
  public void restartWithoutConfigOnTheVolumeFailsClearly() throws Exception {
    ExecutorRun run = run("s6", true);
    agent.launch(TestTasks.task("zk-1.t6",
        TestTasks.restart(1, TestTasks.freePorts(), Optional.of("zkdata"))));
    TaskStatus failed = await(TaskState.TASK_FAILED, START);
    assertThat(failed.getMessage()).contains("volume holds no config; refusing to invent one");
    assertThat(report(failed).dataFound()).isFalse();
    assertThat(run.process().waitFor(15, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  public void zooKeeperNotAnsweringIsKilledAndFailed() throws Exception {
    Ports ports = TestTasks.freePorts();
    ExecutorRun run = run("s7", true);
    TaskReport ready = launchAndAwaitRunning(run,
        TestTasks.task("zk-1.t7", TestTasks.bootstrap(1, ports, Optional.empty())));
    long zkPid = ready.pid().orElseThrow();
    // A stopped process keeps its socket but answers nothing: the probes fail.
    assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(zkPid)).start().waitFor())
        .isZero();
    TaskStatus failed = await(TaskState.TASK_FAILED, Duration.ofSeconds(30));
    assertThat(failed.getMessage()).contains("stopped answering srvr (3 probes in a row");
    assertThat(report(failed).exitCode()).contains(137); // SIGTERM stays pending: SIGKILL
    assertThat(Processes.isAlive(zkPid)).isFalse();
    assertThat(run.process().waitFor(15, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  public void shutdownStopsZooKeeperReportsKilledAndExits() throws Exception {
    Ports ports = TestTasks.freePorts();
    ExecutorRun run = run("s8", true);
    TaskReport ready = launchAndAwaitRunning(run,
        TestTasks.task("zk-1.t8", TestTasks.bootstrap(1, ports, Optional.empty())));
    agent.shutdown();
    TaskStatus killed = await(TaskState.TASK_KILLED, Duration.ofSeconds(10));
    assertThat(killed.getMessage()).contains("executor shutdown");
    assertThat(report(killed).exitCode()).contains(143); // ZooKeeper ended on SIGTERM
    assertThat(Processes.isAlive(ready.pid().orElseThrow())).isFalse();
    assertThat(run.process().waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(run.process().exitValue()).isZero();
  }
}

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
import org.exhibitormesos.exhibitor.client.ExhibitorClient;
import org.exhibitormesos.exhibitor.client.MemberStatus;
import org.exhibitormesos.exhibitor.client.ServersSpec;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * Three executors, each running a real Exhibitor 1.5.6 (which runs a real ZooKeeper 3.9) on its
 * own address, against three fake agents; the ensemble is formed through Exhibitor's REST API as
 * the scheduler will form it.
 */
public class ExhibitorEnsembleIT {
  private static final List<String> HOSTS = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4");
  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration GRACE = Duration.ofSeconds(3);

  private Path root;
  private final List<FakeAgent> agents = new ArrayList<>();
  private final List<ExecutorRun> runs = new ArrayList<>();

  @BeforeMethod
  public void setUp() throws Exception {
    root = Files.createTempDirectory("exhibitor-it");
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() {
    runs.forEach(ExecutorRun::close);
    runs.clear();
    agents.forEach(FakeAgent::close);
    agents.clear();
    Processes.killAll(root.toString());
    TestFiles.deleteTree(root);
  }

  private static void log(long t0, String what) {
    System.out.printf("[exhibitor-it +%5.1fs] %s%n", (System.nanoTime() - t0) / 1e9, what);
  }

  @Test
  public void threeExhibitorsFormAnEnsembleThroughRestAndLeaveNothingBehind() throws Exception {
    long t0 = System.nanoTime();
    Ports ports = TestTasks.freePortsOnAll(HOSTS);
    List<TaskInfo> tasks = new ArrayList<>();
    for (int i = 0; i < HOSTS.size(); i++) {
      Path sandbox = root.resolve("s" + (i + 1));
      ExecutorRun.prepareExhibitorSandbox(sandbox);
      FakeAgent agent = FakeAgent.start();
      agents.add(agent);
      runs.add(ExecutorRun.start(sandbox, agent.endpoint(), "executor-ex" + (i + 1), true,
          Duration.ofSeconds(5)));
      TaskInfo task = TestTasks.task("ex-" + (i + 1), TestTasks.exhibitor(i + 1, HOSTS.get(i),
          ports));
      tasks.add(task);
      agent.launch(task);
    }
    // Each starts with only itself in its servers spec: a standalone member, RUNNING once
    // Exhibitor answers and its ZooKeeper serves.
    for (int i = 0; i < HOSTS.size(); i++) {
      TaskStatus running = agents.get(i).awaitUpdate(
          s -> s.getState() == TaskState.TASK_RUNNING, START, "TASK_RUNNING of ex-" + (i + 1));
      TaskReport ready = report(running);
      assertThat(ready.mode()).isEqualTo(ZooKeeperMode.STANDALONE);
      assertThat(ready.pid()).isPresent();
      assertThat(ready.host()).isEqualTo(HOSTS.get(i));
    }
    log(t0, "three standalone members RUNNING");

    // The scheduler's part: the full servers spec on every Exhibitor, by server id.
    for (String host : HOSTS) {
      ExhibitorClient client = client(host, ports);
      client.updateServersSpec(spec -> {
        ServersSpec full = spec;
        for (int i = 0; i < HOSTS.size(); i++) {
          full = full.with(ServersSpec.Entry.voter(i + 1, HOSTS.get(i)));
        }
        return full;
      });
      assertThat(client.getState().config().serversSpec().text())
          .isEqualTo("S:1:127.0.0.2,S:2:127.0.0.3,S:3:127.0.0.4");
    }
    log(t0, "servers spec set on the three Exhibitors");
    for (String host : HOSTS) {
      awaitEnsembleView(client(host, ports), Duration.ofSeconds(90));
    }
    log(t0, "every Exhibitor shows three serving members with one leader");
    assertThat(client(HOSTS.get(0), ports).clusterList().servers())
        .containsExactlyInAnyOrderElementsOf(HOSTS);

    String connect = String.join(",", HOSTS.stream().map(h -> h + ":" + ports.client()).toList());
    try (ZooKeeper zk = new ZooKeeper(connect, 15_000, e -> { })) {
      Awaits.connected(zk);
      zk.create("/exhibitor-it", "through exhibitor".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE,
          CreateMode.PERSISTENT);
    }
    for (String host : HOSTS) {
      try (ZooKeeper zk = new ZooKeeper(host + ":" + ports.client(), 15_000, e -> { })) {
        Awaits.connected(zk);
        zk.sync("/exhibitor-it", (rc, path, ctx) -> { }, null);
        assertThat(new String(zk.getData("/exhibitor-it", false, null)))
            .as("read from " + host).isEqualTo("through exhibitor");
      }
    }
    log(t0, "data written through the connection string read from every member");
    for (int i = 0; i < HOSTS.size(); i++) {
      String sandbox = runs.get(i).sandbox().toString();
      assertThat(javaMains(sandbox)).as("JVMs of ex-" + (i + 1))
          .containsExactlyInAnyOrder("BoundExhibitorMain", "QuorumPeerMain");
    }

    // KILL the first two tasks; SIGKILL the third executor: nothing may survive either way.
    for (int i = 0; i < 2; i++) {
      agents.get(i).kill(tasks.get(i).getTaskId(), GRACE);
      TaskStatus killed = agents.get(i).awaitUpdate(s -> s.getState() == TaskState.TASK_KILLED,
          GRACE.plusSeconds(15), "TASK_KILLED of ex-" + (i + 1));
      assertThat(killed.getMessage()).contains("Exhibitor and ZooKeeper stopped");
      assertThat(runs.get(i).process().waitFor(15, TimeUnit.SECONDS)).as("executor exits")
          .isTrue();
      assertThat(Processes.withCommandLineContaining(runs.get(i).sandbox().toString()))
          .as("processes of ex-" + (i + 1) + " after KILL").isEmpty();
    }
    log(t0, "two tasks killed, their processes gone");
    ExecutorRun third = runs.get(2);
    third.process().destroyForcibly();
    assertThat(third.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
    awaitNoProcesses(third.sandbox().toString(), Duration.ofSeconds(15));
    awaitNoProcesses(root.toString(), Duration.ofSeconds(5));
    log(t0, "third executor SIGKILLed: its Exhibitor and ZooKeeper halted");
  }

  /** Which of Exhibitor's and ZooKeeper's mains run from {@code sandbox}. */
  private static List<String> javaMains(String sandbox) {
    List<String> mains = new ArrayList<>();
    for (long pid : Processes.withCommandLineContaining(sandbox)) {
      try {
        String cmd = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
        for (String main : List.of("BoundExhibitorMain", "QuorumPeerMain")) {
          if (cmd.contains(main)) {
            mains.add(main);
          }
        }
      } catch (java.io.IOException e) {
        // gone meanwhile
      }
    }
    return mains;
  }

  private static ExhibitorClient client(String host, Ports ports) {
    return new ExhibitorClient(host, ports.admin(), Duration.ofSeconds(30));
  }

  private static void awaitEnsembleView(ExhibitorClient client, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<MemberStatus> last = List.of();
    while (System.nanoTime() < deadline) {
      try {
        last = client.clusterStatus();
        if (last.size() == 3 && last.stream().allMatch(MemberStatus::serving)
            && last.stream().filter(MemberStatus::leader).count() == 1) {
          return;
        }
      } catch (java.io.IOException e) {
        last = List.of();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Exhibitor at " + client.base() + " never showed three serving"
        + " members with one leader; last view: " + last.stream().map(MemberStatus::line)
        .toList());
  }

  private static void awaitNoProcesses(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Processes.withCommandLineContaining(text).isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(Processes.withCommandLineContaining(text)).as("processes under " + text)
        .isEmpty();
  }
}

package org.exhibitormesos.it.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.it.fault.FaultEnsemble.allRunningAndServing;
import static org.exhibitormesos.it.fault.FaultEnsemble.endpoints;
import static org.exhibitormesos.it.fault.FaultEnsemble.servers;
import static org.exhibitormesos.it.fault.FaultEnsemble.taskIds;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.exhibitormesos.it.Poll;
import org.testng.ITestContext;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

/**
 * The scheduler killed with SIGKILL during {@code start}, during {@code add}+{@code start} of a
 * joining member and during {@code remove}, then restarted on its state (a file, or a znode in a
 * real ZooKeeper): it converges to the requested servers with no duplicate and no orphaned task,
 * and ZooKeeper's committed configuration matches what it shows. A checker writes throughout the
 * add and remove.
 */
public class SchedulerCrashFaultIT {
  private static final Duration CONVERGE = Duration.ofSeconds(150);

  private FaultEnsemble e;
  private StorageZooKeeper storage;
  private Path storageDir;

  @AfterMethod(alwaysRun = true)
  public void close(ITestContext context) throws Exception {
    try {
      if (e != null) {
        e.close();
        if (context.getFailedTests().size() == 0) {
          e.deleteWork();
        }
      }
    } finally {
      e = null;
      if (storage != null) {
        storage.close();
        storage = null;
        try (var paths = Files.walk(storageDir)) {
          paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @Test(timeOut = 420_000)
  public void withFileStorage() throws Exception {
    crashDuringStartAddAndRemove("file storage", Optional.empty());
  }

  @Test(timeOut = 420_000)
  public void withZooKeeperStorage() throws Exception {
    storageDir = Files.createTempDirectory("fault-storage-zk");
    storage = StorageZooKeeper.start(storageDir);
    crashDuringStartAddAndRemove("zk storage", Optional.of(storage.address() + "/exhibitor-mesos/fault"));
  }

  /**
   * Killed while the bootstrap's ACCEPTs are going out, before the executors fetched their
   * artifacts: after the restart the ensemble forms. A bootstrap task whose fetch failed bootstraps
   * again with the same myid and initial configuration (it used to be relaunched as a RESTART,
   * refused for "no data", and take a new identity that waited forever for a committed
   * configuration); members whose ACCEPT never reached Mesos re-create their volumes with the same
   * persistence ids at once instead of waiting out the stickiness period (see core's
   * {@code BootstrapRelaunch}).
   */
  @Test(timeOut = 300_000)
  public void killedBeforeTheBootstrapTasksFetchTheirArtifacts() throws Exception {
    e = FaultEnsemble.start("scheduler-crash-fetch", List.of("", "", "", ""), Optional.empty());
    e.ok("/api/add?id=0..2&mem=160");
    CompletableFuture<?> start = sendAsync("/api/start?id=0..2&timeout=150s");
    Poll.until(Duration.ofSeconds(60), () -> e.liveTasks().isEmpty() ? Optional.empty() : Optional.of(true));
    e.killScheduler();
    start.exceptionally(x -> null).join();
    long t0 = System.nanoTime();
    e.startScheduler();
    assertConverged(e.await("three serving members after the restart", CONVERGE, s -> allRunningAndServing(s, 3)),
        e.status().get("frameworkId").getAsString(), 3);
    Figures.report("scheduler kill -9 before the fetch", "converged in " + Figures.seconds(t0) + "; "
        + relaunchedAsBootstrap(e.schedulerLog()) + " initial members bootstrapped again");
  }

  /** How many launches after the bootstrap were bootstrap launches again (the scheduler's log). */
  static long relaunchedAsBootstrap(List<String> schedulerLog) {
    return schedulerLog.stream().filter(l -> l.contains(" launches as task ") && l.endsWith("(bootstrap)")).count();
  }

  private void crashDuringStartAddAndRemove(String storageName, Optional<String> zk) throws Exception {
    String name = "scheduler kill -9, " + storageName;
    e = FaultEnsemble.start("scheduler-crash", List.of("", "", "", ""), zk);
    String frameworkId = e.status().get("frameworkId").getAsString();

    // 1. During start: killed once every task has started its ZooKeeper, before they form a quorum.
    e.ok("/api/add?id=0..2&mem=160");
    long t0 = System.nanoTime();
    CompletableFuture<?> start = sendAsync("/api/start?id=0..2&timeout=150s");
    awaitStartedTasks(3);
    e.killScheduler();
    start.exceptionally(x -> null).join();
    e.startScheduler();
    JsonObject started = e.await("three serving members after the restart", CONVERGE, s -> allRunningAndServing(s, 3));
    Figures.report(name, "killed during start, converged in " + Figures.seconds(t0));
    assertConverged(started, frameworkId, 3);

    try (WriteChecker checker = WriteChecker.start(e.connectString(), "/fault/scheduler-crash")) {
      // 2. During add+start of a joining member: killed once its task is launched.
      long t1 = System.nanoTime();
      e.ok("/api/add?id=3&mem=160");
      CompletableFuture<?> join = sendAsync("/api/start?id=3&timeout=150s");
      awaitStartedTasks(4);
      e.killScheduler();
      join.exceptionally(x -> null).join();
      e.startScheduler();
      JsonObject joined = e.await("four serving members after the restart", CONVERGE,
          s -> allRunningAndServing(s, 4) && FaultEnsemble.statusVoters(s).size() == 4);
      Figures.report(name, "killed during add+start, converged in " + Figures.seconds(t1));
      assertConverged(joined, frameworkId, 4);

      // 3. During remove: killed right after the command is accepted.
      long t2 = System.nanoTime();
      e.ok("/api/remove?id=3");
      e.killScheduler();
      e.startScheduler();
      JsonObject removed = e.await("three serving members after the restart", CONVERGE,
          s -> servers(s).size() == 3 && allRunningAndServing(s, 3) && FaultEnsemble.statusVoters(s).size() == 3);
      Figures.report(name, "killed during remove, converged in " + Figures.seconds(t2));
      assertConverged(removed, frameworkId, 3);

      WriteChecker.Figures figures = checker.stop();
      Figures.report(name, figures.toString());
      checker.assertAllReadableFrom(endpoints(removed));
    }
  }

  /** Same framework; live tasks are exactly the servers' tasks; ZooKeeper's voters are the shown members. */
  private void assertConverged(JsonObject status, String frameworkId, int size) throws Exception {
    assertThat(status.get("frameworkId").getAsString()).isEqualTo(frameworkId);
    Poll.until(Duration.ofSeconds(30), () -> new TreeSet<>(e.liveTasks())
        .equals(new TreeSet<>(taskIds(e.status()).values())) ? Optional.of(true) : Optional.empty())
        .orElseThrow(() -> new AssertionError("live tasks " + e.liveTasks() + " are not the servers' tasks "
            + taskIds(e.status())));
    assertThat(e.liveTasks()).hasSize(size);
    Set<Integer> myids = new TreeSet<>();
    servers(status).forEach(s -> myids.add(s.get("myid").getAsInt()));
    assertThat(FaultEnsemble.statusVoters(status)).isEqualTo(myids);
    assertThat(Zk.committedVoters(String.join(",", endpoints(status)))).isEqualTo(myids);
  }

  /** Waits until {@code count} tasks have started ZooKeeper (TASK_STARTING or TASK_RUNNING in Mesos). */
  private void awaitStartedTasks(int count) throws InterruptedException {
    Poll.until(Duration.ofSeconds(90), () -> e.tasksIn("TASK_STARTING", "TASK_RUNNING").size() >= count
        ? Optional.of(true) : Optional.empty())
        .orElseThrow(() -> new AssertionError(count + " started tasks never seen\n" + e.scheduler().tail()));
  }

  private CompletableFuture<?> sendAsync(String pathAndQuery) {
    return CompletableFuture.runAsync(() -> {
      try {
        e.api().get(pathAndQuery);
      } catch (Exception ex) {
        // the scheduler is killed while the request waits
      }
    });
  }
}

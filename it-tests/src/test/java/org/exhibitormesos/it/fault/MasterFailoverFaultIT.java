package org.exhibitormesos.it.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.it.fault.FaultEnsemble.allRunningAndServing;
import static org.exhibitormesos.it.fault.FaultEnsemble.endpoints;
import static org.exhibitormesos.it.fault.FaultEnsemble.taskIds;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.exhibitormesos.it.Poll;
import org.testng.ITestContext;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

/**
 * A Mesos master failover while {@code start} launches the initial members, and another under a
 * serving ensemble with a checker writing: no duplicate task, every server Running, no write lost.
 */
public class MasterFailoverFaultIT {
  private static final Duration CONVERGE = Duration.ofSeconds(150);

  private FaultEnsemble e;

  @AfterClass(alwaysRun = true)
  public void close(ITestContext context) throws Exception {
    if (e != null) {
      e.close();
      if (context.getFailedTests().size() == 0) {
        e.deleteWork();
      }
    }
  }

  @Test(timeOut = 300_000)
  public void aFailoverDuringStartLeavesNoDuplicateAndAllRun() throws Exception {
    e = FaultEnsemble.start("master-failover", List.of("", "", ""), Optional.empty());
    e.ok("/api/add?id=0..2&mem=160");
    long t0 = System.nanoTime();
    long subscribed = e.scheduler().count(FaultEnsemble.SUBSCRIBED);
    CompletableFuture<?> start = CompletableFuture.runAsync(() -> {
      try {
        e.api().get("/api/start?id=0..2&timeout=150s");
      } catch (Exception ex) {
        // judged by the status below
      }
    });
    // Once Mesos holds all three tasks (their ACCEPTs landed), before any runs.
    Poll.until(Duration.ofSeconds(60), () -> e.liveTasks().size() < 3 ? Optional.empty() : Optional.of(true))
        .orElseThrow(() -> new AssertionError("the tasks were not launched\n" + e.scheduler().tail()));
    e.mesos().failoverMaster();
    e.awaitLog(FaultEnsemble.SUBSCRIBED, subscribed + 1);
    start.join();
    JsonObject running = e.await("three serving members after the failover", CONVERGE,
        s -> allRunningAndServing(s, 3));
    Figures.report("master failover during start", "all Running and serving " + Figures.seconds(t0)
        + " after the start");
    assertNoDuplicates();

    try (WriteChecker checker = WriteChecker.start(e.connectString(), "/fault/master-failover")) {
      Thread.sleep(1000);
      long t1 = System.nanoTime();
      long subscriptions = e.scheduler().count(FaultEnsemble.SUBSCRIBED);
      long reconciliations = e.scheduler().count(FaultEnsemble.RECONCILED);
      e.mesos().failoverMaster();
      e.awaitLog(FaultEnsemble.SUBSCRIBED, subscriptions + 1);
      e.awaitLog(FaultEnsemble.RECONCILED, reconciliations + 1);
      JsonObject after = e.await("all serving after the second failover", CONVERGE, s -> allRunningAndServing(s, 3));
      String converged = Figures.seconds(t1);
      Thread.sleep(1000);
      WriteChecker.Figures figures = checker.stop();
      Figures.report("master failover under load", figures + ", resubscribed and reconciled in " + converged);
      assertThat(taskIds(after)).as("no relaunch").isEqualTo(taskIds(running));
      assertNoDuplicates();
      checker.assertAllReadableFrom(endpoints(after));
    }
  }

  /**
   * A failover while the bootstrap's ACCEPTs are in flight loses some of them (stream closed, then
   * 403 "not subscribed"): those servers re-create their volumes with the same persistence ids and
   * bootstrap again with their myids and the initial configuration (they used to wait the whole
   * stickiness period for volumes that did not exist while the one launched member could not form
   * a quorum alone); the ensemble forms.
   */
  @Test(timeOut = 300_000)
  public void aFailoverWhileTheBootstrapAcceptsAreInFlight() throws Exception {
    FaultEnsemble early = FaultEnsemble.start("master-failover-early", List.of("", "", ""), Optional.empty());
    try {
      early.ok("/api/add?id=0..2&mem=160");
      CompletableFuture.runAsync(() -> {
        try {
          early.api().get("/api/start?id=0..2&timeout=150s");
        } catch (Exception ex) {
          // judged by the status below
        }
      });
      Poll.until(Duration.ofSeconds(60), () -> early.liveTasks().isEmpty() ? Optional.empty() : Optional.of(true));
      long t0 = System.nanoTime();
      early.mesos().failoverMaster();
      early.await("three serving members after the failover", CONVERGE, s -> allRunningAndServing(s, 3));
      Figures.report("master failover during the bootstrap ACCEPTs", "converged in " + Figures.seconds(t0) + "; "
          + SchedulerCrashFaultIT.relaunchedAsBootstrap(early.schedulerLog()) + " initial members bootstrapped again");
    } finally {
      early.close();
    }
  }

  private void assertNoDuplicates() throws InterruptedException {
    Poll.until(Duration.ofSeconds(30), () -> new TreeSet<>(e.liveTasks())
        .equals(new TreeSet<>(taskIds(e.status()).values())) ? Optional.of(true) : Optional.empty())
        .orElseThrow(() -> new AssertionError("live tasks " + e.liveTasks() + " are not the servers' tasks "
            + taskIds(e.status())));
    assertThat(e.liveTasks()).hasSize(3);
  }
}

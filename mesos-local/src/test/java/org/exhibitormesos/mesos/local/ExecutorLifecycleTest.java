package org.exhibitormesos.mesos.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.TaskStatus.Reason;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.local.testing.Await;
import org.exhibitormesos.mesos.local.testing.ClientScheduler;
import org.exhibitormesos.mesos.local.testing.InJvmExecutorRuntime;
import org.exhibitormesos.mesos.local.testing.LocalFixture;
import org.exhibitormesos.mesos.local.testing.Protos;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

/** SHUTDOWN with grace then kill, executor exit, registration timeout, kill during launch. */
public class ExecutorLifecycleTest {
  private LocalFixture fixture;
  private ClientScheduler scheduler;

  @AfterMethod(alwaysRun = true)
  public void stop() throws Exception {
    if (scheduler != null) {
      scheduler.close();
    }
    if (fixture != null) {
      fixture.close();
      fixture.deleteWorkDir();
    }
  }

  private Offer start() throws Exception {
    fixture = new LocalFixture(1, c -> c.withExecutorTimeouts(Duration.ofSeconds(1),
        Duration.ofMillis(500)));
    scheduler = new ClientScheduler(fixture.local.masterEndpoint(), Protos.framework(true));
    return scheduler.next(Event.Type.OFFERS).getOffers().getOffers(0);
  }

  private TaskStatus update(String task, TaskState state) throws InterruptedException {
    return Await.next(scheduler.events, e -> e.getType() == Event.Type.UPDATE
        && e.getUpdate().getStatus().getTaskId().getValue().equals(task)
        && e.getUpdate().getStatus().getState() == state, task + " " + state)
        .getUpdate().getStatus();
  }

  @Test
  public void shutdownGivesTheGracePeriodThenKills() throws Exception {
    Offer offer = start();
    fixture.runtime.ignoreShutdown = true;
    scheduler.send(Protos.launch(offer, Protos.task("t1", offer.getAgentId(), "e1")));
    scheduler.send(Protos.acknowledge(update("t1", TaskState.TASK_RUNNING)));
    long t = System.nanoTime();
    scheduler.send(Call.newBuilder().setType(Call.Type.SHUTDOWN).setShutdown(Call.Shutdown
        .newBuilder().setAgentId(offer.getAgentId()).setExecutorId(ExecutorID.newBuilder()
            .setValue("e1"))).build());
    TaskStatus failed = update("t1", TaskState.TASK_FAILED);
    assertThat(System.nanoTime() - t).isGreaterThan(Duration.ofMillis(450).toNanos());
    assertThat(failed.getReason()).isEqualTo(Reason.REASON_EXECUTOR_TERMINATED);
    assertThat(failed.getSource()).isEqualTo(TaskStatus.Source.SOURCE_AGENT);
    assertThat(failed.hasUuid()).isTrue();
    Event failure = scheduler.next(Event.Type.FAILURE);
    assertThat(failure.getFailure().getExecutorId().getValue()).isEqualTo("e1");
    assertThat(failure.getFailure().getStatus()).isEqualTo(9);
  }

  @Test
  public void executorExitFailsItsTasks() throws Exception {
    Offer offer = start();
    scheduler.send(Protos.launch(offer, Protos.task("t1", offer.getAgentId(), "e1")));
    scheduler.send(Protos.acknowledge(update("t1", TaskState.TASK_RUNNING)));
    fixture.runtime.running.get(0).stop(3);
    assertThat(update("t1", TaskState.TASK_FAILED).getReason())
        .isEqualTo(Reason.REASON_EXECUTOR_TERMINATED);
    assertThat(scheduler.next(Event.Type.FAILURE).getFailure().getStatus()).isEqualTo(3 << 8);
  }

  @Test
  public void registrationTimeoutAndKillDuringLaunch() throws Exception {
    Offer offer = start();
    fixture.runtime.neverSubscribe = true;
    scheduler.send(Protos.launch(offer, Protos.task("t1", offer.getAgentId(), "e1"),
        Protos.task("t2", offer.getAgentId(), "e1")));
    Await.until(() -> !fixture.runtime.running.isEmpty(), "executor started");
    scheduler.send(Protos.kill("t2"));
    TaskStatus killed = update("t2", TaskState.TASK_KILLED);
    assertThat(killed.getReason()).isEqualTo(Reason.REASON_TASK_KILLED_DURING_LAUNCH);
    assertThat(update("t1", TaskState.TASK_FAILED).getReason())
        .isEqualTo(Reason.REASON_EXECUTOR_REGISTRATION_TIMEOUT);
    Await.until(() -> fixture.runtime.running.stream()
        .noneMatch(InJvmExecutorRuntime.Fake::isAlive), "executor destroyed");
  }

  @Test
  public void failoverTimeoutRemovesTheFramework() throws Exception {
    fixture = new LocalFixture(1, c -> c);
    scheduler = new ClientScheduler(fixture.local.masterEndpoint(), Protos.framework(true)
        .toBuilder().setFailoverTimeout(0.5).build());
    Offer offer = scheduler.next(Event.Type.OFFERS).getOffers().getOffers(0);
    scheduler.send(Protos.launch(offer, Protos.task("t1", offer.getAgentId(), "e1")));
    update("t1", TaskState.TASK_RUNNING);
    String id = scheduler.frameworkId.get().getValue();
    scheduler.close();
    scheduler = null;
    Await.until(() -> fixture.local.master().stateJson().getAsJsonArray("completed_frameworks")
        .toString().contains(id), "framework removed after its failover timeout");
    Await.until(() -> fixture.runtime.running.stream()
        .noneMatch(InJvmExecutorRuntime.Fake::isAlive), "executor shut down");
  }

  @Test
  public void messagesAreRelayedBothWays() throws Exception {
    Offer offer = start();
    scheduler.send(Protos.launch(offer, Protos.task("t1", offer.getAgentId(), "e1")));
    update("t1", TaskState.TASK_RUNNING);
    fixture.runtime.running.get(0).sendMessage("hello scheduler");
    Event message = scheduler.next(Event.Type.MESSAGE);
    assertThat(message.getMessage().getData().toStringUtf8()).isEqualTo("hello scheduler");
    assertThat(message.getMessage().getAgentId()).isEqualTo(offer.getAgentId());
    AgentID agent = offer.getAgentId();
    assertThat(agent.getValue()).isNotEmpty();
  }
}

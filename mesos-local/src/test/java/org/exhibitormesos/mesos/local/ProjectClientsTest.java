package org.exhibitormesos.mesos.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.local.testing.Await;
import org.exhibitormesos.mesos.local.testing.ClientScheduler;
import org.exhibitormesos.mesos.local.testing.InJvmExecutorRuntime;
import org.exhibitormesos.mesos.local.testing.LocalFixture;
import org.exhibitormesos.mesos.local.testing.Protos;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

/** The project's MesosSchedulerClient and MesosExecutorClient against mesos-local's faults. */
public class ProjectClientsTest {
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

  private TaskStatus launchAndRun(String task, int agentIndex) throws Exception {
    String agentId = fixture.local.master().agentId(agentIndex);
    Offer offer = Await.next(scheduler.events, e -> e.getType() == Event.Type.OFFERS
        && e.getOffers().getOffersList().stream()
            .anyMatch(o -> o.getAgentId().getValue().equals(agentId)), "offer")
        .getOffers().getOffersList().stream()
        .filter(o -> o.getAgentId().getValue().equals(agentId)).findFirst().orElseThrow();
    scheduler.send(Protos.launch(offer, Protos.task(task, offer.getAgentId(), "e-" + task)));
    TaskStatus running = update(task, TaskState.TASK_RUNNING);
    scheduler.send(Protos.acknowledge(running));
    return running;
  }

  private TaskStatus update(String task, TaskState state) throws InterruptedException {
    return Await.next(scheduler.events, e -> e.getType() == Event.Type.UPDATE
        && e.getUpdate().getStatus().getTaskId().getValue().equals(task)
        && e.getUpdate().getStatus().getState() == state, task + " " + state)
        .getUpdate().getStatus();
  }

  @Test
  public void schedulerClientThroughMasterFailover() throws Exception {
    fixture = new LocalFixture(1, c -> c);
    scheduler = new ClientScheduler(fixture.local.masterEndpoint(), Protos.framework(true));
    Event.Subscribed first = Await.next(scheduler.subscriptions, s -> true, "SUBSCRIBED");
    TaskStatus running = launchAndRun("t1", 0);
    String oldMaster = fixture.local.master().masterInfo().getId();

    fixture.local.faults().failoverMaster();
    Event.Subscribed second = Await.next(scheduler.subscriptions, s -> true, "resubscription");
    assertThat(second.getFrameworkId()).isEqualTo(first.getFrameworkId());
    assertThat(second.getMasterInfo().getId()).isNotEqualTo(oldMaster);
    // Offers of the old master are void; the new master makes new ones.
    Offer offer = Await.next(scheduler.events, e -> e.getType() == Event.Type.OFFERS
        && e.getOffers().getOffers(0).getId().getValue()
            .startsWith(second.getMasterInfo().getId()), "offer of the new master")
        .getOffers().getOffers(0);
    assertThat(offer.getFrameworkId()).isEqualTo(first.getFrameworkId());
    scheduler.send(Protos.reconcile("t1", running.getAgentId()));
    TaskStatus reconciled = update("t1", TaskState.TASK_RUNNING);
    assertThat(reconciled.getReason()).isEqualTo(TaskStatus.Reason.REASON_RECONCILIATION);
    assertThat(reconciled.hasUuid()).isFalse();
  }

  @Test
  public void schedulerClientSeesAgentRemoval() throws Exception {
    fixture = new LocalFixture(2, c -> c);
    scheduler = new ClientScheduler(fixture.local.masterEndpoint(), Protos.framework(true));
    launchAndRun("t1", 0);
    String agent0 = fixture.local.master().agentId(0);
    Await.until(() -> fixture.local.master().stateJson().getAsJsonArray("offers").toString()
        .contains(agent0), "an outstanding offer on agent 0");
    fixture.local.faults().removeAgent(0);
    Event rescind = scheduler.next(Event.Type.RESCIND);
    assertThat(rescind.getRescind().getOfferId().getValue()).isNotEmpty();
    TaskStatus lost = update("t1", TaskState.TASK_LOST);
    assertThat(lost.getReason()).isEqualTo(TaskStatus.Reason.REASON_AGENT_REMOVED);
    assertThat(lost.hasUuid()).isFalse();
    assertThat(lost.getSource()).isEqualTo(TaskStatus.Source.SOURCE_MASTER);
    Event failure = Await.next(scheduler.events, e -> e.getType() == Event.Type.FAILURE
        && !e.getFailure().hasExecutorId(), "FAILURE for the agent");
    assertThat(failure.getFailure().getAgentId().getValue()).isEqualTo(agent0);
    Await.until(() -> fixture.runtime.running.stream().noneMatch(
        InJvmExecutorRuntime.Fake::isAlive), "executors on the removed agent dead");
    // Explicit reconciliation of a task on the removed agent: still LOST.
    scheduler.send(Protos.reconcile("t1", lost.getAgentId()));
    assertThat(update("t1", TaskState.TASK_LOST).getReason())
        .isEqualTo(TaskStatus.Reason.REASON_RECONCILIATION);

    fixture.local.faults().restoreAgent(0);
    Await.next(scheduler.events, e -> e.getType() == Event.Type.OFFERS && e.getOffers()
        .getOffersList().stream().anyMatch(o -> o.getAgentId().getValue().equals(agent0)),
        "offer from the returned agent");
  }

  @Test
  public void droppedHeartbeatsAndUpdates() throws Exception {
    fixture = new LocalFixture(1, c -> c);
    scheduler = new ClientScheduler(fixture.local.masterEndpoint(), Protos.framework(true));
    Await.next(scheduler.subscriptions, s -> true, "SUBSCRIBED");
    // No heartbeats: the client's watchdog (3 x 1 s) gives up on the stream and resubscribes.
    fixture.local.faults().dropEvents(java.util.Set.of(Event.Type.HEARTBEAT, Event.Type.UPDATE));
    Event.Subscribed again = Await.next(scheduler.subscriptions, s -> true,
        "resubscription after missing heartbeats");
    assertThat(again.getFrameworkId()).isEqualTo(scheduler.frameworkId.get());
    fixture.local.faults().dropEvents(java.util.Set.of(Event.Type.UPDATE));
    // Offers made before the resubscription are void: take one the master still holds.
    Await.until(() -> fixture.local.master().stateJson().getAsJsonArray("offers").size() > 0,
        "a new offer");
    String live = fixture.local.master().stateJson().getAsJsonArray("offers").get(0)
        .getAsJsonObject().get("id").getAsString();
    Offer offer = Await.next(scheduler.events, e -> e.getType() == Event.Type.OFFERS
        && e.getOffers().getOffers(0).getId().getValue().equals(live), "offer " + live)
        .getOffers().getOffers(0);
    scheduler.send(Protos.launch(offer, Protos.task("t1", offer.getAgentId(), "e1")));
    Await.until(() -> fixture.local.master().stateJson().toString().contains("TASK_RUNNING"),
        "task running on the agent");
    assertThat(scheduler.events.stream().noneMatch(e -> e.getType() == Event.Type.UPDATE)).isTrue();
    // Reliable updates are retried until acknowledged: delivered once the fault is lifted.
    fixture.local.faults().dropEvents(java.util.Set.of());
    scheduler.send(Protos.acknowledge(update("t1", TaskState.TASK_RUNNING)));
  }

  @Test
  public void executorClientSurvivesADroppedAgentConnection() throws Exception {
    fixture = new LocalFixture(1, c -> c);
    scheduler = new ClientScheduler(fixture.local.masterEndpoint(), Protos.framework(true));
    launchAndRun("t1", 0);
    InJvmExecutorRuntime.Fake executor = fixture.runtime.running.get(0);
    assertThat(fixture.local.faults().dropExecutorConnections(0)).isEqualTo(1);
    Await.until(() -> !executor.client().isSubscribed(), "executor noticed the drop");
    Await.until(() -> executor.client().isSubscribed(), "executor resubscribed");
    scheduler.send(Protos.kill("t1"));
    TaskStatus killed = update("t1", TaskState.TASK_KILLED);
    assertThat(killed.getSource()).isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
    assertThat(executor.isAlive()).isTrue();
  }
}

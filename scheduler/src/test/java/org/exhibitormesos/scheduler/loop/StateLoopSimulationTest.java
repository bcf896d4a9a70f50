package org.exhibitormesos.scheduler.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.scheduler.loop.SchedulerSimulation.add;
import static org.exhibitormesos.scheduler.loop.SchedulerSimulation.spec;
import static org.exhibitormesos.scheduler.loop.SchedulerSimulation.start;
import static org.exhibitormesos.scheduler.loop.SchedulerSimulation.types;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.Protos.Offer.Operation;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.exhibitormesos.core.ensemble.DynamicConfig;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ids.IdExpression;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.launch.ConfigSource;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.scheduler.membership.MembershipEvent;
import org.testng.annotations.Test;

/** The state loop against a fake Mesos and an in-memory store, one message at a time. */
public class StateLoopSimulationTest {
  private static final ServerId S0 = ServerId.of(0);
  private static final ServerId S3 = ServerId.of(3);

  /** add 0..2, start 0..2, subscribe, and offers from agents 1..3 until the bootstrap launches. */
  static List<TaskInfo> bootstrap(SchedulerSimulation sim) throws Exception {
    sim.command(add("0..2"));
    sim.command(start("0..2"));
    sim.subscribed("fw-1");
    sim.offer(1);
    sim.offer(2);
    sim.offer(3);
    return sim.mesos.launched();
  }

  static void running(SchedulerSimulation sim, List<TaskInfo> tasks) {
    tasks.forEach(t -> sim.update(t, Protos.TaskState.TASK_RUNNING));
  }

  @Test
  public void bootstrapHoldsOffersUntilAllArePlacedAndPersistsBeforeAccepting() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    sim.command(add("0..2"));
    sim.command(start("0..2"));
    sim.subscribed("fw-1");
    sim.offer(1);
    sim.offer(2);
    assertThat(sim.mesos.ofType(Call.Type.ACCEPT)).isEmpty();
    assertThat(sim.mesos.ofType(Call.Type.DECLINE)).as("held, not declined").isEmpty();
    assertThat(sim.persisted().ensemble().bootstrapped()).isFalse();

    List<Boolean> bootstrappedAtAccept = new ArrayList<>();
    sim.mesos.onSend = c -> {
      if (c.getType() == Call.Type.ACCEPT) {
        try {
          bootstrappedAtAccept.add(sim.persisted().ensemble().bootstrapped());
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
    };
    sim.offer(3);

    List<Call> accepts = sim.mesos.ofType(Call.Type.ACCEPT);
    assertThat(accepts).hasSize(3);
    assertThat(bootstrappedAtAccept).containsExactly(true, true, true);
    for (Call accept : accepts) {
      assertThat(accept.getAccept().getOperationsList()).extracting(Operation::getType)
          .containsExactly(Operation.Type.RESERVE, Operation.Type.CREATE, Operation.Type.LAUNCH);
    }
    List<LaunchSpec> specs = sim.mesos.launched().stream().map(SchedulerSimulation::spec).toList();
    assertThat(specs).extracting(LaunchSpec::configSource).containsOnly(ConfigSource.BOOTSTRAP);
    assertThat(specs).extracting(LaunchSpec::myid).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(specs.stream().map(LaunchSpec::dynamicConfig).distinct()).hasSize(1);
    Ensemble initial = DynamicConfig.parse(specs.get(0).dynamicConfig().orElseThrow());
    assertThat(initial.voters()).hasSize(3);
    assertThat(specs).allSatisfy(s -> assertThat(s.zookeeper().superDigest()).isPresent());
    assertThat(specs).allSatisfy(s -> assertThat(s.volume()).contains("zkdata"));

    ClusterState state = sim.persisted();
    assertThat(state.ensemble().bootstrapMyids()).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(state.serverList()).allSatisfy(s -> {
      assertThat(s.observed()).isEqualTo(ObservedState.STAGING);
      assertThat(s.reservation()).isPresent();
    });
    assertThat(sim.mesos.pokes).isPositive();
  }

  @Test
  public void heldOffersAreDeclinedAfterTheHoldLimit() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    sim.command(add("0..2"));
    sim.command(start("0..2"));
    sim.subscribed("fw-1");
    sim.offer(1);
    sim.tasks.advance(Duration.ofSeconds(31));
    List<Call> declines = sim.mesos.ofType(Call.Type.DECLINE);
    assertThat(declines).hasSize(1);
    assertThat(declines.get(0).getDecline().getFilters().getRefuseSeconds()).isLessThanOrEqualTo(5);
    assertThat(sim.persisted().ensemble().bootstrapped()).isFalse();
  }

  @Test
  public void anUpdateOfAnOlderTaskNeverTouchesTheCurrentOne() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    List<TaskInfo> tasks = bootstrap(sim);
    running(sim, tasks);
    TaskInfo first = tasks.get(0);
    ServerId owner = spec(first).serverId();
    sim.mesos.clear();

    sim.update("exhibitor-" + owner + "-older", first.getAgentId().getValue(), Protos.TaskState.TASK_FAILED,
        Optional.empty());
    assertThat(sim.persisted().server(owner).orElseThrow().observed()).isEqualTo(ObservedState.RUNNING);
    assertThat(types(sim.mesos.calls)).containsExactly(Call.Type.ACKNOWLEDGE);

    sim.mesos.clear();
    sim.update("exhibitor-9-stray", "S1", Protos.TaskState.TASK_RUNNING, Optional.empty());
    assertThat(types(sim.mesos.calls)).containsExactly(Call.Type.KILL, Call.Type.ACKNOWLEDGE);
    assertThat(sim.mesos.calls.get(0).getKill().getTaskId().getValue()).isEqualTo("exhibitor-9-stray");
  }

  @Test
  public void aRestartedSchedulerKeepsItsFrameworkIdReconcilesAndLaunchesNothing() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    List<TaskInfo> tasks = bootstrap(sim);
    running(sim, tasks);

    SchedulerSimulation again = sim.restart();
    assertThat(again.loop.frameworkId()).contains("fw-1");
    again.subscribed("fw-1");
    List<Call> reconciles = again.mesos.ofType(Call.Type.RECONCILE);
    assertThat(reconciles).hasSize(2);
    assertThat(reconciles.get(0).getReconcile().getTasksList()).extracting(t -> t.getTaskId().getValue())
        .containsExactlyInAnyOrderElementsOf(tasks.stream().map(t -> t.getTaskId().getValue()).toList());
    assertThat(reconciles.get(0).getReconcile().getTasksList()).allSatisfy(t -> assertThat(t.hasAgentId()).isTrue());
    assertThat(reconciles.get(1).getReconcile().getTasksCount()).as("implicit").isZero();
    assertThat(again.persisted().serverList()).extracting(s -> s.observed()).containsOnly(ObservedState.RECONCILING);

    // One task answers; the others are asked about again after the backoff.
    again.update(tasks.get(0), Protos.TaskState.TASK_RUNNING);
    again.mesos.clear();
    again.tasks.advance(Duration.ofSeconds(3));
    List<Call> retry = again.mesos.ofType(Call.Type.RECONCILE);
    assertThat(retry).hasSize(1);
    assertThat(retry.get(0).getReconcile().getTasksCount()).isEqualTo(2);

    tasks.forEach(t -> again.update(t, Protos.TaskState.TASK_RUNNING));
    again.offer(1, SchedulerSimulation.reservedOf(tasks.get(0)));
    assertThat(again.mesos.launched()).as("no duplicate launch").isEmpty();
    assertThat(again.persisted().serverList()).extracting(s -> s.observed()).containsOnly(ObservedState.RUNNING);
  }

  @Test
  public void aFailedServerIsRelaunchedOnItsVolumeWithTheSameMyid() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    List<TaskInfo> tasks = bootstrap(sim);
    running(sim, tasks);
    TaskInfo failed = tasks.get(0);
    LaunchSpec before = spec(failed);
    // The members served, so the ensemble formed on the initial configuration: the bootstrap is over.
    assertThat(sim.persisted().ensemble().committedConfig()).isEqualTo(before.dynamicConfig());
    sim.mesos.clear();

    sim.update(failed, Protos.TaskState.TASK_FAILED);
    assertThat(types(sim.mesos.calls)).contains(Call.Type.REVIVE, Call.Type.ACKNOWLEDGE);
    int agent = Integer.parseInt(failed.getAgentId().getValue().substring(1));
    sim.offer(agent, SchedulerSimulation.reservedOf(failed));

    List<Call> accepts = sim.mesos.ofType(Call.Type.ACCEPT);
    assertThat(accepts).hasSize(1);
    assertThat(accepts.get(0).getAccept().getOperationsList()).extracting(Operation::getType)
        .containsExactly(Operation.Type.LAUNCH);
    TaskInfo relaunched = sim.mesos.launched().get(0);
    assertThat(relaunched.getTaskId()).isNotEqualTo(failed.getTaskId());
    assertThat(relaunched.getExecutor().getExecutorId()).isNotEqualTo(failed.getExecutor().getExecutorId());
    assertThat(relaunched.getResourcesList()).containsExactlyInAnyOrderElementsOf(SchedulerSimulation.reservedOf(failed));
    LaunchSpec after = spec(relaunched);
    assertThat(after.configSource()).isEqualTo(ConfigSource.RESTART);
    assertThat(after.myid()).isEqualTo(before.myid());
    assertThat(after.ports()).isEqualTo(before.ports());
  }

  @Test
  public void aBootstrapMemberWhoseTaskFailedBeforeAQuorumFormedBootstrapsAgainWithTheSameMyidAndConfig()
      throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    List<TaskInfo> tasks = bootstrap(sim);
    TaskInfo failed = tasks.get(0);
    LaunchSpec before = spec(failed);
    sim.mesos.clear();

    // The executor could not even be fetched: no ZooKeeper ran, no report.
    sim.update(failed.getTaskId().getValue(), failed.getAgentId().getValue(), Protos.TaskState.TASK_FAILED,
        Optional.empty());
    int agent = Integer.parseInt(failed.getAgentId().getValue().substring(1));
    sim.offer(agent, SchedulerSimulation.reservedOf(failed));

    TaskInfo relaunched = sim.mesos.launched().get(0);
    assertThat(sim.mesos.ofType(Call.Type.ACCEPT).get(0).getAccept().getOperationsList())
        .extracting(Operation::getType).containsExactly(Operation.Type.LAUNCH);
    LaunchSpec after = spec(relaunched);
    assertThat(after.configSource()).isEqualTo(ConfigSource.BOOTSTRAP);
    assertThat(after.myid()).isEqualTo(before.myid());
    assertThat(after.ports()).isEqualTo(before.ports());
    assertThat(after.dynamicConfig()).isEqualTo(before.dynamicConfig());
    ClusterState st = sim.persisted();
    assertThat(st.server(before.serverId()).orElseThrow().task().orElseThrow().launchedAs())
        .contains(LaunchKind.BOOTSTRAP);
    assertThat(st.ensemble().nextMyid()).as("no new identity").isEqualTo(4);
    assertThat(st.releases()).isEmpty();
  }

  @Test
  public void bootstrapMembersWhoseLaunchesWereLostRecreateTheirVolumesAtOnce() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    List<TaskInfo> tasks = bootstrap(sim);
    SchedulerSimulation again = sim.restart();
    again.subscribed("fw-1");
    // Mesos never saw the ACCEPTs: every task is unknown, no volume exists.
    for (TaskInfo t : tasks) {
      again.update(t.getTaskId().getValue(), t.getAgentId().getValue(), Protos.TaskState.TASK_LOST, Optional.empty());
    }
    again.mesos.clear();
    for (TaskInfo t : tasks) {
      again.offer(Integer.parseInt(t.getAgentId().getValue().substring(1)));
    }

    List<TaskInfo> relaunched = again.mesos.launched();
    assertThat(relaunched).hasSize(3);
    for (Call accept : again.mesos.ofType(Call.Type.ACCEPT)) {
      assertThat(accept.getAccept().getOperationsList()).extracting(Operation::getType)
          .containsExactly(Operation.Type.RESERVE, Operation.Type.CREATE, Operation.Type.LAUNCH);
    }
    for (int i = 0; i < 3; i++) {
      LaunchSpec before = spec(tasks.get(i));
      LaunchSpec after = spec(relaunched.get(i));
      assertThat(after.serverId()).isEqualTo(before.serverId());
      assertThat(after.configSource()).isEqualTo(ConfigSource.BOOTSTRAP);
      assertThat(after.myid()).isEqualTo(before.myid());
      assertThat(after.dynamicConfig()).isEqualTo(before.dynamicConfig());
      assertThat(SchedulerSimulation.reservedOf(relaunched.get(i)))
          .as("the same persistence id, ports and resources")
          .containsExactlyInAnyOrderElementsOf(SchedulerSimulation.reservedOf(tasks.get(i)));
    }
  }

  @Test
  public void aJoinerAfterTheBootstrapGetsANewMyidAndAJoinSpec() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    List<TaskInfo> tasks = bootstrap(sim);
    running(sim, tasks);
    sim.command(add("3"));
    sim.command(start("3"));
    sim.mesos.clear();

    sim.offer(4);
    assertThat(sim.mesos.launched()).as("no committed configuration known yet").isEmpty();
    assertThat(sim.persisted().server(S3).orElseThrow().reason()).contains("committed configuration");

    Ensemble committed = DynamicConfig.parse(spec(tasks.get(0)).dynamicConfig().orElseThrow());
    sim.membership(new MembershipEvent.ConfigObserved(0x100000000L, committed));
    assertThat(sim.persisted().ensemble().configVersion()).isEqualTo(0x100000000L);
    sim.offer(4);

    TaskInfo joiner = sim.mesos.launched().get(0);
    LaunchSpec s = spec(joiner);
    assertThat(s.configSource()).isEqualTo(ConfigSource.JOIN);
    assertThat(s.myid()).isEqualTo(4);
    Ensemble joinConfig = DynamicConfig.parse(s.dynamicConfig().orElseThrow());
    assertThat(joinConfig.voters()).hasSize(3);
    assertThat(joinConfig.observers()).extracting(m -> m.myid()).containsExactly(4);
    ClusterState state = sim.persisted();
    assertThat(state.server(S3).orElseThrow().identity().membership()).isEqualTo(Membership.JOINING);

    sim.update(joiner, Protos.TaskState.TASK_RUNNING);
    sim.membership(new MembershipEvent.Waiting("server 3 (myid 4) is not synced with the leader yet"));
    assertThat(sim.persisted().server(S3).orElseThrow().reason()).contains("not synced");
    sim.membership(new MembershipEvent.MarkVoter(S3, 4));
    assertThat(sim.persisted().server(S3).orElseThrow().identity().membership()).isEqualTo(Membership.VOTER);
    assertThat(sim.persisted().server(S3).orElseThrow().reason()).isEmpty();
  }

  @Test
  public void aVolumeFoundEmptyOnRestartNeverVotesUnderItsOldMyid() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    List<TaskInfo> tasks = bootstrap(sim);
    running(sim, tasks);
    sim.membership(new MembershipEvent.ConfigObserved(0x100000000L,
        DynamicConfig.parse(spec(tasks.get(0)).dynamicConfig().orElseThrow())));
    TaskInfo failed = tasks.get(0);
    ServerId owner = spec(failed).serverId();
    int agent = Integer.parseInt(failed.getAgentId().getValue().substring(1));
    sim.update(failed, Protos.TaskState.TASK_FAILED);
    sim.offer(agent, SchedulerSimulation.reservedOf(failed));
    TaskInfo restart = sim.mesos.launched().get(sim.mesos.launched().size() - 1);
    assertThat(spec(restart).configSource()).isEqualTo(ConfigSource.RESTART);

    sim.update(restart.getTaskId().getValue(), restart.getAgentId().getValue(), Protos.TaskState.TASK_FAILED,
        Optional.of(SchedulerSimulation.report(restart, false)));
    ClusterState state = sim.persisted();
    assertThat(state.server(owner).orElseThrow().reservation()).isEmpty();
    assertThat(state.server(owner).orElseThrow().identity().myid()).isEmpty();
    assertThat(state.releases()).hasSize(1);
    assertThat(state.ensemble().retiredMyids()).contains(spec(failed).myid());

    sim.mesos.clear();
    sim.tasks.advance(Duration.ofSeconds(6)); // the second failure in a row waits the failover delay
    sim.offer(agent, SchedulerSimulation.reservedOf(failed));
    List<Call> accepts = sim.mesos.ofType(Call.Type.ACCEPT);
    assertThat(accepts).hasSize(1);
    assertThat(accepts.get(0).getAccept().getOperationsList()).extracting(Operation::getType)
        .containsExactly(Operation.Type.RESERVE, Operation.Type.CREATE, Operation.Type.LAUNCH,
            Operation.Type.DESTROY, Operation.Type.UNRESERVE);
    LaunchSpec joined = spec(sim.mesos.launched().get(0));
    assertThat(joined.configSource()).isEqualTo(ConfigSource.JOIN);
    assertThat(joined.myid()).isEqualTo(4);
  }

  @Test
  public void aVolumeFoundEmptyOnARestartLaunchedBeforeTheSchedulerRestartedIsStillLost() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    List<TaskInfo> tasks = bootstrap(sim);
    running(sim, tasks);
    sim.membership(new MembershipEvent.ConfigObserved(0x100000000L,
        DynamicConfig.parse(spec(tasks.get(0)).dynamicConfig().orElseThrow())));
    TaskInfo failed = tasks.get(0);
    ServerId owner = spec(failed).serverId();
    int oldMyid = spec(failed).myid();
    int agent = Integer.parseInt(failed.getAgentId().getValue().substring(1));
    sim.update(failed, Protos.TaskState.TASK_FAILED);
    sim.offer(agent, SchedulerSimulation.reservedOf(failed));
    TaskInfo restart = sim.mesos.launched().get(sim.mesos.launched().size() - 1);
    assertThat(spec(restart).configSource()).isEqualTo(ConfigSource.RESTART);
    Reservation volume = sim.persisted().server(owner).orElseThrow().reservation().orElseThrow();
    assertThat(sim.persisted().server(owner).orElseThrow().task().orElseThrow().launchedAs())
        .contains(LaunchKind.RESTART);

    // A new life: only the persisted state knows how the task was launched.
    SchedulerSimulation again = sim.restart();
    again.subscribed("fw-1");
    again.mesos.clear();
    again.update(restart.getTaskId().getValue(), restart.getAgentId().getValue(), Protos.TaskState.TASK_RUNNING,
        Optional.of(SchedulerSimulation.report(restart, false)));
    ClusterState state = again.persisted();
    assertThat(state.releases()).containsExactly(volume);
    assertThat(state.server(owner).orElseThrow().reservation()).isEmpty();
    assertThat(state.server(owner).orElseThrow().identity().myid()).isEmpty();
    assertThat(state.ensemble().retiredMyids()).contains(oldMyid);
    assertThat(again.mesos.ofType(Call.Type.KILL)).extracting(c -> c.getKill().getTaskId().getValue())
        .containsExactly(restart.getTaskId().getValue());

    again.update(restart.getTaskId().getValue(), restart.getAgentId().getValue(), Protos.TaskState.TASK_KILLED,
        Optional.empty());
    again.mesos.clear();
    again.tasks.advance(Duration.ofMinutes(1));
    again.offer(agent, SchedulerSimulation.reservedOf(failed));
    List<TaskInfo> launched = again.mesos.launched();
    assertThat(launched).hasSize(1);
    LaunchSpec joined = spec(launched.get(0));
    assertThat(joined.serverId()).isEqualTo(owner);
    assertThat(joined.configSource()).isEqualTo(ConfigSource.JOIN);
    assertThat(joined.myid()).isNotEqualTo(oldMyid).isEqualTo(4);
    assertThat(again.persisted().server(owner).orElseThrow().task().orElseThrow().launchedAs())
        .contains(LaunchKind.JOIN);
  }

  @Test
  public void removeLeavesTheEnsembleThenKillsAndDestroysTheVolume() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    List<TaskInfo> tasks = bootstrap(sim);
    running(sim, tasks);
    tasks.forEach(t -> sim.membership(new MembershipEvent.MarkVoter(spec(t).serverId(), spec(t).myid())));
    sim.command(add("3"));
    sim.command(start("3"));
    sim.membership(new MembershipEvent.ConfigObserved(0x100000000L,
        DynamicConfig.parse(spec(tasks.get(0)).dynamicConfig().orElseThrow())));
    sim.offer(4);
    TaskInfo joiner = sim.mesos.launched().get(3);
    sim.update(joiner, Protos.TaskState.TASK_RUNNING);
    sim.membership(new MembershipEvent.MarkVoter(S3, 4));
    sim.mesos.clear();

    int pokes = sim.mesos.pokes;
    sim.command(new ClusterCommand.Remove(IdExpression.parse("3"), false));
    assertThat(sim.persisted().server(S3).orElseThrow().identity().membership()).isEqualTo(Membership.LEAVING);
    assertThat(sim.mesos.ofType(Call.Type.KILL)).as("not killed before it left").isEmpty();
    assertThat(sim.mesos.pokes).isGreaterThan(pokes);

    sim.membership(new MembershipEvent.MarkLeft(S3, 4));
    assertThat(sim.mesos.ofType(Call.Type.KILL)).hasSize(1);
    sim.update(joiner, Protos.TaskState.TASK_KILLED);
    assertThat(types(sim.mesos.calls)).as("offers flow so the volume can be destroyed").contains(Call.Type.REVIVE);
    ClusterState state = sim.persisted();
    assertThat(state.server(S3)).isEmpty();
    assertThat(state.releases()).hasSize(1);

    sim.mesos.clear();
    sim.offer(4, SchedulerSimulation.reservedOf(joiner));
    assertThat(sim.mesos.ofType(Call.Type.ACCEPT).get(0).getAccept().getOperationsList()).extracting(Operation::getType)
        .containsExactly(Operation.Type.DESTROY, Operation.Type.UNRESERVE);
    sim.offer(4);
    assertThat(sim.persisted().releases()).as("the volume is gone from the agent's offers").isEmpty();
  }

  @Test
  public void aFencedSaveStopsTheLoop() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    sim.command(add("0..2"));
    long version = sim.store.read().orElseThrow().version();
    sim.store.compareAndSet(sim.store.read().orElseThrow().value(), version);

    var refused = sim.submit(start("0..2"));
    assertThat(refused).isCompletedExceptionally();
    assertThat(sim.stops).hasSize(1);
    assertThat(sim.stops.get(0)).contains("another writer");
    assertThat(sim.loop.isStopped()).isTrue();
    assertThat(sim.submit(add("5"))).isCompletedExceptionally();
    assertThat(sim.mesos.calls).isEmpty();
  }

  @Test
  public void badCommandsChangeNothing() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    sim.command(add("0"));
    long version = sim.store.read().orElseThrow().version();
    assertThat(sim.submit(add("0"))).isCompletedExceptionally();
    assertThat(sim.submit(new ClusterCommand.Add(IdExpression.parse("1"), Map.of("cpu", "-1"))))
        .isCompletedExceptionally();
    assertThat(sim.store.read().orElseThrow().version()).isEqualTo(version);
  }

  @Test
  public void suppressesWhenNothingWaits() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation();
    List<TaskInfo> tasks = bootstrap(sim);
    List<Call.Type> sent = types(sim.mesos.calls);
    assertThat(sent.subList(sent.lastIndexOf(Call.Type.ACCEPT), sent.size())).as("all launched: nothing waits")
        .containsExactly(Call.Type.ACCEPT, Call.Type.SUPPRESS);
    running(sim, tasks);
    sim.mesos.clear();
    sim.offer(4);
    assertThat(types(sim.mesos.calls)).containsExactly(Call.Type.DECLINE);
    assertThat(sim.mesos.calls.get(0).getDecline().getFilters().getRefuseSeconds()).isGreaterThan(60);

    sim.command(add("3"));
    sim.mesos.clear();
    sim.command(start("3"));
    assertThat(types(sim.mesos.calls)).containsExactly(Call.Type.REVIVE);
  }
}

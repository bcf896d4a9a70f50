package org.exhibitormesos.scheduler.loop;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.exhibitormesos.core.cluster.CommandOutcome;
import org.exhibitormesos.core.ids.IdExpression;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.launch.LaunchSpecCodec;
import org.exhibitormesos.core.launch.TaskReport;
import org.exhibitormesos.core.launch.TaskReportCodec;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.core.state.StateCodec;
import org.exhibitormesos.core.state.StateRepository;
import org.exhibitormesos.core.state.store.MemoryStateStore;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.Versioned;
import org.exhibitormesos.scheduler.mesos.ExecutorArtifacts;
import org.exhibitormesos.scheduler.mesos.OfferHandler;
import org.exhibitormesos.scheduler.membership.MembershipEvent;

/**
 * The scheduler's state loop over an in-memory store and a fake Mesos, run on the test's thread:
 * send it commands and Mesos events, look at the calls it sent and at what it persisted.
 */
final class SchedulerSimulation {
  static final String ROLE = "exhibitor";
  static final String SECRET = "simulation-secret-0123456789";
  static final String BUNDLE_URL = "http://127.0.0.1:7000/artifacts/exhibitor-bundle.tar.gz";
  static final Protos.Resource.AllocationInfo ALLOC = Protos.Resource.AllocationInfo.newBuilder().setRole(ROLE).build();

  final MemoryStateStore store;
  final StateRepository repository;
  final ManualLoopTasks tasks = new ManualLoopTasks();
  final FakeMesos mesos = new FakeMesos();
  final List<String> stops = new ArrayList<>();
  final StateLoop loop;
  private final AtomicInteger offers = new AtomicInteger();
  private final AtomicInteger uuids = new AtomicInteger();

  SchedulerSimulation() throws Exception {
    this(new MemoryStateStore("simulation"));
  }

  SchedulerSimulation(MemoryStateStore store) throws Exception {
    this(store, ServerMode.NATIVE);
  }

  /** A scheduler whose {@code --mode} is {@code mode}; Exhibitor mode also serves the Exhibitor bundle. */
  SchedulerSimulation(MemoryStateStore store, ServerMode mode) throws Exception {
    this.store = store;
    this.repository = new StateRepository(store, new StateCodec());
    Optional<Versioned<ClusterState>> loaded = repository.load();
    ExecutorArtifacts artifacts = new ExecutorArtifacts("http://127.0.0.1:7000/artifacts/executor.jar", "executor.jar",
        "http://127.0.0.1:7000/artifacts/zookeeper-dist.tar.gz", ExecutorArtifacts.LOW_MEMORY_JVM,
        mode == ServerMode.EXHIBITOR ? Optional.of(BUNDLE_URL) : Optional.empty());
    LoopHandlers handlers = LoopHandlers.create(new LoopHandlers.Settings(ROLE, Optional.of("em"), mode,
        artifacts, OfferHandler.Settings.DEFAULT), () -> "u" + uuids.incrementAndGet());
    loop = new StateLoop(repository, loaded.map(Versioned::value).orElse(ClusterState.initial(SECRET)),
        loaded.map(Versioned::version).orElse(StateStore.ABSENT), tasks, tasks.clock, handlers, mesos, stops::add);
    loop.start();
    tasks.run();
  }

  /** A scheduler restarted on the same store (a new life: nothing in memory survives). */
  SchedulerSimulation restart() throws Exception {
    loop.close();
    return new SchedulerSimulation(store.reopen());
  }

  ClusterState persisted() throws Exception {
    return repository.load().orElseThrow().value();
  }

  CommandOutcome command(ClusterCommand command) throws Exception {
    CompletableFuture<CommandOutcome> f = loop.submit(command);
    tasks.run();
    return f.getNow(null);
  }

  CompletableFuture<CommandOutcome> submit(ClusterCommand command) {
    CompletableFuture<CommandOutcome> f = loop.submit(command);
    tasks.run();
    return f;
  }

  static ClusterCommand.Add add(String ids) {
    return new ClusterCommand.Add(IdExpression.parse(ids), Map.of());
  }

  static ClusterCommand.Start start(String ids) {
    return new ClusterCommand.Start(IdExpression.parse(ids));
  }

  void subscribed(String frameworkId) {
    loop.onSubscribed(frameworkId);
    tasks.run();
  }

  void membership(MembershipEvent event) {
    loop.onMembership(event);
    tasks.run();
  }

  /** An offer of unreserved resources from agent {@code n} (host 127.0.0.{n+1}) plus {@code extra}. */
  Protos.Offer offer(int n, List<Resource> extra) {
    Protos.Offer offer = Protos.Offer.newBuilder().setId(OfferID.newBuilder().setValue("O" + offers.incrementAndGet()))
        .setFrameworkId(FrameworkID.newBuilder().setValue("F")).setAgentId(AgentID.newBuilder().setValue("S" + n))
        .setHostname("127.0.0." + (n + 1)).setAllocationInfo(ALLOC)
        .addResources(scalar("cpus", 2)).addResources(scalar("mem", 2048)).addResources(scalar("disk", 10240))
        .addResources(Resource.newBuilder().setName("ports").setType(Value.Type.RANGES).setRole("*")
            .setAllocationInfo(ALLOC).setRanges(Value.Ranges.newBuilder()
                .addRange(Value.Range.newBuilder().setBegin(31000).setEnd(32000))))
        .addAllResources(extra).build();
    loop.onOffers(List.of(offer));
    tasks.run();
    return offer;
  }

  Protos.Offer offer(int n) {
    return offer(n, List.of());
  }

  /** What an agent offers back for a task launched with reserved resources and a volume. */
  static List<Resource> reservedOf(TaskInfo task) {
    return task.getResourcesList().stream().filter(Resource::hasReservation).toList();
  }

  void update(String taskId, String agentId, Protos.TaskState state, Optional<TaskReport> report) {
    TaskStatus.Builder s = TaskStatus.newBuilder().setTaskId(TaskID.newBuilder().setValue(taskId))
        .setAgentId(AgentID.newBuilder().setValue(agentId)).setState(state)
        .setSource(TaskStatus.Source.SOURCE_EXECUTOR)
        .setUuid(ByteString.copyFrom(UUID.randomUUID().toString().substring(0, 16).getBytes()));
    report.ifPresent(r -> s.setData(ByteString.copyFrom(TaskReportCodec.encode(r))));
    loop.onUpdate(s.build());
    tasks.run();
  }

  void update(TaskInfo task, Protos.TaskState state) {
    update(task.getTaskId().getValue(), task.getAgentId().getValue(), state, Optional.of(report(task, true)));
  }

  static TaskReport report(TaskInfo task, boolean dataFound) {
    LaunchSpec spec = spec(task);
    return TaskReport.atLaunch(dataFound, Optional.empty(), Optional.empty(), spec.host(), spec.ports());
  }

  static LaunchSpec spec(TaskInfo task) {
    return LaunchSpecCodec.decode(task.getData().toByteArray());
  }

  static Resource scalar(String name, double v) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR).setRole("*").setAllocationInfo(ALLOC)
        .setScalar(Value.Scalar.newBuilder().setValue(v)).build();
  }

  static List<Call.Type> types(List<Call> calls) {
    return calls.stream().map(Call::getType).toList();
  }
}

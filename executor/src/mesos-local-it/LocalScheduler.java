package org.exhibitormesos.executor.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.master.StaticMasterDetector;
import org.exhibitormesos.mesos.http.scheduler.Disconnect;
import org.exhibitormesos.mesos.http.scheduler.MesosSchedulerClient;
import org.exhibitormesos.mesos.http.scheduler.SchedulerClientConfig;
import org.exhibitormesos.mesos.http.scheduler.SchedulerListener;

/**
 * A plain test scheduler over mesos-http's client: takes offers, launches one task with the real
 * executor (its jar run by {@code java}, the ZooKeeper distribution fetched and extracted into
 * the sandbox), acknowledges and records every status update, kills tasks.
 */
public final class LocalScheduler implements AutoCloseable {
  private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor();
  private final StaticMasterDetector detector;
  private final MesosSchedulerClient client;
  private final BlockingQueue<Offer> offers = new LinkedBlockingQueue<>();
  private final BlockingQueue<TaskStatus> updates = new LinkedBlockingQueue<>();
  private final List<TaskStatus> seen = new ArrayList<>();
  private volatile FrameworkID frameworkId;

  public LocalScheduler(HostAndPort master) {
    detector = new StaticMasterDetector(List.of(master));
    client = new MesosSchedulerClient(detector, () -> {
      FrameworkInfo.Builder info = FrameworkInfo.newBuilder().setUser("zk")
          .setName("executor-it").setCheckpoint(true);
      if (frameworkId != null) {
        info.setId(frameworkId);
      }
      return info.build();
    }, new Listener(), SchedulerClientConfig.defaults(), events, Clock.systemUTC());
    detector.start();
    client.start();
  }

  private final class Listener implements SchedulerListener {
    @Override
    public void onSubscribed(Event.Subscribed subscribed, HostAndPort master) {
      frameworkId = subscribed.getFrameworkId();
    }

    @Override
    public void onEvent(Event event) {
      if (event.getType() == Event.Type.OFFERS) {
        offers.addAll(event.getOffers().getOffersList());
      } else if (event.getType() == Event.Type.UPDATE) {
        TaskStatus status = event.getUpdate().getStatus();
        synchronized (seen) {
          seen.add(status);
        }
        updates.add(status);
        if (status.hasUuid()) {
          client.send(call(Call.Type.ACKNOWLEDGE).setAcknowledge(Call.Acknowledge.newBuilder()
              .setAgentId(status.getAgentId()).setTaskId(status.getTaskId())
              .setUuid(status.getUuid())).build());
        }
      }
    }

    @Override
    public void onDisconnected(Disconnect reason) {}
  }

  private Call.Builder call(Call.Type type) {
    return Call.newBuilder().setType(type).setFrameworkId(frameworkId);
  }

  /** The next offer; fails after 30 s. */
  public Offer nextOffer() throws InterruptedException {
    Offer offer = offers.poll(30, TimeUnit.SECONDS);
    if (offer == null) {
      throw new AssertionError("no offer within 30 s");
    }
    return offer;
  }

  /** Four ports from the start of the offer's port ranges. */
  public static Ports ports(Offer offer) {
    for (Resource r : offer.getResourcesList()) {
      if (r.getName().equals("ports")) {
        long begin = r.getRanges().getRange(0).getBegin();
        return new Ports((int) begin, (int) begin + 1, (int) begin + 2, (int) begin + 3);
      }
    }
    throw new AssertionError("offer without ports: " + offer);
  }

  /**
   * Launches {@code taskId} on {@code offer}: its data made by {@code data} from the offer's
   * host and ports, with the executor's jar and the ZooKeeper distribution from this build.
   */
  public TaskInfo launch(Offer offer, String taskId, Function<Ports, byte[]> data)
      throws Exception {
    Ports ports = ports(offer);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    CommandInfo.Builder command = CommandInfo.newBuilder().setShell(false).setValue(java)
        .addArguments(java);
    ExecutorRun.EXECUTOR_JVM.forEach(command::addArguments);
    command.addArguments("-jar").addArguments(ExecutorRun.executorJar().toAbsolutePath().toString())
        .addUris(CommandInfo.URI.newBuilder()
            .setValue("file://" + ExecutorRun.zookeeperDist().toAbsolutePath()).setExtract(true)
            .setOutputFile("zookeeper-dist.tar.gz"))
        .setEnvironment(Environment.newBuilder().addVariables(Environment.Variable.newBuilder()
            .setName("JAVA_HOME").setValue(System.getProperty("java.home"))));
    ExecutorInfo executor = ExecutorInfo.newBuilder().setType(ExecutorInfo.Type.CUSTOM)
        .setExecutorId(ExecutorID.newBuilder().setValue("executor-" + taskId))
        .setCommand(command)
        .addResources(scalar("cpus", 0.1)).addResources(scalar("mem", 96))
        .build();
    TaskInfo task = TaskInfo.newBuilder().setName(taskId)
        .setTaskId(TaskID.newBuilder().setValue(taskId)).setAgentId(offer.getAgentId())
        .setExecutor(executor)
        .addResources(scalar("cpus", 0.5)).addResources(scalar("mem", 256))
        .addResources(Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
            .setRanges(Value.Ranges.newBuilder().addRange(Value.Range.newBuilder()
                .setBegin(ports.client()).setEnd(ports.admin()))))
        .setData(com.google.protobuf.ByteString.copyFrom(data.apply(ports)))
        .build();
    client.send(call(Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder()
        .addOfferIds(offer.getId())
        .addOperations(Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH)
            .setLaunch(Offer.Operation.Launch.newBuilder().addTaskInfos(task)))).build())
        .get(10, TimeUnit.SECONDS);
    return task;
  }

  public CompletableFuture<Void> kill(TaskInfo task, Duration grace) {
    return client.send(call(Call.Type.KILL).setKill(Call.Kill.newBuilder()
        .setTaskId(task.getTaskId()).setAgentId(task.getAgentId())
        .setKillPolicy(KillPolicy.newBuilder().setGracePeriod(
            DurationInfo.newBuilder().setNanoseconds(grace.toNanos())))).build());
  }

  /** The next update matching {@code match}; fails after {@code timeout}. */
  public TaskStatus awaitUpdate(Predicate<TaskStatus> match, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      TaskStatus s = left > 0 ? updates.poll(left, TimeUnit.NANOSECONDS) : null;
      if (s == null) {
        synchronized (seen) {
          throw new AssertionError("timed out after " + timeout + " waiting for " + what
              + "; updates: " + seen.stream().map(u -> u.getState() + " " + u.getSource() + " ("
              + u.getMessage() + ")").toList());
        }
      }
      if (match.test(s)) {
        return s;
      }
    }
  }

  private static Resource scalar(String name, double value) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
  }

  @Override
  public void close() {
    client.close();
    detector.close();
    events.shutdownNow();
  }
}

package org.exhibitormesos.executor.testing;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Offer.Operation;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.Protos.Volume;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.launch.LaunchSpecCodec;
import org.exhibitormesos.core.server.Ports;

/**
 * Tasks and offer operations for the real executor under mesos-local, as the scheduler would
 * build them: a custom executor whose command runs this build's executor jar with the test JVM
 * options and whose URI is this build's ZooKeeper distribution ({@code file://}, extracted by the
 * fetcher), the launch spec as task data, four ports, a kill policy and optionally a persistent
 * volume of role {@value LocalScheduler#ROLE}.
 */
public final class LocalTasks {
  /** The executor's and the task's resources. */
  private static final double EXECUTOR_CPUS = 0.1;
  private static final double EXECUTOR_MEM = 96;
  private static final double TASK_CPUS = 0.5;
  private static final double TASK_MEM = 256;

  private LocalTasks() {}

  /** Four ports from the start of the offers' port ranges. */
  public static Ports ports(List<Offer> offers) {
    for (Offer offer : offers) {
      for (Resource r : offer.getResourcesList()) {
        if (r.getName().equals("ports") && r.getRanges().getRangeCount() > 0) {
          long begin = r.getRanges().getRange(0).getBegin();
          return new Ports((int) begin, (int) begin + 1, (int) begin + 2, (int) begin + 3);
        }
      }
    }
    throw new AssertionError("offers without ports: " + offers);
  }

  /** Whether the offers hold every one of {@code ports}. */
  public static boolean offersPorts(List<Offer> offers, Ports ports) {
    return ports.asList().stream().allMatch(p -> offers.stream()
        .flatMap(o -> o.getResourcesList().stream())
        .filter(r -> r.getName().equals("ports"))
        .flatMap(r -> r.getRanges().getRangeList().stream())
        .anyMatch(range -> range.getBegin() <= p && p <= range.getEnd()));
  }

  /** The persistent volume {@code id} if the offers hold it. */
  public static Optional<Resource> offeredVolume(List<Offer> offers, String id) {
    return offers.stream().flatMap(o -> o.getResourcesList().stream())
        .filter(r -> r.hasDisk() && r.getDisk().hasPersistence()
            && r.getDisk().getPersistence().getId().equals(id))
        .findFirst();
  }

  /** A volume of {@code mb} MB with persistence {@code id}, mounted at {@code containerPath}. */
  public static Resource volume(double mb, String id, String containerPath) {
    return reservedDisk(mb).toBuilder().setDisk(Resource.DiskInfo.newBuilder()
        .setPersistence(Resource.DiskInfo.Persistence.newBuilder().setId(id)
            .setPrincipal(LocalScheduler.PRINCIPAL))
        .setVolume(Volume.newBuilder()
            .setContainerPath(containerPath)
            .setMode(Volume.Mode.RW)))
        .build();
  }

  /** Disk dynamically reserved to the framework's role (pre-refinement format). */
  public static Resource reservedDisk(double mb) {
    return scalar("disk", mb).toBuilder().setRole(LocalScheduler.ROLE)
        .setReservation(Resource.ReservationInfo.newBuilder()
            .setPrincipal(LocalScheduler.PRINCIPAL))
        .build();
  }

  public static Operation reserve(Resource... resources) {
    return Operation.newBuilder().setType(Operation.Type.RESERVE)
        .setReserve(Operation.Reserve.newBuilder().addAllResources(List.of(resources))).build();
  }

  public static Operation create(Resource volume) {
    return Operation.newBuilder().setType(Operation.Type.CREATE)
        .setCreate(Operation.Create.newBuilder().addVolumes(volume)).build();
  }

  public static Operation launch(TaskInfo task) {
    return Operation.newBuilder().setType(Operation.Type.LAUNCH)
        .setLaunch(Operation.Launch.newBuilder().addTaskInfos(task)).build();
  }

  /**
   * Task {@code taskId} for {@code spec} on {@code agent}, run by its own executor
   * {@code executor-<taskId>}, killed with {@code grace}; with {@code volume} among its resources
   * when given.
   */
  public static TaskInfo task(String taskId, AgentID agent, LaunchSpec spec, Duration grace,
      Optional<Resource> volume) {
    TaskInfo.Builder task = TaskInfo.newBuilder().setName(taskId)
        .setTaskId(TaskID.newBuilder().setValue(taskId)).setAgentId(agent)
        .setExecutor(executor("executor-" + taskId))
        .addResources(scalar("cpus", TASK_CPUS)).addResources(scalar("mem", TASK_MEM))
        .addResources(ports(spec.ports()))
        .setKillPolicy(KillPolicy.newBuilder().setGracePeriod(
            DurationInfo.newBuilder().setNanoseconds(grace.toNanos())))
        .setData(ByteString.copyFrom(LaunchSpecCodec.encode(spec)));
    volume.ifPresent(task::addResources);
    return task.build();
  }

  private static ExecutorInfo executor(String executorId) {
    String javaHome = System.getProperty("java.home");
    String java = Path.of(javaHome, "bin", "java").toString();
    CommandInfo.Builder command = CommandInfo.newBuilder().setShell(false).setValue(java)
        .addArguments("java");
    ExecutorRun.EXECUTOR_JVM.forEach(command::addArguments);
    command.addArguments("-jar")
        .addArguments(ExecutorRun.executorJar().toAbsolutePath().toString())
        .addUris(CommandInfo.URI.newBuilder()
            .setValue("file://" + ExecutorRun.zookeeperDist().toAbsolutePath())
            .setExtract(true).setOutputFile("zookeeper-dist.tar.gz"))
        .setEnvironment(Environment.newBuilder().addVariables(Environment.Variable.newBuilder()
            .setName("JAVA_HOME").setValue(javaHome)));
    return ExecutorInfo.newBuilder().setType(ExecutorInfo.Type.CUSTOM)
        .setExecutorId(ExecutorID.newBuilder().setValue(executorId))
        .setCommand(command)
        .addResources(scalar("cpus", EXECUTOR_CPUS)).addResources(scalar("mem", EXECUTOR_MEM))
        .build();
  }

  private static Resource ports(Ports ports) {
    // Coalesced, as Mesos keeps ranges: adjacent ports form one range.
    Value.Ranges.Builder ranges = Value.Ranges.newBuilder();
    long begin = -1;
    long end = -1;
    for (int p : ports.asList().stream().sorted().toList()) {
      if (p != end + 1) {
        if (begin >= 0) {
          ranges.addRange(Value.Range.newBuilder().setBegin(begin).setEnd(end));
        }
        begin = p;
      }
      end = p;
    }
    ranges.addRange(Value.Range.newBuilder().setBegin(begin).setEnd(end));
    return Resource.newBuilder().setName("ports").setType(Value.Type.RANGES).setRanges(ranges)
        .build();
  }

  private static Resource scalar(String name, double value) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
  }
}

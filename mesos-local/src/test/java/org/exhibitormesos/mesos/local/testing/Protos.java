package org.exhibitormesos.mesos.local.testing;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Call;

/** Protobuf builders for tests that use the project's own client. */
public final class Protos {
  private Protos() {}

  public static FrameworkInfo framework(boolean checkpoint) {
    return FrameworkInfo.newBuilder().setUser("test").setName("mesos-local test")
        .setFailoverTimeout(60).setCheckpoint(checkpoint).build();
  }

  public static Resource scalar(String name, double v) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(v)).build();
  }

  public static TaskInfo task(String id, AgentID agent, String executor) {
    return TaskInfo.newBuilder().setName(id).setTaskId(TaskID.newBuilder().setValue(id))
        .setAgentId(agent).addResources(scalar("cpus", 0.2)).addResources(scalar("mem", 64))
        .setExecutor(ExecutorInfo.newBuilder().setExecutorId(ExecutorID.newBuilder()
            .setValue(executor)).setCommand(CommandInfo.newBuilder().setValue("unused")))
        .build();
  }

  public static Call launch(Offer offer, TaskInfo... tasks) {
    return Call.newBuilder().setType(Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder()
        .addOfferIds(offer.getId()).addOperations(Offer.Operation.newBuilder()
            .setType(Offer.Operation.Type.LAUNCH).setLaunch(Offer.Operation.Launch.newBuilder()
                .addAllTaskInfos(java.util.List.of(tasks))))
        .setFilters(Filters.newBuilder().setRefuseSeconds(0))).build();
  }

  public static Call acknowledge(TaskStatus status) {
    return Call.newBuilder().setType(Call.Type.ACKNOWLEDGE).setAcknowledge(
        Call.Acknowledge.newBuilder().setAgentId(status.getAgentId()).setTaskId(status.getTaskId())
            .setUuid(status.getUuid())).build();
  }

  public static Call kill(String task) {
    return Call.newBuilder().setType(Call.Type.KILL).setKill(Call.Kill.newBuilder()
        .setTaskId(TaskID.newBuilder().setValue(task))).build();
  }

  public static Call reconcile(String task, AgentID agent) {
    return Call.newBuilder().setType(Call.Type.RECONCILE).setReconcile(Call.Reconcile.newBuilder()
        .addTasks(Call.Reconcile.Task.newBuilder().setTaskId(TaskID.newBuilder().setValue(task))
            .setAgentId(agent))).build();
  }
}

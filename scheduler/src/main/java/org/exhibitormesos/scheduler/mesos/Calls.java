package org.exhibitormesos.scheduler.mesos;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Offer.Operation;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * The scheduler calls this framework sends, without {@code framework_id} (the client fills it in
 * from the live subscription).
 */
public final class Calls {
  private Calls() {
  }

  /** A task to ask about, with its agent when known. */
  public record TaskRef(String taskId, String agentId) { }

  public static Call accept(String offerId, List<Operation> operations, Duration refuse) {
    return Call.newBuilder().setType(Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder()
        .addOfferIds(OfferID.newBuilder().setValue(offerId)).addAllOperations(operations)
        .setFilters(filters(refuse))).build();
  }

  public static Call decline(Collection<String> offerIds, Duration refuse) {
    Call.Decline.Builder d = Call.Decline.newBuilder().setFilters(filters(refuse));
    offerIds.forEach(id -> d.addOfferIds(OfferID.newBuilder().setValue(id)));
    return Call.newBuilder().setType(Call.Type.DECLINE).setDecline(d).build();
  }

  public static Call kill(String taskId, String agentId) {
    Call.Kill.Builder k = Call.Kill.newBuilder().setTaskId(TaskID.newBuilder().setValue(taskId));
    if (agentId != null && !agentId.isEmpty()) {
      k.setAgentId(AgentID.newBuilder().setValue(agentId));
    }
    return Call.newBuilder().setType(Call.Type.KILL).setKill(k).build();
  }

  public static Call acknowledge(String agentId, String taskId, ByteString uuid) {
    return Call.newBuilder().setType(Call.Type.ACKNOWLEDGE).setAcknowledge(Call.Acknowledge.newBuilder()
        .setAgentId(AgentID.newBuilder().setValue(agentId)).setTaskId(TaskID.newBuilder().setValue(taskId))
        .setUuid(uuid)).build();
  }

  /** Explicit reconciliation of {@code tasks}; an empty list asks implicitly for every task. */
  public static Call reconcile(Collection<TaskRef> tasks) {
    Call.Reconcile.Builder r = Call.Reconcile.newBuilder();
    for (TaskRef t : tasks) {
      Call.Reconcile.Task.Builder task = Call.Reconcile.Task.newBuilder().setTaskId(TaskID.newBuilder().setValue(t.taskId()));
      if (t.agentId() != null && !t.agentId().isEmpty()) {
        task.setAgentId(AgentID.newBuilder().setValue(t.agentId()));
      }
      r.addTasks(task);
    }
    return Call.newBuilder().setType(Call.Type.RECONCILE).setReconcile(r).build();
  }

  public static Call revive(String role) {
    return Call.newBuilder().setType(Call.Type.REVIVE).setRevive(Call.Revive.newBuilder().addRoles(role)).build();
  }

  public static Call suppress(String role) {
    return Call.newBuilder().setType(Call.Type.SUPPRESS).setSuppress(Call.Suppress.newBuilder().addRoles(role)).build();
  }

  private static Filters filters(Duration refuse) {
    return Filters.newBuilder().setRefuseSeconds(refuse.toMillis() / 1000.0).build();
  }

  /** One line for logs: the call's type and what it names. */
  public static String describe(Call call) {
    return switch (call.getType()) {
      case ACCEPT -> "ACCEPT " + call.getAccept().getOfferIdsList().stream().map(OfferID::getValue).toList() + " "
          + call.getAccept().getOperationsList().stream().map(o -> o.getType().name()).toList();
      case DECLINE -> "DECLINE " + call.getDecline().getOfferIdsList().stream().map(OfferID::getValue).toList()
          + " for " + call.getDecline().getFilters().getRefuseSeconds() + "s";
      case KILL -> "KILL " + call.getKill().getTaskId().getValue();
      case ACKNOWLEDGE -> "ACKNOWLEDGE " + call.getAcknowledge().getTaskId().getValue();
      case RECONCILE -> "RECONCILE " + (call.getReconcile().getTasksCount() == 0 ? "(implicit)"
          : call.getReconcile().getTasksList().stream().map(t -> t.getTaskId().getValue()).toList());
      default -> call.getType().name();
    };
  }
}

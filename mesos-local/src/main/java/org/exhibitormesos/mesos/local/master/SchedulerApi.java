package org.exhibitormesos.mesos.local.master;

import java.util.Optional;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.exhibitormesos.mesos.http.executor.TaskStatusUuids;

/**
 * Non-SUBSCRIBE scheduler calls ({@code Master::Http::scheduler}): validation with the real status
 * codes, then dispatch to the component that owns the behaviour.
 */
final class SchedulerApi {
  private static final Logger LOG = LogManager.getLogger(SchedulerApi.class);
  private final MasterState state;
  private final Allocator allocator;
  private final AcceptProcessor accepts;
  private final StatusUpdates updates;
  private final Reconciler reconciler;
  private final Containers containers;
  private final FrameworkLifecycle lifecycle;

  SchedulerApi(MasterState state, Allocator allocator, AcceptProcessor accepts,
      StatusUpdates updates, Reconciler reconciler, Containers containers,
      FrameworkLifecycle lifecycle) {
    this.state = state;
    this.allocator = allocator;
    this.accepts = accepts;
    this.updates = updates;
    this.reconciler = reconciler;
    this.containers = containers;
    this.lifecycle = lifecycle;
  }

  Answer call(Call call, Optional<String> streamId, Optional<String> principal) {
    if (call.getType() == Call.Type.UNKNOWN) {
      return new Answer(501, "Received an unknown call type");
    }
    if (!call.hasFrameworkId()) {
      return Answer.badRequest("Expecting 'framework_id' to be present");
    }
    Optional<String> invalid = payload(call);
    if (invalid.isPresent()) {
      return Answer.badRequest(invalid.get());
    }
    Framework fw = state.frameworks.get(call.getFrameworkId().getValue());
    if (fw == null) {
      return Answer.badRequest("Framework cannot be found");
    }
    if (principal.isPresent() && fw.info.hasPrincipal()
        && !fw.info.getPrincipal().equals(principal.get())) {
      return Answer.badRequest("Authenticated principal '" + principal.get() + "' does not match "
          + "principal '" + fw.info.getPrincipal() + "' set in `FrameworkInfo`");
    }
    if (!fw.connected()) {
      return Answer.forbidden("Framework is not subscribed");
    }
    if (streamId.isEmpty()) {
      return Answer.badRequest("All non-subscribe calls should include the 'Mesos-Stream-Id' header");
    }
    if (!streamId.get().equals(fw.streamId)) {
      return Answer.badRequest("The stream ID '" + streamId.get() + "' included in this request "
          + "didn't match the stream ID currently associated with framework ID "
          + fw.idValue());
    }
    LOG.debug("{} from framework {}", call.getType(), fw.idValue());
    switch (call.getType()) {
      case TEARDOWN -> lifecycle.remove(fw, "TEARDOWN");
      case ACCEPT -> accepts.accept(fw, call.getAccept());
      case DECLINE -> accepts.decline(fw, call.getDecline().getOfferIdsList(),
          call.getDecline().hasFilters() ? call.getDecline().getFilters() : null);
      case REVIVE -> allocator.revive(fw, call.getRevive().getRolesList());
      case SUPPRESS -> allocator.suppress(fw, call.getSuppress().getRolesList());
      case KILL -> kill(fw, call.getKill());
      case SHUTDOWN -> shutdown(fw, call.getShutdown());
      case ACKNOWLEDGE -> updates.acknowledge(fw, call.getAcknowledge().getTaskId().getValue(),
          call.getAcknowledge().getUuid());
      case RECONCILE -> reconciler.reconcile(fw, call.getReconcile());
      case MESSAGE -> message(fw, call.getMessage());
      case UPDATE_FRAMEWORK -> {
        return updateFramework(fw, call.getUpdateFramework());
      }
      default -> LOG.info("{} from framework {} ignored by mesos-local", call.getType(),
          fw.idValue());
    }
    return Answer.ACCEPTED;
  }

  private void kill(Framework fw, Call.Kill kill) {
    Task task = fw.tasks.get(kill.getTaskId().getValue());
    if (task == null) {
      LOG.info("KILL of unknown task {} of framework {}: answering as reconciliation",
          kill.getTaskId().getValue(), fw.idValue());
      reconciler.unknown(fw, kill.getTaskId(), kill.hasAgentId() ? kill.getAgentId() : null);
      return;
    }
    if (kill.hasAgentId() && !kill.getAgentId().equals(task.agent.id)) {
      LOG.info("KILL of task {} names agent {} but it runs on {}: ignored",
          task.idValue(), kill.getAgentId().getValue(), task.agent.idValue());
      return;
    }
    containers.kill(task);
  }

  private void shutdown(Framework fw, Call.Shutdown shutdown) {
    state.agent(shutdown.getAgentId().getValue())
        .map(a -> a.executor(fw.idValue(), shutdown.getExecutorId().getValue()))
        .ifPresentOrElse(containers::shutdown, () -> LOG.info(
            "SHUTDOWN of unknown executor {} on agent {}: ignored",
            shutdown.getExecutorId().getValue(), shutdown.getAgentId().getValue()));
  }

  private void message(Framework fw, Call.Message message) {
    state.agent(message.getAgentId().getValue())
        .map(a -> a.executor(fw.idValue(), message.getExecutorId().getValue()))
        .ifPresent(e -> e.send(org.apache.mesos.v1.executor.Protos.Event.newBuilder()
            .setType(org.apache.mesos.v1.executor.Protos.Event.Type.MESSAGE)
            .setMessage(org.apache.mesos.v1.executor.Protos.Event.Message.newBuilder()
                .setData(message.getData())).build()));
  }

  private Answer updateFramework(Framework fw, Call.UpdateFramework update) {
    FrameworkInfo info = update.getFrameworkInfo();
    if (!info.hasId() || !info.getId().equals(fw.id)) {
      return Answer.badRequest("'framework_info.id' must match 'framework_id'");
    }
    Optional<String> invalid = FrameworkRules.validate(info, Call.Subscribe.newBuilder()
        .setFrameworkInfo(info).addAllSuppressedRoles(update.getSuppressedRolesList()).build());
    if (invalid.isPresent()) {
      return Answer.badRequest(invalid.get());
    }
    if (!info.getUser().equals(fw.info.getUser())
        || info.getCheckpoint() != fw.info.getCheckpoint()
        || !info.getPrincipal().equals(fw.info.getPrincipal())) {
      return Answer.badRequest("'user', 'checkpoint' and 'principal' cannot be changed");
    }
    fw.info = info;
    fw.suppressedRoles.clear();
    fw.suppressedRoles.addAll(update.getSuppressedRolesList());
    allocator.discard(state.offers.values().stream()
        .filter(o -> o.framework() == fw && !fw.roles().contains(o.role())).toList());
    LOG.info("framework {} updated its FrameworkInfo", fw.idValue());
    return Answer.OK;
  }

  /** {@code validation::scheduler::call}: the sub-message of the type must be present. */
  private static Optional<String> payload(Call call) {
    boolean ok = switch (call.getType()) {
      case ACCEPT -> call.hasAccept();
      case DECLINE -> call.hasDecline();
      case KILL -> call.hasKill();
      case SHUTDOWN -> call.hasShutdown();
      case ACKNOWLEDGE -> call.hasAcknowledge();
      case RECONCILE -> call.hasReconcile();
      case MESSAGE -> call.hasMessage();
      case REQUEST -> call.hasRequest();
      case UPDATE_FRAMEWORK -> call.hasUpdateFramework();
      default -> true;
    };
    if (!ok) {
      return Optional.of("Expecting '" + call.getType().name().toLowerCase() + "' to be present");
    }
    if (call.getType() == Call.Type.ACKNOWLEDGE) {
      try {
        UUID uuid = TaskStatusUuids.fromBytes(call.getAcknowledge().getUuid());
        if (uuid.version() < 1 || uuid.version() > 5) {
          return Optional.of("Not a valid UUID");
        }
      } catch (IllegalArgumentException e) {
        return Optional.of("Not a valid UUID: " + e.getMessage());
      }
    }
    return Optional.empty();
  }

}

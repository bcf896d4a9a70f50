package org.exhibitormesos.mesos.local.master;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.Offer.Operation;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus.Reason;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.exhibitormesos.mesos.local.resources.ResourceFormats;
import org.exhibitormesos.mesos.local.resources.Resources;

/**
 * ACCEPT and DECLINE as {@code Master::accept}/{@code _accept} do them: offer validation first
 * (invalid -> every task LOST/DROPPED with REASON_INVALID_OFFERS), then the operations one after the
 * other against the pool of offered resources (a failing RESERVE/CREAT/... is dropped and the rest
 * goes on; a bad task gets TASK_ERROR), then the remainder is declined with the call's filters.
 */
final class AcceptProcessor {
  private static final Logger LOG = LogManager.getLogger(AcceptProcessor.class);
  private final MasterState state;
  private final Allocator allocator;
  private final Containers containers;

  AcceptProcessor(MasterState state, Allocator allocator, Containers containers) {
    this.state = state;
    this.allocator = allocator;
    this.containers = containers;
  }

  void decline(Framework fw, List<OfferID> offerIds, Filters filters) {
    for (OfferID id : offerIds) {
      Offer offer = state.offers.get(id.getValue());
      if (offer == null || offer.framework() != fw) {
        LOG.info("framework {} declined unknown offer {}: ignored", fw.idValue(), id.getValue());
        continue;
      }
      LOG.info("framework {} declined offer {} on agent {}", fw.idValue(), id.getValue(),
          offer.agent().idValue());
      allocator.recover(offer, offer.resources(), filters);
    }
  }

  void accept(Framework fw, Call.Accept accept) {
    List<Offer> offers = new ArrayList<>();
    Optional<String> invalid = validateOffers(fw, accept.getOfferIdsList(), offers);
    if (invalid.isPresent()) {
      LOG.info("ACCEPT of framework {} rejected: {}", fw.idValue(), invalid.get());
      offers.forEach(o -> allocator.recover(o, o.resources(), Filters.newBuilder()
          .setRefuseSeconds(0).build()));
      TaskState lost = fw.partitionAware() ? TaskState.TASK_DROPPED : TaskState.TASK_LOST;
      for (Operation op : accept.getOperationsList()) {
        if (op.getType() == Operation.Type.LAUNCH) {
          for (TaskInfo t : op.getLaunch().getTaskInfosList()) {
            fw.send(Statuses.update(Statuses.master(t.getTaskId(), lost,
                Reason.REASON_INVALID_OFFERS, invalid.get(), null, now())));
          }
        }
      }
      return;
    }
    Agent agent = offers.get(0).agent();
    String role = offers.get(0).role();
    Resources pool = Resources.empty();
    for (Offer o : offers) {
      state.offers.remove(o.id());
      pool = pool.plus(o.resources());
    }
    Set<String> launching = new HashSet<>();
    for (Operation op : accept.getOperationsList()) {
      pool = apply(fw, agent, role, op, pool, launching);
    }
    Offer first = offers.get(0);
    allocator.recover(first, pool, accept.hasFilters() ? accept.getFilters() : null);
  }

  private Optional<String> validateOffers(Framework fw, List<OfferID> ids, List<Offer> out) {
    if (ids.isEmpty()) {
      return Optional.of("No offers specified");
    }
    Set<String> seen = new HashSet<>();
    Optional<String> error = Optional.empty();
    for (OfferID id : ids) {
      Offer offer = state.offers.get(id.getValue());
      if (!seen.add(id.getValue())) {
        error = error.or(() -> Optional.of("Offer " + id.getValue() + " appears more than once"));
      } else if (offer == null) {
        error = error.or(() -> Optional.of("Offer " + id.getValue() + " is no longer valid"));
      } else if (offer.framework() != fw) {
        error = error.or(() -> Optional.of("Offer " + id.getValue()
            + " has invalid framework " + offer.framework().idValue()));
      } else {
        if (!out.isEmpty() && out.get(0).agent() != offer.agent()) {
          error = error.or(() -> Optional.of("Aggregated offers must belong to one single agent"));
        }
        if (!out.isEmpty() && !out.get(0).role().equals(offer.role())) {
          error = error.or(() -> Optional.of("Aggregated offers must be allocated to the same role"));
        }
        out.add(offer);
      }
    }
    return error;
  }

  private Resources apply(Framework fw, Agent agent, String role, Operation op, Resources pool,
      Set<String> launching) {
    if (op.hasId() && (op.getType() == Operation.Type.LAUNCH
        || op.getType() == Operation.Type.LAUNCH_GROUP)) {
      for (TaskInfo t : op.getLaunch().getTaskInfosList()) {
        taskError(fw, t, "Operation IDs are not supported for LAUNCH");
      }
      return pool;
    }
    switch (op.getType()) {
      case RESERVE -> {
        List<Resource> rs = ResourceFormats.normalize(op.getReserve().getResourcesList());
        Optional<String> error = OperationRules.reserve(fw, role, rs,
            op.getReserve().getSourceCount() > 0, pool);
        if (error.isPresent()) {
          return dropped(fw, op, error.get(), pool);
        }
        for (Resource r : rs) {
          Resource source = ResourceFormats.popReservation(r);
          pool = pool.minus(source).plus(r);
          agent.total = agent.total.minus(source).plus(r);
        }
        agent.saveCheckpoint();
        LOG.info("framework {} reserved {} on agent {}", fw.idValue(), Resources.of(rs),
            agent.idValue());
      }
      case UNRESERVE -> {
        List<Resource> rs = ResourceFormats.normalize(op.getUnreserve().getResourcesList());
        Optional<String> error = OperationRules.unreserve(rs, pool);
        if (error.isPresent()) {
          return dropped(fw, op, error.get(), pool);
        }
        for (Resource r : rs) {
          Resource target = ResourceFormats.popReservation(r);
          pool = pool.minus(r).plus(target);
          agent.total = agent.total.minus(r).plus(target);
        }
        agent.saveCheckpoint();
        LOG.info("framework {} unreserved {} on agent {}", fw.idValue(), Resources.of(rs),
            agent.idValue());
      }
      case CREATE -> {
        List<Resource> vs = ResourceFormats.normalize(op.getCreate().getVolumesList());
        Optional<String> error = OperationRules.create(fw, agent, vs, pool);
        if (error.isPresent()) {
          return dropped(fw, op, error.get(), pool);
        }
        for (Resource v : vs) {
          String volumeRole = ResourceFormats.reservationRole(v);
          String id = v.getDisk().getPersistence().getId();
          try {
            agent.volumes.create(volumeRole, id);
          } catch (IOException e) {
            return dropped(fw, op, "cannot create the volume directory: " + e.getMessage(), pool);
          }
          pool = pool.minus(ResourceFormats.withoutVolume(v)).plus(v);
          agent.total = agent.total.minus(ResourceFormats.withoutVolume(v)).plus(v);
          LOG.info("framework {} created volume {} for role {} on agent {} at {}", fw.idValue(),
              id, volumeRole, agent.idValue(), agent.volumes.path(volumeRole, id));
        }
        agent.saveCheckpoint();
      }
      case DESTROY -> {
        List<Resource> vs = ResourceFormats.normalize(op.getDestroy().getVolumesList());
        Optional<String> error = OperationRules.destroy(agent, vs, pool);
        if (error.isPresent()) {
          return dropped(fw, op, error.get(), pool);
        }
        for (Resource v : vs) {
          String volumeRole = ResourceFormats.reservationRole(v);
          String id = v.getDisk().getPersistence().getId();
          pool = pool.minus(v).plus(ResourceFormats.withoutVolume(v));
          agent.total = agent.total.minus(v).plus(ResourceFormats.withoutVolume(v));
          try {
            agent.volumes.destroy(volumeRole, id);
          } catch (IOException e) {
            LOG.warn("cannot delete volume {} on agent {}", id, agent.idValue(), e);
          }
          LOG.info("framework {} destroyed volume {} of role {} on agent {}", fw.idValue(), id,
              volumeRole, agent.idValue());
        }
        agent.saveCheckpoint();
      }
      case LAUNCH -> {
        for (TaskInfo t : op.getLaunch().getTaskInfosList()) {
          pool = launch(fw, agent, role, t, pool, launching);
        }
      }
      case LAUNCH_GROUP -> {
        for (TaskInfo t : op.getLaunchGroup().getTaskGroup().getTasksList()) {
          fw.send(Statuses.update(Statuses.master(t.getTaskId(), TaskState.TASK_ERROR,
              Reason.REASON_TASK_GROUP_INVALID,
              "LAUNCH_GROUP needs the default executor, which mesos-local does not provide",
              agent.id, now())));
        }
      }
      default -> LOG.info("framework {}: operation {} is not supported by mesos-local; dropped",
          fw.idValue(), op.getType());
    }
    return pool;
  }

  private Resources launch(Framework fw, Agent agent, String role, TaskInfo task, Resources pool,
      Set<String> launching) {
    Optional<String> error = TaskRules.validate(fw, agent, task, launching);
    if (error.isPresent()) {
      taskError(fw, task, error.get());
      return pool;
    }
    ExecutorInfo executor = task.getExecutor().hasFrameworkId() ? task.getExecutor()
        : task.getExecutor().toBuilder().setFrameworkId(fw.id).build();
    Resources taskResources = Resources.of(ResourceFormats.normalize(task.getResourcesList()));
    Resources executorResources = Resources.of(
        ResourceFormats.normalize(executor.getResourcesList()));
    boolean running = agent.executor(fw.idValue(), executor.getExecutorId().getValue()) != null;
    Resources needed = running ? taskResources : taskResources.plus(executorResources);
    Optional<String> roleError = needed.toList().stream()
        .map(ResourceFormats::reservationRole)
        .filter(r -> !r.equals("*") && !r.equals(role))
        .findFirst().map(r -> "Task uses resources reserved to role '" + r
            + "' but the offer is allocated to role '" + role + "'");
    if (roleError.isPresent()) {
      taskError(fw, task, roleError.get());
      return pool;
    }
    if (!pool.contains(needed)) {
      taskError(fw, task, "Task uses more resources " + needed + " than available " + pool);
      return pool;
    }
    launching.add(task.getTaskId().getValue());
    containers.launch(fw, agent, task, executor, taskResources, executorResources, role);
    return pool.minus(needed);
  }

  private void taskError(Framework fw, TaskInfo task, String message) {
    LOG.info("task {} of framework {} is invalid: {}", task.getTaskId().getValue(), fw.idValue(),
        message);
    fw.send(Statuses.update(Statuses.master(task.getTaskId(), TaskState.TASK_ERROR,
        Reason.REASON_TASK_INVALID, message, task.hasAgentId() ? task.getAgentId() : null, now())));
  }

  private Resources dropped(Framework fw, Operation op, String error, Resources pool) {
    LOG.info("{} operation of framework {} dropped: {}", op.getType(), fw.idValue(), error);
    return pool;
  }

  private double now() {
    return Statuses.seconds(state.clock);
  }
}

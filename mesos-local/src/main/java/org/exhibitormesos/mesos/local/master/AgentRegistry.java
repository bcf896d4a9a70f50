package org.exhibitormesos.mesos.local.master;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus.Reason;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.local.Attributes;
import org.exhibitormesos.mesos.local.AgentConfig;
import org.exhibitormesos.mesos.local.resources.ResourceFormats;
import org.exhibitormesos.mesos.local.resources.Resources;

/**
 * Agents joining (with their checkpointed reservations and volumes), leaving (agent loss: RESCIND,
 * FAILURE and LOST/UNREACHABLE updates) and coming back.
 */
final class AgentRegistry {
  private static final Logger LOG = LogManager.getLogger(AgentRegistry.class);
  private final MasterState state;
  private final Allocator allocator;
  private final Containers containers;
  private final StatusUpdates updates;

  AgentRegistry(MasterState state, Allocator allocator, Containers containers,
      StatusUpdates updates) {
    this.state = state;
    this.allocator = allocator;
    this.containers = containers;
    this.updates = updates;
  }

  /** Registers {@code agent}: a new id on first registration, the old one when it comes back. */
  void register(Agent agent) {
    if (agent.id == null) {
      agent.id = AgentID.newBuilder().setValue(state.nextAgentId()).build();
    }
    Resources total = base(agent.config);
    List<Resource> checkpointed;
    try {
      checkpointed = agent.checkpoint.load();
    } catch (IOException e) {
      throw new UncheckedIOException("agent " + agent.config.address()
          + ": cannot recover checkpointed resources", e);
    }
    for (Resource r : checkpointed) {
      Resource plain = r;
      if (ResourceFormats.isPersistentVolume(plain)) {
        plain = ResourceFormats.withoutVolume(plain);
      }
      while (plain.getReservationsCount() > 0) {
        plain = ResourceFormats.popReservation(plain);
      }
      total = total.minus(plain).plus(r);
    }
    agent.total = total;
    agent.info = AgentInfo.newBuilder().setHostname(agent.config.address()).setId(agent.id)
        .setPort(agent.endpoint.port())
        .addAllResources(total.toList())
        .addAllAttributes(Attributes.parse(agent.config.attributes()))
        .build();
    agent.active = true;
    for (Framework fw : state.frameworks.values()) {
      fw.unreachableTasks.values().removeIf(a -> a.equals(agent.idValue()));
    }
    LOG.info("agent {} registered at {} with {}{}", agent.idValue(), agent.endpoint, total,
        agent.config.attributes().isEmpty() ? "" : " and attributes " + agent.config.attributes());
    allocator.allocateSoon();
  }

  /** Agent loss: its processes die; frameworks see RESCIND, FAILURE and task updates. */
  void remove(Agent agent) {
    if (!agent.active) {
      return;
    }
    agent.active = false;
    LOG.info("agent {} ({}) removed", agent.idValue(), agent.config.address());
    allocator.rescindOffersOn(agent);
    List<Task> lost = agent.executors.values().stream()
        .flatMap(e -> e.tasks.values().stream()).toList();
    containers.killAll(agent);
    for (Task t : lost) {
      Framework fw = t.framework;
      TaskState s = fw.partitionAware() ? TaskState.TASK_UNREACHABLE : TaskState.TASK_LOST;
      boolean terminal = Tasks.isTerminal(t.state);
      updates.forget(t);
      if (terminal) {
        continue;
      }
      fw.unreachableTasks.put(t.idValue(), agent.idValue());
      LOG.info("task {} of framework {} is {}: agent {} removed", t.idValue(), fw.idValue(), s,
          agent.idValue());
      fw.send(Statuses.update(Statuses.master(t.info.getTaskId(), s, Reason.REASON_AGENT_REMOVED,
          "Agent " + agent.idValue() + " removed", agent.id, Statuses.seconds(state.clock))
          .toBuilder().setExecutorId(t.executor.info.getExecutorId()).build()));
    }
    for (Framework fw : state.frameworks.values()) {
      fw.send(Event.newBuilder().setType(Event.Type.FAILURE)
          .setFailure(Event.Failure.newBuilder().setAgentId(agent.id)).build());
    }
  }

  static Resources base(AgentConfig c) {
    return Resources.of(List.of(scalar("cpus", c.cpus()), scalar("mem", c.memMb()),
        scalar("disk", c.diskMb()),
        Resource.newBuilder().setName("ports").setType(Value.Type.RANGES).setRanges(c.ports())
            .build()));
  }

  private static Resource scalar(String name, double value) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
  }
}

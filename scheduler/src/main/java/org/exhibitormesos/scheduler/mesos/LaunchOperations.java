package org.exhibitormesos.scheduler.mesos;

import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Offer.Operation;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.exhibitormesos.core.launch.LaunchSpecCodec;
import org.exhibitormesos.core.offers.VolumePlan;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Resources;
import org.exhibitormesos.scheduler.loop.ServerLaunch;

/**
 * The offer operations of one launch and of one release, in the order Mesos applies them:
 * <ul>
 *   <li>new volume: RESERVE cpus, mem, disk and the four ports to the role (labelled with the
 *       volume's persistence id), CREATE the volume on the reserved disk, LAUNCH on them;</li>
 *   <li>existing volume: LAUNCH on the reserved resources and the volume exactly as offered;</li>
 *   <li>sandbox (role {@code *}): LAUNCH on unreserved resources;</li>
 *   <li>release: DESTROY the volume, then UNRESERVE everything reserved for it, as offered.</li>
 * </ul>
 */
public final class LaunchOperations {
  private final MesosResources resources;
  private final TaskInfos tasks;

  public LaunchOperations(MesosResources resources, TaskInfos tasks) {
    this.resources = resources;
    this.tasks = tasks;
  }

  public List<Operation> launch(ServerLaunch launch, Offer offer, String javaOptions) {
    List<Operation> ops = new ArrayList<>();
    List<Resource> taskResources = new ArrayList<>();
    VolumePlan plan = launch.placement().volume();
    Resources need = launch.placement().resources();
    Ports ports = launch.placement().ports();
    if (plan instanceof VolumePlan.NewVolume v) {
      String pid = v.reservation().persistenceId();
      List<Resource> reserve = List.of(resources.reservedScalar("cpus", need.cpus(), pid),
          resources.reservedScalar("mem", need.memMb(), pid), resources.reservedScalar("disk", v.diskMb(), pid),
          resources.reservedPorts(ports.asList(), pid));
      Resource volume = resources.volume(v.diskMb(), pid, v.reservation().containerPath());
      ops.add(Operation.newBuilder().setType(Operation.Type.RESERVE)
          .setReserve(Operation.Reserve.newBuilder().addAllResources(reserve)).build());
      ops.add(Operation.newBuilder().setType(Operation.Type.CREATE)
          .setCreate(Operation.Create.newBuilder().addVolumes(volume)).build());
      taskResources.add(reserve.get(0));
      taskResources.add(reserve.get(1));
      taskResources.add(reserve.get(3));
      taskResources.add(volume);
    } else if (plan instanceof VolumePlan.ExistingVolume v) {
      taskResources.addAll(reservedFor(offer, v.reservation().persistenceId()));
    } else {
      taskResources.add(resources.unreservedScalar("cpus", need.cpus()));
      taskResources.add(resources.unreservedScalar("mem", need.memMb()));
      taskResources.add(resources.unreservedPorts(ports.asList()));
    }
    TaskInfo task = tasks.build(launch.placement().server(), launch.task().taskId(), launch.task().executorId(),
        offer.getAgentId().getValue(), taskResources, LaunchSpecCodec.encode(launch.spec()), javaOptions);
    ops.add(Operation.newBuilder().setType(Operation.Type.LAUNCH)
        .setLaunch(Operation.Launch.newBuilder().addTaskInfos(task)).build());
    return ops;
  }

  /** DESTROY + UNRESERVE of a released reservation, from the resources the offer shows for it. */
  public List<Operation> release(Reservation released, Offer offer) {
    List<Resource> reserved = reservedFor(offer, released.persistenceId());
    List<Resource> volumes = reserved.stream().filter(r -> r.hasDisk() && r.getDisk().hasPersistence()).toList();
    List<Operation> ops = new ArrayList<>();
    if (!volumes.isEmpty()) {
      ops.add(Operation.newBuilder().setType(Operation.Type.DESTROY)
          .setDestroy(Operation.Destroy.newBuilder().addAllVolumes(volumes)).build());
    }
    if (!reserved.isEmpty()) {
      ops.add(Operation.newBuilder().setType(Operation.Type.UNRESERVE)
          .setUnreserve(Operation.Unreserve.newBuilder()
              .addAllResources(reserved.stream().map(MesosResources::withoutVolume).toList())).build());
    }
    return ops;
  }

  /** The offered resources reserved to the role for the volume {@code persistenceId}, as offered. */
  List<Resource> reservedFor(Offer offer, String persistenceId) {
    return offer.getResourcesList().stream()
        .filter(r -> Reservations.persistenceIdOf(r, resources.role()).map(persistenceId::equals).orElse(false))
        .toList();
  }
}

package org.exhibitormesos.scheduler.mesos;

import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Resource.AllocationInfo;
import org.apache.mesos.v1.Protos.Resource.DiskInfo;
import org.apache.mesos.v1.Protos.Resource.ReservationInfo;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.Protos.Volume;

/**
 * Builds the resources of this framework's operations in the pre-refinement format: reserved
 * resources carry {@code role} and {@code reservation{principal, labels}}, and every resource the
 * {@code allocation_info} of the role the offer was allocated to.
 */
public final class MesosResources {
  private final String role;
  private final Optional<String> principal;

  /** @param role the framework's role; {@code *} means unreserved resources only */
  public MesosResources(String role, Optional<String> principal) {
    this.role = role;
    this.principal = principal;
  }

  public String role() {
    return role;
  }

  /** An unreserved scalar of the role's allocation. */
  public Resource unreservedScalar(String name, double value) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value)).setAllocationInfo(allocation()).build();
  }

  /** Unreserved single ports of the role's allocation. */
  public Resource unreservedPorts(List<Integer> ports) {
    return Resource.newBuilder().setName("ports").setType(Value.Type.RANGES).setRanges(ranges(ports))
        .setAllocationInfo(allocation()).build();
  }

  /** A scalar reserved to the role for the volume {@code persistenceId}. */
  public Resource reservedScalar(String name, double value, String persistenceId) {
    return reserved(Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value)), persistenceId).build();
  }

  /** Single ports reserved to the role for the volume {@code persistenceId}. */
  public Resource reservedPorts(List<Integer> ports, String persistenceId) {
    return reserved(Resource.newBuilder().setName("ports").setType(Value.Type.RANGES).setRanges(ranges(ports)),
        persistenceId).build();
  }

  /** The persistent volume on reserved disk: what CREATE makes and the task then uses. */
  public Resource volume(double diskMb, String persistenceId, String containerPath) {
    DiskInfo.Persistence.Builder persistence = DiskInfo.Persistence.newBuilder().setId(persistenceId);
    principal.ifPresent(persistence::setPrincipal);
    return reserved(Resource.newBuilder().setName("disk").setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(diskMb))
        .setDisk(DiskInfo.newBuilder().setPersistence(persistence)
            .setVolume(Volume.newBuilder().setContainerPath(containerPath).setMode(Volume.Mode.RW))),
        persistenceId).build();
  }

  /** The reserved resource a volume leaves behind once it is destroyed (for UNRESERVE). */
  public static Resource withoutVolume(Resource r) {
    if (!r.hasDisk()) {
      return r;
    }
    Resource.Builder b = r.toBuilder();
    DiskInfo.Builder disk = b.getDiskBuilder().clearPersistence().clearVolume();
    if (disk.build().equals(DiskInfo.getDefaultInstance())) {
      b.clearDisk();
    }
    return b.build();
  }

  private Resource.Builder reserved(Resource.Builder b, String persistenceId) {
    ReservationInfo.Builder reservation = ReservationInfo.newBuilder().setLabels(Reservations.labels(persistenceId));
    principal.ifPresent(reservation::setPrincipal);
    return b.setRole(role).setReservation(reservation).setAllocationInfo(allocation());
  }

  private AllocationInfo allocation() {
    return AllocationInfo.newBuilder().setRole(role).build();
  }

  private static Value.Ranges ranges(List<Integer> ports) {
    Value.Ranges.Builder r = Value.Ranges.newBuilder();
    ports.stream().sorted().forEach(p -> r.addRange(Value.Range.newBuilder().setBegin(p).setEnd(p)));
    return r.build();
  }
}

package org.exhibitormesos.mesos.local.resources;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Resource.ReservationInfo;

/**
 * Conversions between the resource formats on the wire and the emulator's internal form.
 *
 * <p>Internal form = the post-refinement format ({@code reservations[]}, empty = unreserved), with
 * neither {@code allocation_info} nor the deprecated {@code role}/{@code reservation} fields.
 * Frameworks without {@code RESERVATION_REFINEMENT} get and send the pre-refinement format
 * ({@code role} + {@code reservation}); non-MULTI_ROLE frameworks get no {@code allocation_info}.
 */
public final class ResourceFormats {
  public static final String UNRESERVED_ROLE = "*";

  private ResourceFormats() {}

  /** Internal form of a resource as a scheduler sent it, in either format. */
  public static Resource normalize(Resource r) {
    Resource.Builder b = r.toBuilder().clearAllocationInfo();
    if (r.getReservationsCount() == 0 && r.hasRole() && !UNRESERVED_ROLE.equals(r.getRole())) {
      ReservationInfo.Builder info = ReservationInfo.newBuilder().setRole(r.getRole())
          .setType(r.hasReservation() ? ReservationInfo.Type.DYNAMIC : ReservationInfo.Type.STATIC);
      if (r.hasReservation()) {
        if (r.getReservation().hasPrincipal()) {
          info.setPrincipal(r.getReservation().getPrincipal());
        }
        if (r.getReservation().hasLabels()) {
          info.setLabels(r.getReservation().getLabels());
        }
      }
      b.addReservations(info);
    }
    return b.clearRole().clearReservation().build();
  }

  public static List<Resource> normalize(Collection<Resource> resources) {
    return resources.stream().map(ResourceFormats::normalize).toList();
  }

  /** Uses pre-refinement fields (for validation: they must not be mixed with reservations[]). */
  public static boolean mixesFormats(Resource r) {
    return r.getReservationsCount() > 0 && (r.hasRole() || r.hasReservation());
  }

  /** Wire form for a framework, for resources allocated to {@code role}. */
  public static Resource forFramework(Resource r, String role, boolean multiRole,
      boolean refinement) {
    Resource.Builder b = r.toBuilder();
    if (multiRole) {
      b.setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole(role));
    }
    if (!refinement) {
      b.clearReservations();
      if (r.getReservationsCount() > 0) {
        ReservationInfo last = r.getReservations(r.getReservationsCount() - 1);
        b.setRole(last.getRole());
        if (last.getType() == ReservationInfo.Type.DYNAMIC) {
          Resource.ReservationInfo.Builder legacy = Resource.ReservationInfo.newBuilder();
          if (last.hasPrincipal()) {
            legacy.setPrincipal(last.getPrincipal());
          }
          if (last.hasLabels()) {
            legacy.setLabels(last.getLabels());
          }
          b.setReservation(legacy);
        }
      }
    }
    return b.build();
  }

  /** The role a resource is reserved to, {@code *} when unreserved. */
  public static String reservationRole(Resource r) {
    return r.getReservationsCount() == 0 ? UNRESERVED_ROLE
        : r.getReservations(r.getReservationsCount() - 1).getRole();
  }

  public static boolean isDynamicallyReserved(Resource r) {
    return r.getReservationsCount() > 0 && r.getReservations(r.getReservationsCount() - 1)
        .getType() == ReservationInfo.Type.DYNAMIC;
  }

  public static boolean isPersistentVolume(Resource r) {
    return r.hasDisk() && r.getDisk().hasPersistence();
  }

  /** The resource a RESERVE consumed to produce {@code reserved}: its last reservation popped. */
  public static Resource popReservation(Resource reserved) {
    Resource.Builder b = reserved.toBuilder();
    b.removeReservations(reserved.getReservationsCount() - 1);
    return b.build();
  }

  /** The plain disk a CREATE consumed to produce {@code volume}. */
  public static Resource withoutVolume(Resource volume) {
    Resource.Builder b = volume.toBuilder();
    if (volume.getDisk().hasSource()) {
      b.setDisk(Resource.DiskInfo.newBuilder().setSource(volume.getDisk().getSource()));
    } else {
      b.clearDisk();
    }
    return b.build();
  }

  /** Short text like {@code cpus(zk):1; mem:512; ports:[31000-31005]} for logs. */
  public static String describe(Collection<Resource> resources) {
    return resources.stream().map(ResourceFormats::describe).collect(Collectors.joining("; "));
  }

  public static String describe(Resource r) {
    String role = reservationRole(r);
    String name = r.getName() + (UNRESERVED_ROLE.equals(role) ? "" : "(" + role + ")")
        + (isPersistentVolume(r) ? "[" + r.getDisk().getPersistence().getId() + ":"
            + r.getDisk().getVolume().getContainerPath() + "]" : "");
    return switch (r.getType()) {
      case SCALAR -> name + ":" + trim(r.getScalar().getValue());
      case RANGES -> name + ":" + Ranges.format(r.getRanges());
      case SET -> name + ":{" + String.join(",", r.getSet().getItemList()) + "}";
      default -> name;
    };
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}

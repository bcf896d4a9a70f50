package org.exhibitormesos.mesos.local.master;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Resource.ReservationInfo;
import org.exhibitormesos.mesos.local.resources.ResourceFormats;
import org.exhibitormesos.mesos.local.resources.Resources;

/**
 * Validation of RESERVE, UNRESERVE, CREATE and DESTROY (reference section 7,
 * {@code src/master/validation.cpp}). Each method returns the error, or empty when valid. Resources
 * are in internal form.
 */
final class OperationRules {
  private OperationRules() {}

  static Optional<String> reserve(Framework fw, String offerRole, List<Resource> resources,
      boolean hasSource, Resources pool) {
    if (hasSource) {
      return Optional.of("'Offer.Operation.Reserve.source' is not supported in the scheduler API");
    }
    if (resources.isEmpty()) {
      return Optional.of("Resources to reserve must not be empty");
    }
    for (Resource r : resources) {
      if (!ResourceFormats.isDynamicallyReserved(r)) {
        return Optional.of("Resource " + ResourceFormats.describe(r)
            + " must be dynamically reserved");
      }
      ReservationInfo res = r.getReservations(r.getReservationsCount() - 1);
      if (res.getRole().equals("*")) {
        return Optional.of("Cannot reserve for role '*'");
      }
      if (!res.getRole().equals(offerRole)) {
        return Optional.of("A reserve operation was attempted for role '" + res.getRole()
            + "' but the offer is allocated to role '" + offerRole + "'");
      }
      if (!fw.roles().contains(res.getRole())) {
        return Optional.of("A reserve operation was attempted for role '" + res.getRole()
            + "' which is not one of the framework's roles " + fw.roles());
      }
      Optional<String> principal = principal(fw, res.hasPrincipal() ? res.getPrincipal() : null,
          "reservation");
      if (principal.isPresent()) {
        return principal;
      }
      if (ResourceFormats.isPersistentVolume(r)) {
        return Optional.of("A persistent volume " + r.getDisk().getPersistence().getId()
            + " cannot be reserved; reserve the disk, then CREATE the volume");
      }
      if (!pool.contains(ResourceFormats.popReservation(r))) {
        return Optional.of("Invalid RESERVE operation: " + ResourceFormats.describe(
            ResourceFormats.popReservation(r)) + " is not in the offered resources");
      }
    }
    return Optional.empty();
  }

  static Optional<String> unreserve(List<Resource> resources, Resources pool) {
    if (resources.isEmpty()) {
      return Optional.of("Resources to unreserve must not be empty");
    }
    for (Resource r : resources) {
      if (!ResourceFormats.isDynamicallyReserved(r)) {
        return Optional.of("Resource " + ResourceFormats.describe(r) + " is not dynamically reserved");
      }
      if (ResourceFormats.isPersistentVolume(r)) {
        return Optional.of("A disk resource containing a persistent volume "
            + r.getDisk().getPersistence().getId() + " cannot be unreserved; DESTROY it first");
      }
      if (!pool.contains(r)) {
        return Optional.of("Invalid UNRESERVE operation: " + ResourceFormats.describe(r)
            + " is not in the offered resources");
      }
    }
    return Optional.empty();
  }

  static Optional<String> create(Framework fw, Agent agent, List<Resource> volumes,
      Resources pool) {
    if (volumes.isEmpty()) {
      return Optional.of("Volumes to create must not be empty");
    }
    Set<String> ids = new HashSet<>();
    for (Resource v : volumes) {
      if (!v.getName().equals("disk") || !ResourceFormats.isPersistentVolume(v)) {
        return Optional.of("Resource " + ResourceFormats.describe(v)
            + " is not a persistent volume (disk with disk.persistence)");
      }
      String id = v.getDisk().getPersistence().getId();
      if (!ids.add(id)) {
        return Optional.of("Persistence ID '" + id + "' is used twice in one CREATE");
      }
      if (!v.getDisk().hasVolume()) {
        return Optional.of("Expecting 'volume' to be set for persistent volume " + id);
      }
      if (v.getDisk().getVolume().hasHostPath()) {
        return Optional.of("Expecting 'host_path' to be unset for persistent volume " + id);
      }
      String path = v.getDisk().getVolume().getContainerPath();
      if (path.isEmpty() || path.startsWith("/") || path.contains("/") || path.equals(".")
          || path.equals("..")) {
        return Optional.of("Persistent volume " + id + " has container_path '" + path
            + "': it must be a relative, non-nested path");
      }
      if (v.getReservationsCount() == 0) {
        return Optional.of("Persistent volumes cannot be created from unreserved resources ("
            + id + ")");
      }
      Optional<String> principal = principal(fw, v.getDisk().getPersistence().hasPrincipal()
          ? v.getDisk().getPersistence().getPrincipal() : null, "persistent volume " + id);
      if (principal.isPresent()) {
        return principal;
      }
      String role = ResourceFormats.reservationRole(v);
      boolean exists = agent.total.toList().stream().anyMatch(r ->
          ResourceFormats.isPersistentVolume(r) && ResourceFormats.reservationRole(r).equals(role)
              && r.getDisk().getPersistence().getId().equals(id));
      if (exists) {
        return Optional.of("Persistence ID '" + id + "' already exists on agent "
            + agent.idValue() + " for role '" + role + "'");
      }
      if (!pool.contains(ResourceFormats.withoutVolume(v))) {
        return Optional.of("Invalid CREATE operation: " + ResourceFormats.describe(
            ResourceFormats.withoutVolume(v)) + " is not in the offered resources");
      }
    }
    return Optional.empty();
  }

  static Optional<String> destroy(Agent agent, List<Resource> volumes, Resources pool) {
    if (volumes.isEmpty()) {
      return Optional.of("Volumes to destroy must not be empty");
    }
    for (Resource v : volumes) {
      if (!ResourceFormats.isPersistentVolume(v)) {
        return Optional.of("Resource " + ResourceFormats.describe(v) + " is not a persistent volume");
      }
      String id = v.getDisk().getPersistence().getId();
      if (agent.volumeInUse(id)) {
        return Optional.of("Persistent volume " + id + " cannot be destroyed: it is in use");
      }
      if (!pool.contains(v)) {
        return Optional.of("Persistent volume " + id + " is not in the offered resources");
      }
    }
    return Optional.empty();
  }

  /** If the framework has a principal, the given one must be set and equal. */
  private static Optional<String> principal(Framework fw, String given, String what) {
    if (!fw.info.hasPrincipal()) {
      return Optional.empty();
    }
    if (given == null) {
      return Optional.of("A principal must be set on the " + what + " (framework principal '"
          + fw.info.getPrincipal() + "')");
    }
    if (!given.equals(fw.info.getPrincipal())) {
      return Optional.of("The principal '" + given + "' of the " + what
          + " does not match the framework's principal '" + fw.info.getPrincipal() + "'");
    }
    return Optional.empty();
  }
}

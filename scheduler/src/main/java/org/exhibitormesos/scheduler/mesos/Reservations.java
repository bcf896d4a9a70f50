package org.exhibitormesos.scheduler.mesos;

import java.util.Optional;
import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Labels;
import org.apache.mesos.v1.Protos.Resource;

/**
 * How this framework marks the resources it reserves for one server: every reserved resource carries
 * the label {@value #PERSISTENCE_LABEL} with the server volume's persistence id, so reservations of
 * different servers on one agent never merge and offers can be told apart (pre-refinement format:
 * {@code role} + {@code reservation}).
 */
public final class Reservations {
  public static final String PERSISTENCE_LABEL = "exhibitor-mesos.persistence-id";

  private Reservations() {
  }

  public static Labels labels(String persistenceId) {
    return Labels.newBuilder().addLabels(Label.newBuilder().setKey(PERSISTENCE_LABEL).setValue(persistenceId)).build();
  }

  /** The persistence id a resource was reserved for, when it is one of this framework's reservations for {@code role}. */
  public static Optional<String> persistenceIdOf(Resource r, String role) {
    if (!r.hasReservation() || !role.equals(r.getRole())) {
      return Optional.empty();
    }
    for (Label l : r.getReservation().getLabels().getLabelsList()) {
      if (PERSISTENCE_LABEL.equals(l.getKey()) && l.hasValue()) {
        return Optional.of(l.getValue());
      }
    }
    return Optional.empty();
  }

  /** True for resources anyone of the role may use: unreserved, not a volume. */
  public static boolean unreserved(Resource r) {
    boolean starRole = !r.hasRole() || "*".equals(r.getRole());
    return starRole && !r.hasReservation() && r.getReservationsCount() == 0
        && !(r.hasDisk() && r.getDisk().hasPersistence()) && !r.hasRevocable() && !r.hasShared();
  }
}

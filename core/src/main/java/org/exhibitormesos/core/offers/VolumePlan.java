package org.exhibitormesos.core.offers;

import java.util.Objects;
import java.util.Optional;
import org.exhibitormesos.core.server.Reservation;

/** Where a launched server keeps its ZooKeeper data. */
public sealed interface VolumePlan {
  /** True when the data from the server's previous incarnation is there. */
  boolean keepsData();

  /** The reservation holding the volume, new or existing; empty for the sandbox. */
  default Optional<Reservation> volumeReservation() {
    return Optional.empty();
  }

  /** Role {@code *}: no reservation is possible, data lives in the sandbox and dies with the task. */
  record Sandbox() implements VolumePlan {
    @Override
    public boolean keepsData() {
      return false;
    }
  }

  /** Reserve the task's resources to the role and create a new, empty volume (RESERVE + CREATE). */
  record NewVolume(Reservation reservation, double diskMb) implements VolumePlan {
    public NewVolume {
      Objects.requireNonNull(reservation, "reservation");
    }

    @Override
    public boolean keepsData() {
      return false;
    }

    @Override
    public Optional<Reservation> volumeReservation() {
      return Optional.of(reservation);
    }
  }

  /** Launch on the server's existing reservation and volume: its data is there. */
  record ExistingVolume(Reservation reservation) implements VolumePlan {
    public ExistingVolume {
      Objects.requireNonNull(reservation, "reservation");
    }

    @Override
    public boolean keepsData() {
      return true;
    }

    @Override
    public Optional<Reservation> volumeReservation() {
      return Optional.of(reservation);
    }
  }
}

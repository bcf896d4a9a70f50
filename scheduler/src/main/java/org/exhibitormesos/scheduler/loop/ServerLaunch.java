package org.exhibitormesos.scheduler.loop;

import java.util.Objects;
import java.util.Optional;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.offers.Placement;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Task;

/**
 * One decided launch: the placement, the new task, the identity its data belongs to, the
 * reservation holding its volume (empty in the sandbox) and the spec the executor gets.
 */
public record ServerLaunch(Placement placement, Task task, Identity identity, Optional<Reservation> reservation,
    LaunchSpec spec) {
  public ServerLaunch {
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(reservation, "reservation");
    Objects.requireNonNull(spec, "spec");
  }
}

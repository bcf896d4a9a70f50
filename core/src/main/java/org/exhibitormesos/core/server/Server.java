package org.exhibitormesos.core.server;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.exhibitormesos.core.ids.ServerId;

/**
 * One ZooKeeper server of the ensemble as the scheduler keeps it: what the operator wants, what is
 * observed, its current task, its reservation and volume, its ZooKeeper identity, failures and
 * where it last ran. Immutable; {@link org.exhibitormesos.core.lifecycle.Lifecycle} computes the
 * next value.
 *
 * @param reason why the server waits or was deactivated; empty when there is nothing to explain
 */
public record Server(ServerId id, ServerSettings settings, DesiredState desired, ObservedState observed, String reason,
          Optional<Task> task, Optional<Reservation> reservation, Identity identity, FailureRecord failures,
          Optional<LastPlacement> lastPlacement) {
  public Server {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(reservation, "reservation");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(failures, "failures");
    Objects.requireNonNull(lastPlacement, "lastPlacement");
    if (observed.hasTask() != task.isPresent()) {
      throw new IllegalArgumentException("server " + id + ": state " + observed.displayName()
          + (task.isPresent() ? " cannot have a task" : " needs a task"));
    }
  }

  /** A newly added, inactive server. */
  public static Server added(ServerId id, ServerSettings settings) {
    return new Server(id, settings, DesiredState.INACTIVE, ObservedState.ADDED, "", Optional.empty(),
        Optional.empty(), Identity.NONE, FailureRecord.NONE, Optional.empty());
  }

  /** True when {@code taskId} names this server's current task. */
  public boolean isCurrentTask(String taskId) {
    return task.map(t -> t.taskId().equals(taskId)).orElse(false);
  }

  /**
   * True when the current task was launched to restart on the server's volume, so a report that it
   * found no data there means the data is lost. A task whose launch kind is unknown (state written
   * before the kind was recorded) counts as a restart when the server holds a volume reservation and
   * a myid: a lost volume that goes unnoticed would vote under its old myid with an empty disk, while
   * a false alarm (a first launch on a new volume) only costs the server a new identity that joins.
   * False without a task.
   */
  public boolean expectsDataOnVolume() {
    return task.map(t -> t.launchedAs()
        .map(kind -> kind == LaunchKind.RESTART)
        .orElse(reservation.isPresent() && identity.myid().isPresent()))
        .orElse(false);
  }

  /** True when the server waits for an offer and its failover delay has passed at {@code now}. */
  public boolean wantsOffer(Instant now) {
    return observed == ObservedState.PENDING && failures.eligibleAt(now);
  }

  public Server withSettings(ServerSettings value) {
    return new Server(id, value, desired, observed, reason, task, reservation, identity, failures, lastPlacement);
  }

  public Server withDesired(DesiredState value) {
    return new Server(id, settings, value, observed, reason, task, reservation, identity, failures, lastPlacement);
  }

  /** The server in {@code state} with {@code newTask} (empty for states without a task) and a reason. */
  public Server withObserved(ObservedState state, Optional<Task> newTask, String why) {
    return new Server(id, settings, desired, state, why, newTask, reservation, identity, failures, lastPlacement);
  }

  public Server withReason(String value) {
    return new Server(id, settings, desired, observed, value, task, reservation, identity, failures, lastPlacement);
  }

  public Server withReservation(Optional<Reservation> value) {
    return new Server(id, settings, desired, observed, reason, task, value, identity, failures, lastPlacement);
  }

  public Server withIdentity(Identity value) {
    return new Server(id, settings, desired, observed, reason, task, reservation, value, failures, lastPlacement);
  }

  public Server withFailures(FailureRecord value) {
    return new Server(id, settings, desired, observed, reason, task, reservation, identity, value, lastPlacement);
  }

  public Server withLastPlacement(Optional<LastPlacement> value) {
    return new Server(id, settings, desired, observed, reason, task, reservation, identity, failures, value);
  }
}

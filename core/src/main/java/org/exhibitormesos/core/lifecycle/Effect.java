package org.exhibitormesos.core.lifecycle;

import java.time.Instant;
import java.util.Objects;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.server.Reservation;

/**
 * Something the scheduler must do because of a decision. Effects are data: one runner performs them,
 * in order, after the state they depend on is persisted.
 */
public sealed interface Effect {
  /** Kill a task (the current one of a server being stopped, or one the state does not know). */
  record KillTask(ServerId server, String taskId, String agentId) implements Effect {
    public KillTask {
      Objects.requireNonNull(taskId, "taskId");
      Objects.requireNonNull(agentId, "agentId");
    }
  }

  /** Ask Mesos for the latest state of a task (explicit reconciliation). */
  record ReconcileTask(ServerId server, String taskId, String agentId) implements Effect { }

  /** A server started waiting for offers: revive offers if they were suppressed. */
  record Revive(ServerId server) implements Effect { }

  /** Wake the scheduler at {@code at} to look at the server again (failover delay). */
  record WakeUpAt(ServerId server, Instant at) implements Effect { }

  /** Take the server's identity out of the committed ZooKeeper configuration before killing it. */
  record LeaveEnsemble(ServerId server, int myid) implements Effect { }

  /**
   * Destroy the volume and unreserve the resources when the next offer from that agent shows them;
   * the scheduler keeps the reservation on its list of releases until then.
   */
  record ReleaseReservation(ServerId server, Reservation reservation) implements Effect { }

  /** Delete the server from the state: nothing of it is left on Mesos. */
  record Forget(ServerId server) implements Effect { }
}

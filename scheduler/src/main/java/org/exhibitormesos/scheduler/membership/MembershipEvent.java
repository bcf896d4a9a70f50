package org.exhibitormesos.scheduler.membership;

import java.util.Objects;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ids.ServerId;

/**
 * What the membership driver reports to the state thread, which applies it (and persists it)
 * before anything depends on it. Every event states a fact or a decision and is safe to apply
 * twice: the driver re-derives everything each round and may repeat an event until the state
 * shows it.
 */
public sealed interface MembershipEvent {

  /** The server's identity is a voter of the committed configuration. */
  record MarkVoter(ServerId server, int myid) implements MembershipEvent {
    public MarkVoter {
      Objects.requireNonNull(server, "server");
    }
  }

  /**
   * The leaving server's identity is out of the committed configuration and a later write has
   * committed: the new configuration is active, so the server may be stopped and its volume retired.
   */
  record MarkLeft(ServerId server, int myid) implements MembershipEvent {
    public MarkLeft {
      Objects.requireNonNull(server, "server");
    }
  }

  /** The committed configuration, read from the ensemble or returned by a reconfiguration. */
  record ConfigObserved(long version, Ensemble ensemble) implements MembershipEvent {
    public ConfigObserved {
      Objects.requireNonNull(ensemble, "ensemble");
    }
  }

  /** The ensemble's identity znode holds this id; the state records it (once, after bootstrap). */
  record ClusterIdObserved(String clusterId) implements MembershipEvent {
    public ClusterIdObserved {
      Objects.requireNonNull(clusterId, "clusterId");
    }
  }

  /** No membership change is allowed now (no quorum, or a change would lose it); nothing was sent. */
  record Refused(String reason) implements MembershipEvent {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A change is due but not possible yet (a joiner syncing, retries used up); tried again later. */
  record Waiting(String reason) implements MembershipEvent {
    public Waiting {
      Objects.requireNonNull(reason, "reason");
    }
  }
}

package org.exhibitormesos.scheduler.membership;

import java.util.Objects;

/** What reading the ensemble's identity znode gave. */
public sealed interface ClusterIdRead {

  /** The znode holds this cluster id. */
  record Found(String clusterId) implements ClusterIdRead {
    public Found {
      Objects.requireNonNull(clusterId, "clusterId");
    }
  }

  /** The ensemble answered and has no identity znode: it was never marked (or is not ours). */
  record Missing() implements ClusterIdRead { }

  /** No answer in time: nothing is known. */
  record Unavailable(String reason) implements ClusterIdRead {
    public Unavailable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}

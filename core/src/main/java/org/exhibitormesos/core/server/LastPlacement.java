package org.exhibitormesos.core.server;

import java.time.Instant;

/** Where a server last ran and when its task ended; stickiness keeps relaunches there for a while. */
public record LastPlacement(String agentId, String hostname, Instant leftAt) {
  public LastPlacement {
    Task.requireText("agentId", agentId);
    Task.requireText("hostname", hostname);
    java.util.Objects.requireNonNull(leftAt, "leftAt");
  }
}

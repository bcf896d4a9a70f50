package org.exhibitormesos.core.placement;

import java.util.Objects;
import org.exhibitormesos.core.ids.ServerId;

/**
 * Another server of the same ensemble that occupies an agent: running, or being launched. Reasons
 * name it by id ({@code r1 is used by server 0}).
 *
 * @param id the server's id
 * @param agent the agent it is placed on
 */
public record PlacedServer(ServerId id, AgentAttributes agent) {
  public PlacedServer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(agent, "agent");
  }
}

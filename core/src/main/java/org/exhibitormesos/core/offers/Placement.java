package org.exhibitormesos.core.offers;

import java.util.Objects;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Resources;

/** A decision to launch one server on an offer, with the exact resources, ports and volume. */
public record Placement(ServerId server, String offerId, String agentId, AgentAttributes agent, Resources resources,
    Ports ports, VolumePlan volume) {
  public Placement {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(volume, "volume");
  }
}

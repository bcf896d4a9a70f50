package org.exhibitormesos.core.offers;

import java.util.List;
import java.util.Objects;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.server.PortRange;

/**
 * One Mesos offer as core sees it: the agent, the resources available to the framework's role that
 * are not reserved, and the reserved resources and volumes of this framework's servers.
 *
 * @param role       the role the offer is allocated to ({@code *} means no reservations or volumes)
 * @param unreserved resources anyone of the role may use
 * @param volumes    reserved resources holding one server's volume each, as offered back to the role
 */
public record Offer(String offerId, String agentId, AgentAttributes agent, String role, OfferedResources unreserved,
    List<OfferedVolume> volumes) {
  public Offer {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(unreserved, "unreserved");
    volumes = List.copyOf(volumes);
  }

  public String hostname() {
    return agent.hostname();
  }

  /** Resources of one kind of pool: scalars and port ranges. */
  public record OfferedResources(double cpus, double memMb, double diskMb, List<PortRange> ports) {
    public OfferedResources {
      ports = List.copyOf(ports);
    }
  }

  /**
   * Reserved resources of one server with its persistent volume, identified by the volume's
   * persistence id.
   */
  public record OfferedVolume(String persistenceId, String containerPath, OfferedResources reserved) {
    public OfferedVolume {
      Objects.requireNonNull(persistenceId, "persistenceId");
      Objects.requireNonNull(containerPath, "containerPath");
      Objects.requireNonNull(reserved, "reserved");
    }
  }
}

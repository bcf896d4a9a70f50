package org.exhibitormesos.core.server;

import java.util.Objects;
import org.exhibitormesos.core.placement.AgentAttributes;

/**
 * Resources reserved to the framework's role on one agent, holding a persistent volume with the
 * server's ZooKeeper data, and the four ports reserved with it (a member's ports are part of its
 * address in the ensemble's configuration, so they stay with its data). The durable key is the
 * persistence id plus the hostname: an agent id can change when a host reboots; the volume stays.
 *
 * @param agent the agent's hostname and attributes, so a server waiting to return to its volume still
 *              counts as placed there for constraints
 */
public record Reservation(String agentId, AgentAttributes agent, String role, String persistenceId,
    String containerPath, Ports ports) {
  public Reservation {
    Task.requireText("agentId", agentId);
    Objects.requireNonNull(agent, "agent");
    Task.requireText("role", role);
    Task.requireText("persistenceId", persistenceId);
    Task.requireText("containerPath", containerPath);
    Objects.requireNonNull(ports, "ports");
    if ("*".equals(role)) {
      throw new IllegalArgumentException("role * cannot hold reservations or volumes");
    }
  }

  public String hostname() {
    return agent.hostname();
  }

  public Reservation onAgent(String newAgentId) {
    return new Reservation(newAgentId, agent, role, persistenceId, containerPath, ports);
  }
}

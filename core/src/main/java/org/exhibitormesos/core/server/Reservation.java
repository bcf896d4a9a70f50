package org.exhibitormesos.core.server;

/**
 * Resources reserved to the framework's role on one agent, holding a persistent volume with the
 * server's ZooKeeper data. The durable key is the persistence id plus the hostname (an agent id can
 * change when a host reboots; the volume stays).
 */
public record Reservation(String agentId, String hostname, String role, String persistenceId, String containerPath) {
  public Reservation {
    Task.requireText("agentId", agentId);
    Task.requireText("hostname", hostname);
    Task.requireText("role", role);
    Task.requireText("persistenceId", persistenceId);
    Task.requireText("containerPath", containerPath);
    if ("*".equals(role)) {
      throw new IllegalArgumentException("role * cannot hold reservations or volumes");
    }
  }

  public Reservation onAgent(String newAgentId) {
    return new Reservation(newAgentId, hostname, role, persistenceId, containerPath);
  }
}

package org.exhibitormesos.core.api;

/**
 * The four ports of a placed server. Each is nullable: absent while not yet chosen.
 *
 * @param client ZooKeeper client port
 * @param peer ZooKeeper peer (quorum) port
 * @param election ZooKeeper leader election port
 * @param admin ZooKeeper AdminServer port (native mode) or Exhibitor UI port (Exhibitor mode)
 */
public record PortsView(Integer client, Integer peer, Integer election, Integer admin) {
}

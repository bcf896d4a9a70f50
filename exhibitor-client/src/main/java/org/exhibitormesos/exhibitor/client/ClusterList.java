package org.exhibitormesos.exhibitor.client;

import java.util.List;

/**
 * Exhibitor's {@code cluster/list}, as Curator's Exhibitor ensemble provider reads it.
 *
 * @param servers the host names of the ensemble's servers
 * @param port ZooKeeper's client port
 */
public record ClusterList(List<String> servers, int port) {
  public ClusterList {
    servers = List.copyOf(servers);
  }

  /** The ZooKeeper connection string, {@code host:port,...}. */
  public String connectString() {
    return String.join(",", servers.stream().map(h -> h + ":" + port).toList());
  }
}

package org.exhibitormesos.core.server;

import java.util.List;

/**
 * The four ports a server's task holds on its agent: ZooKeeper client, peer (quorum), election, and
 * admin (ZooKeeper's AdminServer in native mode, the Exhibitor UI in Exhibitor mode).
 */
public record Ports(int client, int peer, int election, int admin) {
  public Ports {
    for (int p : List.of(client, peer, election, admin)) {
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("port " + p + " is outside 1..65535");
      }
    }
    if (List.of(client, peer, election, admin).stream().distinct().count() != 4) {
      throw new IllegalArgumentException("ports must differ: " + client + "," + peer + "," + election + "," + admin);
    }
  }

  public List<Integer> asList() {
    return List.of(client, peer, election, admin);
  }
}

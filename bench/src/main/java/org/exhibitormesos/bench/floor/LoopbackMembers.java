package org.exhibitormesos.bench.floor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.exhibitormesos.core.ensemble.EnsembleMember;

/**
 * Ensemble members on the loopback network, one address each ({@code 127.0.0.2}, {@code 127.0.0.3}
 * ...), so that every server has its own host as it would on separate agents, with ports that were
 * free a moment ago.
 */
final class LoopbackMembers {
  private LoopbackMembers() {
  }

  /** @return voters with myids 1..{@code count}, member i on {@code 127.0.0.(i+1)} */
  static List<EnsembleMember> allocate(int count) {
    List<EnsembleMember> members = new ArrayList<>();
    for (int myid = 1; myid <= count; myid++) {
      String host = "127.0.0." + (myid + 1);
      List<Integer> ports = freePorts(host, 3);
      members.add(EnsembleMember.participant(myid, host, ports.get(0), ports.get(1), ports.get(2)));
    }
    return members;
  }

  /** All sockets stay open until every port is picked, so the ports are distinct. */
  private static List<Integer> freePorts(String host, int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host));
        sockets.add(socket);
        ports.add(socket.getLocalPort());
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a free port on " + host, e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // A listening socket that never accepted closes without error in practice.
        }
      }
    }
  }
}

package org.exhibitormesos.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on 127.0.0.1. */
public final class LocalPorts {

  public static final String HOST = "127.0.0.1";

  private LocalPorts() {}

  /**
   * {@code count} distinct ports that were free a moment ago. All sockets stay open until every
   * port is picked, so the ports are distinct; another process may still take one before use.
   */
  public static List<Integer> free(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
        sockets.add(socket);
        ports.add(socket.getLocalPort());
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // Closing a listening socket that never accepted does not fail in practice.
        }
      }
    }
  }
}

package org.exhibitormesos.bench.floor;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Asks a ZooKeeper server for its mode with the {@code srvr} four-letter word. */
public final class Srvr {
  private static final int TIMEOUT_MS = 1000;

  /** The modes a serving server reports. */
  public enum Mode {
    LEADER, FOLLOWER, OBSERVER, STANDALONE
  }

  private Srvr() {
  }

  /**
   * @return the server's mode; empty if it cannot be reached or does not serve yet (a server
   *     without a quorum answers "This ZooKeeper instance is not currently serving requests")
   */
  public static Optional<Mode> mode(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      socket.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Optional<Mode> parse(String answer) {
    for (String line : answer.split("\n")) {
      if (line.startsWith("Mode: ")) {
        try {
          return Optional.of(Mode.valueOf(line.substring(6).trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}

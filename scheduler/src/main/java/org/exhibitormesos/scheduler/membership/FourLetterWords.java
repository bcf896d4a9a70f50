package org.exhibitormesos.scheduler.membership;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.exhibitormesos.core.membership.MemberProbe.Mode;

/**
 * ZooKeeper's four-letter words ({@code srvr}, {@code mntr}, {@code conf}) over a plain socket to a
 * server's client port, each bounded by a connect and a read timeout. The server must whitelist
 * them ({@code 4lw.commands.whitelist}).
 *
 * <p>Stateless and thread-safe; every call opens and closes its own socket.
 */
public final class FourLetterWords {

  static final String NOT_SERVING = "This ZooKeeper instance is not currently serving requests";
  private static final int MAX_RESPONSE_BYTES = 1 << 20;

  private final Duration connectTimeout;
  private final Duration readTimeout;

  /**
   * @param connectTimeout how long a TCP connect may take
   * @param readTimeout how long the server may take to answer completely (each read)
   */
  public FourLetterWords(Duration connectTimeout, Duration readTimeout) {
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
  }

  /** {@code srvr} on {@code host:port}; never throws for network trouble, which is UNREACHABLE. */
  public ServerStatus srvr(String host, int port) {
    try {
      return parseSrvr(send(host, port, "srvr"));
    } catch (IOException e) {
      return ServerStatus.unreachable(describe(e));
    }
  }

  /**
   * {@code mntr} as key/value pairs in the order the server printed them; empty when the server is
   * unreachable or not serving.
   */
  public Optional<Map<String, String>> mntr(String host, int port) {
    try {
      String text = send(host, port, "mntr");
      return text.contains(NOT_SERVING) ? Optional.empty() : Optional.of(parseMntr(text));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code zk_peer_state} from {@code mntr}, such as {@code following - broadcast}. */
  public Optional<String> peerState(String host, int port) {
    return mntr(host, port).flatMap(m -> Optional.ofNullable(m.get("zk_peer_state")));
  }

  /**
   * {@code conf}: the server's own view of its configuration, including its server lines and the
   * {@code version=} it knows; empty when unreachable or not serving.
   */
  public Optional<String> conf(String host, int port) {
    try {
      String text = send(host, port, "conf");
      return text.contains(NOT_SERVING) ? Optional.empty() : Optional.of(text);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Parses a {@code srvr} answer. An answer without a known {@code Mode:} line is UNREACHABLE. */
  static ServerStatus parseSrvr(String text) {
    if (text.contains(NOT_SERVING)) {
      return ServerStatus.notServing();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : text.split("\\R")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    String modeText = fields.get("Mode");
    if (modeText == null) {
      return ServerStatus.unreachable("srvr answer has no Mode line");
    }
    Mode mode;
    switch (modeText.toLowerCase(Locale.ROOT)) {
      case "leader" -> mode = Mode.LEADER;
      case "follower" -> mode = Mode.FOLLOWER;
      case "observer" -> mode = Mode.OBSERVER;
      case "standalone" -> mode = Mode.STANDALONE;
      default -> {
        return ServerStatus.unreachable("srvr reports unknown mode '" + modeText + "'");
      }
    }
    return new ServerStatus(mode, parseZxid(fields.get("Zxid")), "");
  }

  /** Parses {@code mntr}'s tab-separated {@code key value} lines. */
  static Map<String, String> parseMntr(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\\R")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        out.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
      }
    }
    return out;
  }

  private static OptionalLong parseZxid(String zxid) {
    if (zxid == null || !zxid.startsWith("0x")) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseUnsignedLong(zxid.substring(2), 16));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private String send(String host, int port, String word) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
      socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
      socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      // The server answers and closes the connection: read to end of stream.
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        out.write(buf, 0, n);
        if (out.size() > MAX_RESPONSE_BYTES) {
          throw new IOException(word + " answer exceeds " + MAX_RESPONSE_BYTES + " bytes");
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static String describe(IOException e) {
    if (e instanceof SocketTimeoutException) {
      return "timed out: " + e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}

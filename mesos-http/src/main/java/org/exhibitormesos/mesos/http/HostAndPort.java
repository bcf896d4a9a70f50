package org.exhibitormesos.mesos.http;

import java.util.Objects;

/**
 * A host name or IP literal and a TCP port. IPv6 literals are kept without brackets and printed with
 * them.
 *
 * @param host non-blank host name or IP literal
 * @param port 1..65535
 */
public record HostAndPort(String host, int port) {
  public HostAndPort {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 1..65535");
    }
  }

  /**
   * Parses {@code host:port} or {@code [ipv6]:port}.
   *
   * @throws IllegalArgumentException naming the input and the accepted form
   */
  public static HostAndPort parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.trim();
    String host;
    String port;
    if (s.startsWith("[")) {
      int close = s.indexOf("]:");
      if (close < 0) {
        throw invalid(text);
      }
      host = s.substring(1, close);
      port = s.substring(close + 2);
    } else {
      int colon = s.lastIndexOf(':');
      if (colon <= 0 || s.indexOf(':') != colon) {
        throw invalid(text);
      }
      host = s.substring(0, colon);
      port = s.substring(colon + 1);
    }
    if (host.isBlank() || port.isEmpty() || !port.chars().allMatch(c -> c >= '0' && c <= '9')
        || port.length() > 5) {
      throw invalid(text);
    }
    try {
      return new HostAndPort(host, Integer.parseInt(port));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid address '" + text + "': " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "invalid address '" + text + "': expected host:port or [ipv6]:port");
  }

  /** The value for an HTTP {@code Host} header and for logs. */
  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}

package org.exhibitormesos.mesos.http.scheduler;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import org.exhibitormesos.mesos.http.HostAndPort;

/**
 * A master address plus the request path to use on it.
 *
 * @param address where to connect
 * @param path the request path, starting with {@code /}
 */
record Endpoint(HostAndPort address, String path) {
  Endpoint {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(path, "path");
  }

  /**
   * Resolves the {@code Location} of a master's 307. Mesos sends it protocol-relative
   * ({@code //leader:5050/master/api/v1/scheduler}); absolute {@code http://} URLs are accepted
   * too. A location without a path keeps {@code fallbackPath}.
   *
   * @throws IllegalArgumentException if the location has no usable host
   */
  static Endpoint fromLocation(String location, String fallbackPath) {
    Objects.requireNonNull(location, "location");
    String text = location.trim();
    if (text.startsWith("//")) {
      text = "http:" + text;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("unusable redirect Location '" + location + "'", e);
    }
    if (uri.getHost() == null || (uri.getScheme() != null && !uri.getScheme().equals("http"))) {
      throw new IllegalArgumentException("unusable redirect Location '" + location
          + "': expected //host:port/path");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty()
        ? fallbackPath : uri.getRawPath();
    return new Endpoint(new HostAndPort(host, port), path);
  }

  @Override
  public String toString() {
    return address + path;
  }
}

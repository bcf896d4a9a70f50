package org.exhibitormesos.scheduler.config;

import java.net.URI;
import java.net.URISyntaxException;
import org.exhibitormesos.core.InvalidInputException;

/** The API's host and port from {@code --api}: {@code http://host:port} (or {@code host:port}). */
record ApiAddress(String host, int port) {
  private static final String FORMS = "accepted: http://host:port, e.g. http://192.168.3.5:7000";

  static ApiAddress parse(String text) {
    String t = text.trim();
    String withScheme = t.contains("://") ? t : "http://" + t;
    try {
      URI uri = new URI(withScheme);
      if (!"http".equals(uri.getScheme())) {
        throw new InvalidInputException("invalid --api '" + text + "': only http is served; " + FORMS);
      }
      if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535) {
        throw new InvalidInputException("invalid --api '" + text + "': needs a host and a port; " + FORMS);
      }
      if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
        throw new InvalidInputException("invalid --api '" + text + "': no path allowed; " + FORMS);
      }
      return new ApiAddress(uri.getHost(), uri.getPort());
    } catch (URISyntaxException e) {
      throw new InvalidInputException("invalid --api '" + text + "': " + e.getReason() + "; " + FORMS);
    }
  }
}

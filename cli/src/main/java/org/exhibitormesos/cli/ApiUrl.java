package org.exhibitormesos.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Where the scheduler's control API is: {@code -a/--api}, else {@code EM_API}. */
final class ApiUrl {
  /** The environment variable the original read the API URL from. */
  static final String ENV = "EM_API";

  static final String HOW_TO_SET = "no scheduler API URL: pass -a/--api http://HOST:PORT or set "
      + ENV + "=http://HOST:PORT (the scheduler's --api)";

  private ApiUrl() {}

  /**
   * @param flag the {@code -a/--api} value, if given
   * @param env the {@code EM_API} value, if set
   * @return the base URL without a trailing slash; {@code http://} is assumed when no scheme is given
   * @throws UsageException if neither is given, or the URL is malformed
   */
  static URI resolve(Optional<String> flag, Optional<String> env) throws UsageException {
    Optional<String> given = flag.or(() -> env.filter(e -> !e.isBlank()));
    if (given.isEmpty() || given.get().isBlank()) {
      throw new UsageException(HOW_TO_SET);
    }
    String source = flag.isPresent() ? "--api" : ENV;
    String text = given.get().strip();
    if (!text.contains("://")) {
      text = "http://" + text;
    }
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new UsageException("invalid API URL '" + given.get() + "' from " + source + ": " + e.getReason()
          + "; expected http://HOST:PORT");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getQuery() != null) {
      throw new UsageException("invalid API URL '" + given.get() + "' from " + source
          + "; expected http://HOST:PORT");
    }
    return uri;
  }
}

package org.exhibitormesos.mesos.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP Basic credentials of a framework ({@code --credentials} principal and secret on the master).
 * {@link #toString()} never prints the secret.
 */
public record Credentials(String principal, String secret) {
  public Credentials {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(secret, "secret");
    if (principal.isEmpty() || principal.indexOf(':') >= 0) {
      throw new IllegalArgumentException("principal must be non-empty and must not contain ':'");
    }
  }

  /** The {@code Authorization} header value: {@code Basic base64(principal:secret)}. */
  public String authorizationHeader() {
    byte[] raw = (principal + ":" + secret).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(raw);
  }

  @Override
  public String toString() {
    return "Credentials[principal=" + principal + ", secret=***]";
  }
}

package org.exhibitormesos.mesos.local.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.exhibitormesos.mesos.http.Credentials;

/**
 * Optional HTTP Basic authentication of schedulers ({@code --authenticate_http_frameworks}): off
 * when no credentials are configured (the header is then ignored).
 */
public final class BasicAuth {
  /** Realm of the master's scheduler endpoint. */
  static final String REALM = "mesos-master-scheduler";
  private final List<Credentials> credentials;

  /** Thrown for a missing or wrong {@code Authorization} header. */
  static final class Unauthorized extends Exception {
    Unauthorized(String message) {
      super(message);
    }
  }

  public BasicAuth(List<Credentials> credentials) {
    this.credentials = List.copyOf(credentials);
  }

  /** The authenticated principal; empty when authentication is off. */
  Optional<String> authenticate(String header) throws Unauthorized {
    if (credentials.isEmpty()) {
      return Optional.empty();
    }
    if (header == null || !header.startsWith("Basic ")) {
      throw new Unauthorized("Missing Basic credentials");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new Unauthorized("Malformed Basic credentials");
    }
    for (Credentials c : credentials) {
      if (decoded.equals(c.principal() + ":" + c.secret())) {
        return Optional.of(c.principal());
      }
    }
    throw new Unauthorized("Authentication failed");
  }

  /** SUBSCRIBE: a principal set in FrameworkInfo must be the authenticated one (else 400). */
  static Optional<String> principalMismatch(Optional<String> principal, Call call) {
    if (principal.isEmpty() || !call.getSubscribe().getFrameworkInfo().hasPrincipal()) {
      return Optional.empty();
    }
    String given = call.getSubscribe().getFrameworkInfo().getPrincipal();
    return given.equals(principal.get()) ? Optional.empty()
        : Optional.of("Authenticated principal '" + principal.get() + "' does not match principal '"
            + given + "' set in `FrameworkInfo`");
  }

  /** SUBSCRIBE: an unset FrameworkInfo.principal is filled in from the authenticated one. */
  static Call withPrincipal(Optional<String> principal, Call call) {
    if (principal.isEmpty() || call.getSubscribe().getFrameworkInfo().hasPrincipal()) {
      return call;
    }
    Call.Builder b = call.toBuilder();
    b.getSubscribeBuilder().getFrameworkInfoBuilder().setPrincipal(principal.get());
    return b.build();
  }
}

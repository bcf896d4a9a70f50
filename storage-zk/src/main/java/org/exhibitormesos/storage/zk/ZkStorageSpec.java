package org.exhibitormesos.storage.zk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the scheduler's state lives in ZooKeeper, parsed from the {@code --storage} flag.
 *
 * <p>Accepted forms: {@code zk:host:port[,host:port...]/path} and
 * {@code zk:user:password@host:port[,host:port...]/path}. The password never appears in
 * {@link #toString()}, {@link #describe()} or any error message.
 *
 * <p>Immutable and thread-safe.
 *
 * @param hosts the ensemble's {@code host:port} pairs, at least one
 * @param path the absolute znode path of the state document, never {@code /}
 * @param credentials digest credentials, or empty for an open (unauthenticated) store
 */
public record ZkStorageSpec(List<String> hosts, String path, Optional<Credentials> credentials) {

  static final String FORMS =
      "zk:host:port[,host:port...]/path or zk:user:password@host:port[,host:port...]/path";

  private static final Pattern HOST_PORT =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9_.-]+):([0-9]{1,5})");
  private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9_.:-]+");

  /**
   * Digest credentials for ZooKeeper's {@code digest} scheme.
   *
   * @param user the user name, not blank, without {@code :}
   * @param password the password, not empty
   */
  public record Credentials(String user, String password) {

    /** @throws IllegalArgumentException if the user or password is unusable */
    public Credentials {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (user.isBlank() || user.contains(":")) {
        throw new IllegalArgumentException("user must be non-blank and must not contain ':'");
      }
      if (password.isEmpty()) {
        throw new IllegalArgumentException("password must not be empty");
      }
    }

    /** @return {@code user:password}, the form ZooKeeper's digest scheme expects */
    String authString() {
      return user + ":" + password;
    }

    @Override
    public String toString() {
      return "Credentials[user=" + user + ", password=***]";
    }
  }

  /** @throws IllegalArgumentException if a field is invalid */
  public ZkStorageSpec {
    hosts = List.copyOf(hosts);
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(credentials, "credentials");
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("at least one host:port is required");
    }
    for (String host : hosts) {
      if (!HOST_PORT.matcher(host).matches() || port(host) < 1 || port(host) > 65535) {
        throw new IllegalArgumentException("bad host:port '" + host + "'");
      }
    }
    if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
      throw new IllegalArgumentException("path must be absolute and not '/', got '" + path + "'");
    }
    for (String segment : path.substring(1).split("/", -1)) {
      if (!PATH_SEGMENT.matcher(segment).matches() || segment.equals(".")
          || segment.equals("..") || segment.equals("zookeeper")) {
        throw new IllegalArgumentException("bad path segment '" + segment + "' in " + path);
      }
    }
  }

  /**
   * Parses a {@code --storage} value.
   *
   * @param text {@code zk:host:port[,...]/path} or {@code zk:user:password@host:port[,...]/path}
   * @return the spec
   * @throws IllegalArgumentException naming the accepted forms if {@code text} is not one of them;
   *     the message never contains the password
   */
  public static ZkStorageSpec parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.startsWith("zk:")) {
      throw bad(redact(text), "it does not start with 'zk:'");
    }
    String rest = text.substring(3);
    Optional<Credentials> credentials = Optional.empty();
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        throw bad(redact(text), "credentials must be user:password");
      }
      try {
        credentials = Optional.of(
            new Credentials(userInfo.substring(0, colon), userInfo.substring(colon + 1)));
      } catch (IllegalArgumentException e) {
        throw bad(redact(text), e.getMessage());
      }
      rest = rest.substring(at + 1);
    }
    int slash = rest.indexOf('/');
    if (slash < 0) {
      throw bad(redact(text), "the znode path is missing");
    }
    try {
      return new ZkStorageSpec(
          List.of(rest.substring(0, slash).split(",", -1)), rest.substring(slash), credentials);
    } catch (IllegalArgumentException e) {
      throw bad(redact(text), e.getMessage());
    }
  }

  /** @return the client connect string, {@code host:port[,host:port...]} */
  public String connectString() {
    return String.join(",", hosts);
  }

  /** @return {@code zk:host:port[,...]/path}, without credentials; safe for logs */
  public String describe() {
    return "zk:" + connectString() + path;
  }

  /** @return a spec for a sibling znode path with the same ensemble and credentials */
  public ZkStorageSpec withPath(String otherPath) {
    return new ZkStorageSpec(hosts, otherPath, credentials);
  }

  @Override
  public String toString() {
    return credentials.map(c -> "zk:" + c.user() + ":***@" + connectString() + path)
        .orElseGet(this::describe);
  }

  private static int port(String hostPort) {
    return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
  }

  private static String redact(String text) {
    int at = text.lastIndexOf('@');
    if (at < 0) {
      return text;
    }
    String userInfo = text.substring(text.startsWith("zk:") ? 3 : 0, at);
    int colon = userInfo.indexOf(':');
    String user = colon < 0 ? "***" : userInfo.substring(0, colon);
    return "zk:" + user + ":***" + text.substring(at);
  }

  private static IllegalArgumentException bad(String shown, String why) {
    return new IllegalArgumentException(
        "bad ZooKeeper storage '" + shown + "': " + why + "; accepted forms: " + FORMS);
  }
}

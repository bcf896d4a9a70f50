package org.exhibitormesos.mesos.http.master;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.zookeeper.common.PathUtils;
import org.exhibitormesos.mesos.http.HostAndPort;

/**
 * Where to look for the leading master, as given by an operator in the same forms Mesos accepts
 * for {@code --master}: {@code host:port[,host:port...]} or
 * {@code zk://[user:password@]host:port[,host:port...]/path}.
 */
public sealed interface MasterSpec permits MasterSpec.Static, MasterSpec.Zk {
  /** The accepted forms, quoted in every parse error. */
  String ACCEPTED_FORMS =
      "host:port[,host:port...] or zk://[user:password@]host:port[,host:port...]/path";

  /** A fixed list of masters; any of them redirects to the leader. */
  record Static(List<HostAndPort> masters) implements MasterSpec {
    public Static {
      masters = List.copyOf(masters);
      if (masters.isEmpty()) {
        throw new IllegalArgumentException("at least one master is required");
      }
    }
  }

  /** ZooKeeper digest credentials; {@link #toString()} hides the password. */
  record Digest(String user, String password) {
    public Digest {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Digest[user=" + user + ", password=***]";
    }
  }

  /**
   * The ZooKeeper ensemble and the znode under which masters create {@code json.info_} nodes.
   *
   * @param servers the ensemble, non-empty
   * @param path absolute znode path, without a trailing slash unless it is {@code /}
   * @param digest credentials for {@code digest} auth, if any
   */
  record Zk(List<HostAndPort> servers, String path, Optional<Digest> digest) implements MasterSpec {
    public Zk {
      servers = List.copyOf(servers);
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(digest, "digest");
      if (servers.isEmpty()) {
        throw new IllegalArgumentException("at least one ZooKeeper server is required");
      }
      PathUtils.validatePath(path);
    }

    /** The ZooKeeper client connect string, {@code host:port,host:port} (no chroot). */
    public String connectString() {
      return String.join(",", servers.stream().map(HostAndPort::toString).toList());
    }
  }

  /**
   * Parses an operator-supplied master location.
   *
   * @throws IllegalArgumentException naming the input, what is wrong and {@link #ACCEPTED_FORMS}
   */
  static MasterSpec parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.trim();
    try {
      if (s.isEmpty()) {
        throw new IllegalArgumentException("it is empty");
      }
      if (s.regionMatches(true, 0, "zk://", 0, 5)) {
        return parseZk(s.substring(5));
      }
      if (s.contains("://")) {
        throw new IllegalArgumentException("unsupported scheme");
      }
      return new Static(hosts(s));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid master '" + redact(text) + "': " + e.getMessage() + "; expected " + ACCEPTED_FORMS,
          e);
    }
  }

  private static Zk parseZk(String rest) {
    int slash = rest.indexOf('/', Math.max(0, rest.lastIndexOf('@')));
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "/" : rest.substring(slash);
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    Optional<Digest> digest = Optional.empty();
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      int colon = userInfo.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("credentials must be user:password");
      }
      digest = Optional.of(new Digest(userInfo.substring(0, colon), userInfo.substring(colon + 1)));
      authority = authority.substring(at + 1);
    }
    try {
      PathUtils.validatePath(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid ZooKeeper path '" + path + "': " + e.getMessage(),
          e);
    }
    return new Zk(hosts(authority), path, digest);
  }

  private static List<HostAndPort> hosts(String list) {
    List<HostAndPort> out = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      if (part.isBlank()) {
        throw new IllegalArgumentException("empty host in '" + list + "'");
      }
      out.add(HostAndPort.parse(part.trim()));
    }
    return out;
  }

  /** Hides a password in an echoed zk:// URL. */
  private static String redact(String text) {
    int at = text.lastIndexOf('@');
    int scheme = text.indexOf("://");
    if (at < 0 || scheme < 0 || at < scheme) {
      return text;
    }
    String userInfo = text.substring(scheme + 3, at);
    int colon = userInfo.indexOf(':');
    return colon < 0 ? text
        : text.substring(0, scheme + 3) + userInfo.substring(0, colon) + ":***" + text.substring(at);
  }
}

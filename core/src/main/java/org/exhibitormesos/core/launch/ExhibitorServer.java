package org.exhibitormesos.core.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhibitormesos.core.InvalidInputException;

/**
 * One entry of Exhibitor's {@code serversSpec}: {@code S:<id>:<host>} for a voting member,
 * {@code O:<id>:<host>} for an observer.
 *
 * @param id the ZooKeeper server id (1..254, the task's myid)
 * @param host the host name Exhibitor announces for it ({@code --hostname})
 * @param observer whether it is an observer
 */
public record ExhibitorServer(int id, String host, boolean observer) {
  private static final Pattern ENTRY = Pattern.compile("([SO]):(\\d{1,3}):([A-Za-z0-9._-]+)");

  /** @throws InvalidInputException if the id or host is invalid */
  public ExhibitorServer {
    if (id < 1 || id > 254) {
      throw new InvalidInputException("servers spec id " + id + " is not in 1..254");
    }
    if (host == null || !host.matches("[A-Za-z0-9._-]+")) {
      throw new InvalidInputException("servers spec host '" + host + "' is not a host name");
    }
  }

  /** A voting member. */
  public static ExhibitorServer voter(int id, String host) {
    return new ExhibitorServer(id, host, false);
  }

  /** {@code S:<id>:<host>} or {@code O:<id>:<host>}. */
  public String text() {
    return (observer ? "O" : "S") + ":" + id + ":" + host;
  }

  /**
   * Parses a comma-separated spec; blank entries are skipped.
   *
   * @throws InvalidInputException naming the entry, if one is malformed or an id repeats
   */
  public static List<ExhibitorServer> parseSpec(String spec) {
    List<ExhibitorServer> out = new ArrayList<>();
    for (String raw : spec.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      Matcher m = ENTRY.matcher(entry);
      if (!m.matches()) {
        throw new InvalidInputException("servers spec entry '" + entry
            + "' is not S:<id>:<host> or O:<id>:<host>");
      }
      ExhibitorServer server = new ExhibitorServer(Integer.parseInt(m.group(2)), m.group(3),
          m.group(1).equals("O"));
      if (out.stream().anyMatch(s -> s.id() == server.id())) {
        throw new InvalidInputException("servers spec lists id " + server.id() + " twice");
      }
      out.add(server);
    }
    return List.copyOf(out);
  }

  /** The comma-separated spec, in the given order. */
  public static String renderSpec(List<ExhibitorServer> servers) {
    return String.join(",", servers.stream().map(ExhibitorServer::text).toList());
  }
}

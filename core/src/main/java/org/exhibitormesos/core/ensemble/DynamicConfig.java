package org.exhibitormesos.core.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.exhibitormesos.core.InvalidInputException;

/**
 * The text form of a membership: ZooKeeper's dynamic configuration file and the committed
 * configuration that {@code getConfig} (the {@code /zookeeper/config} znode) returns.
 *
 * <p>Accepted lines, blank lines ignored:
 *
 * <pre>
 * server.&lt;id&gt;=&lt;host&gt;:&lt;peerPort&gt;:&lt;electionPort&gt;[:participant|:observer];[&lt;clientHost&gt;:]&lt;clientPort&gt;
 * version=&lt;hex&gt;
 * </pre>
 *
 * A missing role means participant; a client part with only a port means client host
 * {@code 0.0.0.0}, as ZooKeeper reads it. Not accepted: a server line without a client part,
 * IPv6 literals, multiple addresses per server ({@code a|b}), hierarchical quorums
 * ({@code group.}/{@code weight.} lines) and anything else.
 */
public final class DynamicConfig {

  static final String ACCEPTED_FORMS =
      "accepted: 'server.<id>=<host>:<peerPort>:<electionPort>[:participant|:observer];"
          + "[<clientHost>:]<clientPort>' or 'version=<hex>'";

  private static final String SERVER_PREFIX = "server.";
  private static final String VERSION_PREFIX = "version=";

  private DynamicConfig() {}

  /**
   * Parses committed config text into an ensemble carrying its version ({@code 0} if the text has
   * no {@code version=} line, as in a dynamic file rendered before the first commit).
   *
   * @throws InvalidInputException naming the line number and the bad part, if any line is not in
   *     an accepted form, an id repeats, no server line is present or none is a participant
   */
  public static Ensemble parse(String text) {
    List<EnsembleMember> members = new ArrayList<>();
    Long version = null;
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      String where = "config line " + (i + 1) + " '" + line + "': ";
      if (line.isEmpty()) {
        continue;
      }
      try {
        if (line.startsWith(VERSION_PREFIX)) {
          if (version != null) {
            throw new InvalidInputException("second version line; " + ACCEPTED_FORMS);
          }
          version = parseVersion(line.substring(VERSION_PREFIX.length()));
        } else if (line.startsWith(SERVER_PREFIX)) {
          members.add(parseServer(line.substring(SERVER_PREFIX.length())));
        } else {
          throw new InvalidInputException("unexpected line; " + ACCEPTED_FORMS);
        }
      } catch (InvalidInputException e) {
        throw new InvalidInputException(where + e.getMessage());
      }
    }
    if (members.isEmpty()) {
      throw new InvalidInputException("config has no server lines; " + ACCEPTED_FORMS);
    }
    return new Ensemble(members, version == null ? Ensemble.UNKNOWN_VERSION : version);
  }

  /**
   * The canonical server line, without a line terminator:
   * {@code server.<myid>=<peerHost>:<peerPort>:<electionPort>:<role>;<clientHost>:<clientPort>}.
   * This is the form ZooKeeper itself prints in {@code getConfig}.
   */
  public static String serverLine(EnsembleMember m) {
    return SERVER_PREFIX + m.myid() + "=" + m.peerHost() + ":" + m.peerPort() + ":"
        + m.electionPort() + ":" + m.role().text() + ";" + m.clientHost() + ":" + m.clientPort();
  }

  /** One {@link #serverLine} per member in myid order, each ending in {@code \n}; no version line. */
  public static String render(Ensemble ensemble) {
    StringBuilder out = new StringBuilder();
    for (EnsembleMember member : ensemble.members()) {
      out.append(serverLine(member)).append('\n');
    }
    return out.toString();
  }

  private static long parseVersion(String hex) {
    try {
      return Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("version '" + hex + "' is not a hexadecimal number");
    }
  }

  private static EnsembleMember parseServer(String rest) {
    int eq = rest.indexOf('=');
    if (eq < 0) {
      throw new InvalidInputException("no '=' after the server id; " + ACCEPTED_FORMS);
    }
    int myid = parseNumber("server id", rest.substring(0, eq).strip());
    String spec = rest.substring(eq + 1).strip();
    if (spec.indexOf('|') >= 0) {
      throw new InvalidInputException("multiple addresses per server ('|') are not supported");
    }
    if (spec.indexOf('[') >= 0) {
      throw new InvalidInputException("IPv6 addresses are not supported");
    }
    int semi = spec.indexOf(';');
    if (semi < 0) {
      throw new InvalidInputException("no ';<clientPort>' part; " + ACCEPTED_FORMS);
    }
    String[] peer = spec.substring(0, semi).split(":", -1);
    if (peer.length != 3 && peer.length != 4) {
      throw new InvalidInputException(
          "expected <host>:<peerPort>:<electionPort>[:<role>] before ';'; " + ACCEPTED_FORMS);
    }
    Role role = peer.length == 4 ? Role.parse(peer[3].strip()) : Role.PARTICIPANT;
    String[] client = spec.substring(semi + 1).split(":", -1);
    if (client.length > 2) {
      throw new InvalidInputException(
          "expected [<clientHost>:]<clientPort> after ';'; " + ACCEPTED_FORMS);
    }
    String clientHost = client.length == 2 ? client[0].strip() : EnsembleMember.ANY_HOST;
    int clientPort = parseNumber("client port", client[client.length - 1].strip());
    return new EnsembleMember(
        myid,
        peer[0].strip(),
        parseNumber("peer port", peer[1].strip()),
        parseNumber("election port", peer[2].strip()),
        role,
        clientHost,
        clientPort);
  }

  private static int parseNumber(String what, String digits) {
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      throw new InvalidInputException(what + " '" + digits + "' is not a decimal number");
    }
    return Integer.parseInt(digits);
  }
}

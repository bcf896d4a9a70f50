package org.exhibitormesos.core.ensemble;

import java.util.Objects;
import java.util.regex.Pattern;
import org.exhibitormesos.core.InvalidInputException;

/**
 * One server as it appears in a ZooKeeper server line:
 * {@code server.<myid>=<peerHost>:<peerPort>:<electionPort>:<role>;<clientHost>:<clientPort>}.
 *
 * <p>Hosts are host names or IPv4 addresses; IPv6 literals and ZooKeeper's multi-address form
 * ({@code a|b}) are not supported. A {@code clientHost} of {@code 0.0.0.0} means "all interfaces".
 *
 * @param myid the server id, 1..254; ids are never reused for another server
 * @param peerHost address the quorum and election ports listen on
 * @param peerPort quorum (follower to leader) port, 1..65535
 * @param electionPort leader election port, 1..65535
 * @param role participant (voter) or observer
 * @param clientHost address the client port listens on
 * @param clientPort client port, 1..65535
 */
public record EnsembleMember(
    int myid,
    String peerHost,
    int peerPort,
    int electionPort,
    Role role,
    String clientHost,
    int clientPort) {

  /** The wildcard client address ZooKeeper assumes when a server line gives only a port. */
  public static final String ANY_HOST = "0.0.0.0";

  // Characters that would change the meaning of a server line or a connect string.
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+");

  /** @throws InvalidInputException if any component is out of range or blank */
  public EnsembleMember {
    Objects.requireNonNull(role, "role");
    if (myid < 1 || myid > 254) {
      throw new InvalidInputException("server id " + myid + " is not in 1..254");
    }
    requireHost("peer host", peerHost, myid);
    requireHost("client host", clientHost, myid);
    requirePort("peer port", peerPort, myid);
    requirePort("election port", electionPort, myid);
    requirePort("client port", clientPort, myid);
  }

  /** A voter whose client port listens on its peer host. */
  public static EnsembleMember participant(
      int myid, String host, int peerPort, int electionPort, int clientPort) {
    return new EnsembleMember(
        myid, host, peerPort, electionPort, Role.PARTICIPANT, host, clientPort);
  }

  /** An observer whose client port listens on its peer host. */
  public static EnsembleMember observer(
      int myid, String host, int peerPort, int electionPort, int clientPort) {
    return new EnsembleMember(myid, host, peerPort, electionPort, Role.OBSERVER, host, clientPort);
  }

  /** This member with another role; everything else unchanged. */
  public EnsembleMember withRole(Role newRole) {
    return new EnsembleMember(
        myid, peerHost, peerPort, electionPort, newRole, clientHost, clientPort);
  }

  /** Whether this member votes. */
  public boolean isVoter() {
    return role == Role.PARTICIPANT;
  }

  /**
   * The {@code host:port} a client should dial: the client host, or the peer host when the client
   * port listens on the wildcard address (nobody can dial {@code 0.0.0.0}).
   */
  public String clientAddress() {
    String host = ANY_HOST.equals(clientHost) ? peerHost : clientHost;
    return host + ":" + clientPort;
  }

  private static void requireHost(String what, String host, int myid) {
    if (host == null || host.isBlank()) {
      throw new InvalidInputException(what + " of server " + myid + " is blank");
    }
    if (!HOST.matcher(host).matches()) {
      throw new InvalidInputException(what + " '" + host + "' of server " + myid
          + " is not a host name or IPv4 address (letters, digits, '.', '-', '_')");
    }
  }

  private static void requirePort(String what, int port, int myid) {
    if (port < 1 || port > 65535) {
      throw new InvalidInputException(
          what + " " + port + " of server " + myid + " is not in 1..65535");
    }
  }
}

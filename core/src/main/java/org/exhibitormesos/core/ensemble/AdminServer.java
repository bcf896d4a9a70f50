package org.exhibitormesos.core.ensemble;

import org.exhibitormesos.core.InvalidInputException;

/**
 * ZooKeeper's embedded HTTP admin server ({@code admin.*} in {@code zoo.cfg}). When enabled it is
 * bound to one address so it never listens on {@code 0.0.0.0}.
 *
 * @param enabled whether the admin server runs
 * @param host address it binds to; {@code ""} when disabled
 * @param port port it listens on; {@code 0} when disabled
 */
public record AdminServer(boolean enabled, String host, int port) {

  /** No admin server. */
  public static final AdminServer DISABLED = new AdminServer(false, "", 0);

  /** @throws InvalidInputException if enabled with a bad host or port, or disabled with either set */
  public AdminServer {
    if (enabled) {
      CfgValues.require("admin.serverAddress", host);
      if (port < 1 || port > 65535) {
        throw new InvalidInputException("admin server port " + port + " is not in 1..65535");
      }
    } else if (!"".equals(host) || port != 0) {
      throw new InvalidInputException("a disabled admin server has no host or port");
    }
  }

  /** An admin server bound to {@code host:port}. */
  public static AdminServer at(String host, int port) {
    return new AdminServer(true, host, port);
  }
}

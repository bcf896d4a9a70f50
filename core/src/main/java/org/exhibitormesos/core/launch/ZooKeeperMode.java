package org.exhibitormesos.core.launch;

import java.util.Locale;
import org.exhibitormesos.core.InvalidInputException;

/** The role a running ZooKeeper server reports in the {@code Mode:} line of {@code srvr}. */
public enum ZooKeeperMode {
  LEADER, FOLLOWER, OBSERVER, STANDALONE,
  /** Not known: not probed yet, not serving, or a mode this code does not know. */
  UNKNOWN;

  /** The lower-case form ZooKeeper prints. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a server in this mode serves clients. */
  public boolean serves() {
    return this != UNKNOWN;
  }

  /** The mode for ZooKeeper's text ({@code leader}, ...); anything else is {@link #UNKNOWN}. */
  public static ZooKeeperMode fromZooKeeper(String text) {
    for (ZooKeeperMode m : values()) {
      if (m.text().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    return UNKNOWN;
  }

  /** Strict form for decoding documents. @throws InvalidInputException naming the values */
  public static ZooKeeperMode parse(String text) {
    for (ZooKeeperMode m : values()) {
      if (m.text().equals(text)) {
        return m;
      }
    }
    throw new InvalidInputException("mode '" + text
        + "' is not one of leader, follower, observer, standalone, unknown");
  }
}

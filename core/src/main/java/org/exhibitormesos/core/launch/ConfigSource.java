package org.exhibitormesos.core.launch;

import java.util.Locale;
import org.exhibitormesos.core.InvalidInputException;

/**
 * Where a launched server's ZooKeeper configuration comes from. See
 * {@code reference/zookeeper-membership.md} section 3.1: the scheduler renders config files in
 * exactly two cases, bootstrap and join; every other launch restarts from the files on the volume.
 */
public enum ConfigSource {
  /**
   * Write the given dynamic config, which lists every initial member, even if the data directory
   * already holds data.
   */
  BOOTSTRAP,
  /**
   * Write the given joiner config (the committed members plus this server as observer); the data
   * directory is expected to be empty.
   */
  JOIN,
  /**
   * Reuse {@code zoo.cfg} and the dynamic files already on the volume; a volume without them is an
   * error, never a reason to invent a config.
   */
  RESTART;

  /** The lower-case JSON form. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws InvalidInputException naming the accepted values */
  public static ConfigSource parse(String text) {
    for (ConfigSource s : values()) {
      if (s.text().equals(text)) {
        return s;
      }
    }
    throw new InvalidInputException(
        "config source '" + text + "' is not one of bootstrap, join, restart");
  }
}

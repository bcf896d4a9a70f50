package org.exhibitormesos.executor.zookeeper;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhibitormesos.core.launch.ZooKeeperMode;

/**
 * What a {@code srvr} answer says.
 *
 * @param serving whether the server serves (it printed a {@code Mode:} line)
 * @param mode its mode; {@link ZooKeeperMode#UNKNOWN} when not serving
 * @param zxid its last zxid, {@code 0x...}, when it printed one
 */
public record SrvrStatus(boolean serving, ZooKeeperMode mode, Optional<String> zxid) {
  private static final Pattern MODE = Pattern.compile("(?m)^Mode:\\s*(\\S+)\\s*$");
  private static final Pattern ZXID = Pattern.compile("(?m)^Zxid:\\s*0x([0-9a-fA-F]+)\\s*$");

  /** A server that answered but does not serve (leader election, syncing, no quorum). */
  public static final SrvrStatus NOT_SERVING =
      new SrvrStatus(false, ZooKeeperMode.UNKNOWN, Optional.empty());

  /**
   * Parses the text {@code srvr} returned. A server that is not serving answers
   * {@code This ZooKeeper instance is not currently serving requests}; any text without a
   * {@code Mode:} line counts as not serving.
   */
  public static SrvrStatus parse(String text) {
    Matcher mode = MODE.matcher(text);
    if (!mode.find()) {
      return NOT_SERVING;
    }
    Matcher zxid = ZXID.matcher(text);
    Optional<String> z = zxid.find()
        ? Optional.of("0x" + Long.toHexString(Long.parseUnsignedLong(zxid.group(1), 16)))
        : Optional.empty();
    return new SrvrStatus(true, ZooKeeperMode.fromZooKeeper(mode.group(1)), z);
  }
}

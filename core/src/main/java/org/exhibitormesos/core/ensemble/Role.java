package org.exhibitormesos.core.ensemble;

import java.util.Locale;
import org.exhibitormesos.core.InvalidInputException;

/** What a server does in the committed configuration; written in lower case in config text. */
public enum Role {
  /** A voter: its acknowledgement counts toward the quorum. */
  PARTICIPANT,
  /** Receives committed transactions, never votes and never counts toward the quorum. */
  OBSERVER;

  /** The lower-case word ZooKeeper uses in a server line: {@code participant} or {@code observer}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a role word, ignoring case as ZooKeeper does.
   *
   * @throws InvalidInputException if {@code text} is neither {@code participant} nor {@code observer}
   */
  public static Role parse(String text) {
    for (Role role : values()) {
      if (role.text().equalsIgnoreCase(text)) {
        return role;
      }
    }
    throw new InvalidInputException(
        "role '" + text + "' is not one of: participant, observer");
  }
}

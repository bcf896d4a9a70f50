package org.exhibitormesos.core.state;

import java.util.Locale;
import org.exhibitormesos.core.InvalidInputException;

/** How servers run: ZooKeeper managed natively with dynamic reconfig, or supervised by Exhibitor. */
public enum ServerMode {
  NATIVE, EXHIBITOR;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ServerMode parse(String text) {
    for (ServerMode m : values()) {
      if (m.text().equals(text)) {
        return m;
      }
    }
    throw new InvalidInputException("invalid mode '" + text + "'; accepted: native, exhibitor");
  }
}

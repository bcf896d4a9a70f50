package org.exhibitormesos.core.config;

import java.util.Locale;

/** The API / CLI command whose options are being applied; each accepts its own set of options. */
public enum Command {
  /**
   * {@code add}: the original's add options only ({@link OptionGroup#RESOURCE} options and
   * {@code port}); everything else is set with {@code config} once the server exists.
   */
  ADD,
  /** {@code config}: every option. Changes apply at the server's next launch. */
  CONFIG;

  /** The name operators type. */
  public String commandName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

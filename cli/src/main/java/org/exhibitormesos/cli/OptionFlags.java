package org.exhibitormesos.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhibitormesos.core.config.Command;
import org.exhibitormesos.core.config.ConfigOption;

/**
 * The {@code add} and {@code config} options, generated from {@link ConfigOption} so the CLI accepts
 * exactly what the API accepts: {@code --<option-name> <value>}, plus the original's short flags for
 * {@code add}: {@code -c} cpu, {@code -m} mem, {@code -b} configchangebackoff.
 */
final class OptionFlags {
  private OptionFlags() {}

  /** @return every flag name of {@code command}'s options (long and short) to its option */
  static Map<String, ConfigOption> of(Command command) {
    Map<String, ConfigOption> flags = new LinkedHashMap<>();
    for (ConfigOption option : ConfigOption.values()) {
      if (option.acceptedBy(command)) {
        names(option, command).forEach(name -> flags.put(name, option));
      }
    }
    return Collections.unmodifiableMap(flags);
  }

  /** @return the short flag first, if any, then {@code --<option-name>} */
  static List<String> names(ConfigOption option, Command command) {
    List<String> names = new ArrayList<>(2);
    if (command == Command.ADD) {
      switch (option) {
        case CPU -> names.add("-c");
        case MEM -> names.add("-m");
        case CONFIGCHANGEBACKOFF -> names.add("-b");
        default -> { }
      }
    }
    names.add("--" + option.optionName());
    return names;
  }
}

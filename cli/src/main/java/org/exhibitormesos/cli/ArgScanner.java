package org.exhibitormesos.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.exhibitormesos.core.config.ConfigOption;

/**
 * First pass over a client command's arguments, before JCommander: takes out the options generated
 * from {@link ConfigOption}, accepts {@code --name=value} for every option, reads {@code true|false}
 * after a flag, and rejects unknown options with the closest known name. What it hands JCommander has
 * only known options, each with its value, so JCommander never mistakes a typo for a server id.
 */
final class ArgScanner {
  private final String commandName;
  private final Map<String, Fixed> fixed;
  private final Map<String, ConfigOption> generated;

  /**
   * @param commandName for messages
   * @param fixed the JCommander options by every name (long and short)
   * @param generated the generated options by every name (see {@link OptionFlags})
   */
  ArgScanner(String commandName, Map<String, Fixed> fixed, Map<String, ConfigOption> generated) {
    this.commandName = commandName;
    this.fixed = Map.copyOf(fixed);
    this.generated = Map.copyOf(generated);
  }

  /**
   * A JCommander option.
   *
   * @param key one name shared by all its spellings, to find repeats ({@code -a} and {@code --api})
   * @param flag true for a boolean option, which takes no value or {@code true|false}
   */
  record Fixed(String key, boolean flag) { }

  /**
   * @param forJCommander the fixed options, their values and the positional arguments
   * @param options the generated options' values as typed, in the order given
   */
  record Scanned(List<String> forJCommander, Map<ConfigOption, String> options) {
    Scanned {
      forJCommander = List.copyOf(forJCommander);
      options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
  }

  /** @throws UsageException naming the unknown option, the option without a value, or the repeated one */
  Scanned scan(List<String> args) throws UsageException {
    List<String> forJCommander = new ArrayList<>();
    Map<ConfigOption, String> options = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("-") || arg.length() == 1) {
        forJCommander.add(arg);
        continue;
      }
      int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String inline = eq < 0 ? null : arg.substring(eq + 1);
      ConfigOption option = generated.get(name);
      Fixed fixedOption = fixed.get(name);
      if (option == null && fixedOption == null) {
        throw new UsageException("unknown option '" + name + "' for " + commandName
            + Closest.suggestion(name, known()));
      }
      if (!seen.add(option != null ? option.optionName() : fixedOption.key())) {
        throw new UsageException("option " + name + " is given twice");
      }
      if (fixedOption != null && fixedOption.flag()) {
        String value = inline;
        if (value == null && i + 1 < args.size() && isBoolean(args.get(i + 1))) {
          value = args.get(++i);
        }
        if (value != null && !isBoolean(value)) {
          throw new UsageException("option " + name + " takes true or false, not '" + value + "'");
        }
        if (value == null || value.equalsIgnoreCase("true")) {
          forJCommander.add(name);
        }
        continue;
      }
      String value = inline;
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new UsageException("option " + name + " needs a value"
              + (option != null ? ": " + option.rule().expected() : ""));
        }
        value = args.get(++i);
      }
      if (option != null) {
        options.put(option, value);
      } else {
        forJCommander.add(name);
        forJCommander.add(value);
      }
    }
    return new Scanned(forJCommander, options);
  }

  private List<String> known() {
    List<String> names = new ArrayList<>(fixed.keySet().stream().sorted().toList());
    generated.keySet().stream().sorted().forEach(names::add);
    return names;
  }

  private static boolean isBoolean(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return v.equals("true") || v.equals("false");
  }
}

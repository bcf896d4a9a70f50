package org.exhibitormesos.core.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.exhibitormesos.core.server.ServerSettings;

/**
 * Applies the options of an {@code add} or {@code config} request to a server's settings, all or
 * nothing. Pure and thread-safe.
 *
 * <p>Every entry is checked before anything changes, and every problem is reported at once: an
 * unknown name (with the nearest known name as a suggestion), an option the command does not
 * accept, a value of the wrong form, and conflicts between options (failover-delay longer than
 * failover-max-delay, two of client-port, connect-port and election-port equal).
 *
 * <p>An empty value resets an option: an Exhibitor flag or shared-config override is removed (so
 * Exhibitor's own default applies), a framework setting or resource goes back to its default
 * ({@code port}: any offered port, {@code java-options}: none, {@code failover-max-tries}: no
 * limit, {@code constraints}: {@code hostname=unique}). To place a server without constraints,
 * give {@code constraints=none}. A value of only white space is refused.
 */
public final class SettingsEditor {
  private static final int SHOWN_VALUE_LENGTH = 60;

  private SettingsEditor() {}

  /**
   * Applies a {@code config} request, which accepts every option; see {@link #apply(Command,
   * ServerSettings, Map)}.
   */
  public static ServerSettings apply(ServerSettings base, Map<String, String> changes) {
    return apply(Command.CONFIG, base, changes);
  }

  /**
   * @param command which command's options {@code changes} may name
   * @param base the settings before the change ({@link ServerSettings#DEFAULT} for {@code add})
   * @param changes option name to value, names as operators type them (no {@code id})
   * @return {@code base} with every change applied
   * @throws InvalidConfigException listing every problem, ordered by option name; nothing applied
   */
  public static ServerSettings apply(Command command, ServerSettings base, Map<String, String> changes) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(base, "base");
    List<ConfigProblem> problems = new ArrayList<>();
    Map<ConfigOption, String> accepted = new EnumMap<>(ConfigOption.class);
    for (Map.Entry<String, String> change : new TreeMap<>(changes).entrySet()) {
      String name = change.getKey();
      Optional<ConfigOption> option = ConfigOption.byName(name).filter(o -> o.acceptedBy(command));
      if (option.isEmpty()) {
        problems.add(new ConfigProblem(name, unknown(name, command)));
        continue;
      }
      String value = change.getValue();
      if (value == null) {
        problems.add(new ConfigProblem(name,
            "no value for " + name + "; an empty value resets it to its default"));
      } else {
        Checked checked = check(option.get(), value);
        if (checked instanceof Checked.Accepted a) {
          accepted.put(option.get(), a.canonical());
        } else if (checked instanceof Checked.Rejected r) {
          problems.add(new ConfigProblem(name,
              "invalid value '" + shown(value) + "' for " + name + ": " + r.reason()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    SettingsDraft draft = new SettingsDraft(base);
    accepted.forEach(draft::set);
    List<ConfigProblem> conflicts = draft.problems();
    if (!conflicts.isEmpty()) {
      throw new InvalidConfigException(conflicts);
    }
    return draft.build();
  }

  /** Checks one value: {@code ""} is accepted as a reset, white space alone is refused. */
  private static Checked check(ConfigOption option, String value) {
    if (value.isEmpty()) {
      return new Checked.Accepted("");
    }
    if (value.isBlank()) {
      return new Checked.Rejected("the value is blank; an empty value resets it to its default");
    }
    return option.rule().check(value);
  }

  private static String unknown(String name, Command command) {
    if (ConfigOption.byName(name).isPresent()) {
      return "option '" + name + "' is not accepted by " + command.commandName() + "; set it with config";
    }
    return "unknown option '" + name + "'" + Suggestions.closest(name, command)
        .map(o -> "; did you mean '" + o + "'?").orElse("");
  }

  private static String shown(String value) {
    return value.length() <= SHOWN_VALUE_LENGTH ? value : value.substring(0, SHOWN_VALUE_LENGTH) + "...";
  }
}

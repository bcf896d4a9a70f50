package org.exhibitormesos.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterDescription;
import com.beust.jcommander.ParameterException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.api.ApiRoutes;
import org.exhibitormesos.core.config.Checked;
import org.exhibitormesos.core.config.ConfigOption;
import org.exhibitormesos.core.ids.IdExpression;
import org.exhibitormesos.core.time.Durations;

/**
 * Parses one client command's arguments (everything after the command name) and checks every value
 * with core's rules, so a malformed id, duration or option value never reaches the scheduler.
 * Stateless and thread-safe.
 */
final class CommandLineParser {

  /** What the command line asks: help for the command, or a call. */
  sealed interface Parsed permits Help, Call { }

  /** {@code -h/--help} was given. */
  record Help(ClientCommand command) implements Parsed { }

  /** A call to make. */
  record Call(Invocation invocation) implements Parsed { }

  /** The JCommander objects of one command, fresh for each parse. */
  static final class CommandObjects {
    final Arguments.Common common = new Arguments.Common();
    final Arguments.Ids ids = new Arguments.Ids();
    final Arguments.Timeout timeout = new Arguments.Timeout();
    final Arguments.Force force = new Arguments.Force();
    final JCommander jcommander;

    CommandObjects(ClientCommand command) {
      JCommander.Builder builder = JCommander.newBuilder().programName("exhibitor-mesos " + command.commandName())
          .addObject(common).addObject(ids);
      if (command.waits()) {
        builder.addObject(timeout);
      }
      if (command.forceable()) {
        builder.addObject(force);
      }
      jcommander = builder.build();
      // JCommander describes its options only once it has parsed; an empty parse assigns nothing.
      jcommander.parse();
    }
  }

  /**
   * @param command the command
   * @param args the arguments after the command name
   * @throws UsageException naming the unknown option, the malformed value or the missing ids
   */
  Parsed parse(ClientCommand command, List<String> args) throws UsageException {
    if (args.contains("-h") || args.contains("--help")) {
      return new Help(command);
    }
    CommandObjects objects = new CommandObjects(command);
    Map<String, ConfigOption> generated = command.options().map(OptionFlags::of).orElse(Map.of());
    ArgScanner.Scanned scanned = new ArgScanner(command.commandName(), fixedOptions(objects.jcommander), generated)
        .scan(args);
    try {
      objects.jcommander.parse(scanned.forJCommander().toArray(String[]::new));
    } catch (ParameterException e) {
      throw new UsageException(e.getMessage());
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    ids(command, objects.ids.values).ifPresent(ids -> parameters.put(ApiRoutes.ID, ids));
    Duration wait = Duration.ZERO;
    if (command.waits()) {
      wait = objects.timeout.value == null ? Durations.parse(ApiRoutes.DEFAULT_TIMEOUT)
          : duration("--timeout", objects.timeout.value);
      if (objects.timeout.value != null) {
        parameters.put(ApiRoutes.TIMEOUT, Durations.format(wait));
      }
    }
    if (objects.force.value) {
      parameters.put(ApiRoutes.FORCE, "true");
    }
    for (Map.Entry<ConfigOption, String> option : scanned.options().entrySet()) {
      parameters.put(option.getKey().optionName(), value(option.getKey(), option.getValue()));
    }
    return new Call(new Invocation(command, Optional.ofNullable(objects.common.api), objects.common.json,
        parameters, wait));
  }

  /** Every JCommander option of {@code jcommander} by each of its names. */
  static Map<String, ArgScanner.Fixed> fixedOptions(JCommander jcommander) {
    Map<String, ArgScanner.Fixed> fixed = new LinkedHashMap<>();
    for (ParameterDescription description : jcommander.getParameters()) {
      String[] names = description.getParameter().names();
      String key = names[names.length - 1];
      Class<?> type = description.getParameterized().getType();
      boolean flag = type == boolean.class || type == Boolean.class;
      for (String name : names) {
        fixed.put(name, new ArgScanner.Fixed(key, flag));
      }
    }
    return fixed;
  }

  private static Optional<String> ids(ClientCommand command, List<String> positional) throws UsageException {
    if (!command.takesIds()) {
      if (!positional.isEmpty()) {
        throw new UsageException(command.commandName() + " takes no server ids, got '"
            + String.join(" ", positional) + "'");
      }
      return Optional.empty();
    }
    if (positional.isEmpty()) {
      throw new UsageException(command.commandName() + " needs the ids of the servers, such as 0, 0..2, "
          + "0,3,5..7 or *");
    }
    if (positional.size() > 1) {
      throw new UsageException(command.commandName() + " takes one id expression, got " + positional.size()
          + " (" + String.join(" ", positional) + "); join them with ',' as in 0,3,5..7");
    }
    try {
      return Optional.of(IdExpression.parse(positional.get(0)).toString());
    } catch (InvalidInputException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static Duration duration(String flag, String value) throws UsageException {
    try {
      return Durations.parse(value);
    } catch (InvalidInputException e) {
      throw new UsageException("option " + flag + ": " + e.getMessage());
    }
  }

  // An empty value is sent as is: the API resets the option to its default.
  private static String value(ConfigOption option, String value) throws UsageException {
    if (value.isEmpty()) {
      return value;
    }
    Checked checked = option.rule().check(value);
    if (checked instanceof Checked.Accepted accepted) {
      return accepted.canonical();
    }
    String reason = checked instanceof Checked.Rejected rejected ? rejected.reason() : "";
    throw new UsageException("invalid value '" + value + "' for --" + option.optionName() + ": " + reason);
  }
}

package org.exhibitormesos.cli;

import com.beust.jcommander.ParameterDescription;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhibitormesos.core.config.Command;
import org.exhibitormesos.core.config.ConfigOption;
import org.exhibitormesos.core.config.OptionGroup;
import org.exhibitormesos.core.config.ValueKind;

/** The help texts: the command list and each client command's options, generated from the parsers. */
final class HelpText {
  /** Commands the launcher runs with another main class; listed so {@code help} shows everything. */
  static final Map<String, String> LAUNCHER_COMMANDS = Map.of(
      "scheduler", "run the scheduler: the Mesos framework, its API and artifact server",
      "local", "run a 3-server ensemble on this machine in one command, no Mesos needed",
      "mesos-local", "run a single-machine Mesos (master and agents) for tests and demos");
  static final List<String> LAUNCHER_ORDER = List.of("scheduler", "local", "mesos-local");

  private static final String WIDTH = "%-38s";

  private HelpText() {}

  static String general() {
    StringBuilder out = new StringBuilder("Usage: exhibitor-mesos <command> [options]\n\nCommands:\n");
    row(out, "  %-13s %s\n", "help", "show the commands, or help for one command: help <command>");
    for (ClientCommand command : ClientCommand.values()) {
      row(out, "  %-13s %s\n", command.commandName(), command.description());
    }
    for (String name : LAUNCHER_ORDER) {
      row(out, "  %-13s %s\n", name, LAUNCHER_COMMANDS.get(name) + " (run by the launcher)");
    }
    out.append("\nClient commands find the scheduler through -a/--api or ").append(ApiUrl.ENV)
        .append("; --json prints the API's answer as it came.\n")
        .append("Run 'exhibitor-mesos help <command>' for a command's options.\n");
    return out.toString();
  }

  static String command(ClientCommand command) {
    StringBuilder out = new StringBuilder("Usage: exhibitor-mesos ").append(command.commandName())
        .append(command.takesIds() ? " <ids>" : "").append(" [options]\n  ").append(command.description())
        .append("\n");
    if (command.takesIds()) {
      out.append("\n");
      row(out, "  " + WIDTH + " %s\n", "<ids>", "server ids: 0, 0..2, 0,3,5..7 or * (every server)");
    }
    out.append("\nOptions:\n");
    CommandLineParser.CommandObjects objects = new CommandLineParser.CommandObjects(command);
    objects.jcommander.getParameters().stream()
        .sorted(Comparator.comparingInt((ParameterDescription d) -> d.getParameter().order()))
        .forEach(d -> row(out, "  " + WIDTH + " %s\n", fixedNames(d), d.getDescription()));
    command.options().ifPresent(options -> generated(out, options));
    out.append(examples(command));
    return out.toString();
  }

  private static void generated(StringBuilder out, Command command) {
    List<OptionGroup> order = command == Command.ADD
        ? List.of(OptionGroup.RESOURCE, OptionGroup.FRAMEWORK)
        : List.of(OptionGroup.EXHIBITOR, OptionGroup.SHARED, OptionGroup.FRAMEWORK, OptionGroup.RESOURCE);
    for (OptionGroup group : order) {
      out.append("\n").append(heading(group)).append(":\n");
      for (ConfigOption option : ConfigOption.values()) {
        if (option.group() == group && option.acceptedBy(command)) {
          String names = String.join(", ", OptionFlags.names(option, command)) + " " + placeholder(option);
          row(out, "  " + WIDTH + " %s\n", names, option.description());
        }
      }
    }
    out.append("\nAn empty value (--name '') resets an option to its default.\n");
  }

  private static String heading(OptionGroup group) {
    return switch (group) {
      case RESOURCE -> "Resources and placement";
      case FRAMEWORK -> "Framework settings";
      case EXHIBITOR -> "Exhibitor flags (passed to Exhibitor as --name value in exhibitor mode)";
      case SHARED -> "Shared-config overrides";
    };
  }

  private static String fixedNames(ParameterDescription d) {
    String names = String.join(", ", d.getParameter().names());
    Class<?> type = d.getParameterized().getType();
    if (type == boolean.class || type == Boolean.class) {
      return d.getParameter().isHelp() ? names : names + " [true|false]";
    }
    String[] all = d.getParameter().names();
    return names + " " + Arguments.PLACEHOLDERS.getOrDefault(all[all.length - 1], "<value>");
  }

  static String placeholder(ConfigOption option) {
    ValueKind kind = option.rule().kind();
    return switch (kind) {
      case BOOLEAN -> "true|false";
      case CHOICE -> String.join("|", option.rule().choices());
      case MILLIS -> "<ms>";
      case WHOLE_NUMBER -> "<n>";
      case AMOUNT -> "<number>";
      case PORT -> "<port>";
      case PORT_RANGES -> "<ranges>";
      case DURATION -> "<duration>";
      case CONSTRAINTS -> "<constraints>";
      case ZOO_CFG_EXTRA -> "<key=value,...>";
      case RETRY -> "<ms:tries>";
      case TEXT, TEXT_BLOCK -> "<text>";
    };
  }

  private static String examples(ClientCommand command) {
    return switch (command) {
      case ADD -> String.join("\n", "",
          "Constraints: attr=cond[,attr=cond...]; attr is hostname or an agent attribute. Conditions:",
          "  like:slave[0-2]    the value matches the regex (anchored)",
          "  unlike:slave0      the value does not match the regex",
          "  unique             every server on a different value",
          "  cluster            every server on the same value",
          "  cluster:rack1      the value is rack1",
          "  groupBy            all values are the same",
          "  groupBy:3          all values are within 3 different groups",
          "  none               no constraints",
          "Examples:",
          "  exhibitor-mesos add 0..2 --cpu 0.5 --mem 512 --constraints hostname=unique",
          "  exhibitor-mesos add 3 -c 1 -m 1024 --constraints rack=groupBy:3,hostname=unique",
          "");
      case CONFIG -> String.join("\n", "", "Example:",
          "  exhibitor-mesos config 0..2 --zoo-cfg-extra syncLimit=5,tickTime=2000 --timeout 15000",
          "  (config --timeout is Exhibitor's ZooKeeper connection timeout in ms)", "");
      case START -> String.join("\n", "", "Example:",
          "  exhibitor-mesos start 0..2 --timeout 2m   (--timeout 0: return at once, 'Scheduled servers ...')",
          "");
      default -> "";
    };
  }

  private static void row(StringBuilder out, String format, String left, String right) {
    out.append(String.format(Locale.ROOT, format, left, right));
  }
}

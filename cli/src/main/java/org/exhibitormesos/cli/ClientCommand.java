package org.exhibitormesos.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.exhibitormesos.core.api.ApiRoutes;
import org.exhibitormesos.core.config.Command;

/** The commands this module runs, each with its route and which arguments it takes. */
enum ClientCommand {
  STATUS(ApiRoutes.STATUS, "show the servers and the ensemble", false, false, false, null, true),
  ADD(ApiRoutes.ADD, "define servers (they do not run until started)", true, false, false, Command.ADD, true),
  CONFIG(ApiRoutes.CONFIG, "change servers' options; changes apply at their next launch", true, false, false,
      Command.CONFIG, true),
  START(ApiRoutes.START, "start servers and wait until they run", true, true, false, null, true),
  STOP(ApiRoutes.STOP, "stop servers (they stay defined and in the ensemble)", true, true, true, null, false),
  REMOVE(ApiRoutes.REMOVE, "stop servers, take them out of the ensemble and forget them", true, false, true,
      null, false);

  private final String route;
  private final String description;
  private final boolean takesIds;
  private final boolean waits;
  private final boolean forceable;
  private final Command options;
  private final boolean printsCluster;

  ClientCommand(String route, String description, boolean takesIds, boolean waits, boolean forceable,
      Command options, boolean printsCluster) {
    this.route = route;
    this.description = description;
    this.takesIds = takesIds;
    this.waits = waits;
    this.forceable = forceable;
    this.options = options;
    this.printsCluster = printsCluster;
  }

  /** The command with this name, exactly as typed (lower case). */
  static Optional<ClientCommand> byName(String name) {
    return Arrays.stream(values()).filter(c -> c.commandName().equals(name)).findFirst();
  }

  static List<String> names() {
    return Arrays.stream(values()).map(ClientCommand::commandName).toList();
  }

  String commandName() {
    return name().toLowerCase(Locale.ROOT);
  }

  String route() {
    return route;
  }

  String description() {
    return description;
  }

  /** Whether it needs one id expression. */
  boolean takesIds() {
    return takesIds;
  }

  /** Whether it has {@code --timeout}, how long the scheduler waits for the servers. */
  boolean waits() {
    return waits;
  }

  /** Whether it has {@code --force}. */
  boolean forceable() {
    return forceable;
  }

  /** Which command's {@code ConfigOption}s it accepts as options, if any. */
  Optional<Command> options() {
    return Optional.ofNullable(options);
  }

  /** Whether its human output shows the {@code cluster:} tree after the message. */
  boolean printsCluster() {
    return printsCluster;
  }
}

package org.exhibitormesos.scheduler.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.api.ApiRoutes;
import org.exhibitormesos.core.config.Command;
import org.exhibitormesos.core.config.ConfigOption;
import org.exhibitormesos.core.config.SettingsEditor;
import org.exhibitormesos.core.ids.IdExpression;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.time.Durations;
import org.exhibitormesos.scheduler.loop.ClusterCommand;

/**
 * Turns a route's parameters into a {@link ClusterCommand}. Pure and thread-safe.
 *
 * <p>{@code id} is required on every command route. {@code start} and {@code stop} take
 * {@code timeout} (a duration, default {@value ApiRoutes#DEFAULT_TIMEOUT}, {@code 0} = do not wait);
 * {@code stop} and {@code remove} take {@code force} ({@code true} or {@code false}). On
 * {@code add} and {@code config} every other parameter is an option: {@code add}'s are checked in
 * full here (its base is {@link ServerSettings#DEFAULT}); {@code config}'s names are checked here and
 * their values by the state loop against each server's settings. Any other parameter is refused.
 */
final class CommandParser {
  /** A parsed command and how long its request waits for the servers (zero: not at all). */
  record Parsed(ClusterCommand command, Duration waitFor) {}

  private static final Duration DEFAULT_WAIT = Durations.parse(ApiRoutes.DEFAULT_TIMEOUT);

  private CommandParser() {}

  /**
   * @param route one of {@link ApiRoutes#ADD}, {@code CONFIG}, {@code START}, {@code STOP},
   *     {@code REMOVE}
   * @throws ApiRequestException (400) naming the missing or malformed parameter
   * @throws InvalidInputException (an {@link org.exhibitormesos.core.config.InvalidConfigException})
   *     naming unknown or malformed options
   */
  static Parsed parse(String route, Map<String, String> parameters) {
    Map<String, String> rest = new LinkedHashMap<>(parameters);
    IdExpression ids = ids(rest.remove(ApiRoutes.ID));
    return switch (route) {
      case ApiRoutes.ADD -> {
        // Pure and exact for add (its base is the defaults): bad options are refused even while
        // the scheduler cannot act.
        SettingsEditor.apply(Command.ADD, ServerSettings.DEFAULT, rest);
        yield new Parsed(new ClusterCommand.Add(ids, rest), Duration.ZERO);
      }
      case ApiRoutes.CONFIG -> {
        checkOptionNames(Command.CONFIG, rest);
        yield new Parsed(new ClusterCommand.Config(ids, rest), Duration.ZERO);
      }
      case ApiRoutes.START -> {
        Duration wait = timeout(rest.remove(ApiRoutes.TIMEOUT));
        refuseOthers(route, rest, List.of(ApiRoutes.ID, ApiRoutes.TIMEOUT));
        yield new Parsed(new ClusterCommand.Start(ids), wait);
      }
      case ApiRoutes.STOP -> {
        Duration wait = timeout(rest.remove(ApiRoutes.TIMEOUT));
        boolean force = force(rest.remove(ApiRoutes.FORCE));
        refuseOthers(route, rest, List.of(ApiRoutes.ID, ApiRoutes.TIMEOUT, ApiRoutes.FORCE));
        yield new Parsed(new ClusterCommand.Stop(ids, force), wait);
      }
      case ApiRoutes.REMOVE -> {
        boolean force = force(rest.remove(ApiRoutes.FORCE));
        refuseOthers(route, rest, List.of(ApiRoutes.ID, ApiRoutes.FORCE));
        yield new Parsed(new ClusterCommand.Remove(ids, force), Duration.ZERO);
      }
      default -> throw new IllegalArgumentException("not a command route: " + route);
    };
  }

  /** {@code status} takes no parameters. */
  static void checkStatus(Map<String, String> parameters) {
    refuseOthers(ApiRoutes.STATUS, parameters, List.of());
  }

  static IdExpression ids(String text) {
    if (text == null) {
      throw ApiRequestException.badRequest("missing parameter 'id': " + IdExpression.ACCEPTED_FORMS);
    }
    try {
      return IdExpression.parse(text);
    } catch (InvalidInputException e) {
      throw ApiRequestException.badRequest("parameter 'id': " + e.getMessage());
    }
  }

  static Duration timeout(String text) {
    if (text == null) {
      return DEFAULT_WAIT;
    }
    try {
      return Durations.parse(text);
    } catch (InvalidInputException e) {
      throw ApiRequestException.badRequest("parameter 'timeout': " + e.getMessage());
    }
  }

  static boolean force(String text) {
    if (text == null) {
      return false;
    }
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiRequestException.badRequest(
          "parameter 'force': invalid value '" + text + "'; accepted: true, false");
    };
  }

  /**
   * Refuses option names core does not know for {@code command}, with core's message (which
   * suggests the nearest name). An empty value is a valid reset for every known option, so only
   * the names are judged here.
   */
  private static void checkOptionNames(Command command, Map<String, String> options) {
    Map<String, String> unknown = new LinkedHashMap<>();
    options.keySet().stream()
        .filter(name -> ConfigOption.byName(name).filter(o -> o.acceptedBy(command)).isEmpty())
        .forEach(name -> unknown.put(name, ""));
    if (!unknown.isEmpty()) {
      SettingsEditor.apply(command, ServerSettings.DEFAULT, unknown);
    }
  }

  private static void refuseOthers(String route, Map<String, String> rest, List<String> accepted) {
    Set<String> extra = new TreeSet<>(rest.keySet());
    extra.removeAll(accepted);
    Optional<String> first = extra.stream().findFirst();
    if (first.isPresent()) {
      throw ApiRequestException.badRequest("unknown parameter '" + first.get() + "' for " + route + "; accepted: "
          + (accepted.isEmpty() ? "none" : String.join(", ", accepted)));
    }
  }
}

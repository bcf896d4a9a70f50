package org.exhibitormesos.core.api;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.exhibitormesos.core.config.Command;
import org.exhibitormesos.core.config.ConfigOption;

/**
 * The control API's routes and parameter names, the one place both the scheduler and the CLI take
 * them from.
 *
 * <p>Each route accepts GET with query parameters (the original's way) and POST with a form body
 * ({@code application/x-www-form-urlencoded}). A parameter's meaning depends on the route:
 * {@link #TIMEOUT} on {@link #START} and {@link #STOP} is how long the request waits (a duration,
 * default 60s, {@code 0} = do not wait), while {@code timeout} on {@link #CONFIG} is Exhibitor's
 * ZooKeeper connection timeout in ms ({@link ConfigOption#TIMEOUT}).
 */
public final class ApiRoutes {
  /** Defines servers: {@link #ID} plus the options {@code add} accepts. */
  public static final String ADD = "/api/add";
  /** Changes servers' options: {@link #ID} plus any option. */
  public static final String CONFIG = "/api/config";
  /** Starts servers: {@link #ID}, optional {@link #TIMEOUT}. */
  public static final String START = "/api/start";
  /** Stops servers: {@link #ID}, optional {@link #TIMEOUT} and {@link #FORCE}. */
  public static final String STOP = "/api/stop";
  /** Removes servers: {@link #ID}. */
  public static final String REMOVE = "/api/remove";
  /** Shows every server and the ensemble; no parameters. */
  public static final String STATUS = "/api/status";

  /** Every route, in the order the CLI lists its commands. */
  public static final List<String> ALL = List.of(STATUS, ADD, CONFIG, START, STOP, REMOVE);

  /** An id expression: {@code 0}, {@code 0..2}, {@code 0,3,5..7} or {@code *}. */
  public static final String ID = "id";
  /** How long start or stop waits for the servers: a duration such as {@code 30s}; {@code 0} = do not wait. */
  public static final String TIMEOUT = "timeout";
  /** {@code true} to stop servers even when fewer voters than a quorum would keep serving. */
  public static final String FORCE = "force";

  /** What start and stop wait by default. */
  public static final String DEFAULT_TIMEOUT = "60s";

  private ApiRoutes() {}

  /**
   * @param command {@code add} or {@code config}
   * @return the option parameters the route of {@code command} accepts besides {@link #ID}, which are
   *     the {@link ConfigOption} names, in declaration order
   */
  public static List<String> optionParameters(Command command) {
    return Stream.of(ConfigOption.values()).filter(o -> o.acceptedBy(command)).map(ConfigOption::optionName)
        .collect(Collectors.toUnmodifiableList());
  }
}

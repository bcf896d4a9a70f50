package org.exhibitormesos.scheduler.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.api.ApiResponse;
import org.exhibitormesos.core.api.ApiRoutes;
import org.exhibitormesos.core.api.StatusView;
import org.exhibitormesos.core.cluster.CommandOutcome;
import org.exhibitormesos.core.ids.IdExpression;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.time.Durations;
import org.exhibitormesos.scheduler.api.ServerWaiter.Goal;
import org.exhibitormesos.scheduler.loop.ClusterCommand;
import org.exhibitormesos.scheduler.loop.ClusterControl;
import org.exhibitormesos.scheduler.loop.ClusterSnapshot;

/**
 * The control API's routes as functions from parameters to an answer; no HTTP here. Thread-safe;
 * never blocks the caller.
 *
 * <p>Status codes (see {@link ApiErrors} for refusals):
 * <ul>
 *   <li>200: done; {@code start}/{@code stop} with a timeout answer once every named server is
 *       Running / stopped ({@code Started servers 0..2}), with timeout {@code 0} at once
 *       ({@code Scheduled servers 0..2}, {@code Stopping servers 1});</li>
 *   <li>202 with {@code success: false}: the command was accepted and persisted, but the servers
 *       did not get there within the timeout; the message names each and its state and reason,
 *       the value shows them;</li>
 *   <li>400 bad input, 409 refused by the state, 503 the scheduler cannot act.</li>
 * </ul>
 * The {@code value} lists the servers a command named (as they are after it; none for
 * {@code remove}), or every server for {@code status}.
 *
 * <p>A waiting request polls until its deadline even if its client went away; a poll is one
 * snapshot read, so this costs little.
 */
public final class ControlApi {
  private static final Logger LOG = LogManager.getLogger(ControlApi.class);

  private final ClusterControl control;
  private final StatusViews views;
  private final ServerWaiter waiter;
  private final ScheduledExecutorService timer;

  /**
   * @param timer runs the polls of waiting starts and stops, and renders answers once the state
   *     loop accepted a command
   * @param pollInterval how often a waiting request looks at the state
   */
  public ControlApi(ClusterControl control, StatusViews views, Clock clock, ScheduledExecutorService timer,
      Duration pollInterval) {
    this.control = Objects.requireNonNull(control, "control");
    this.views = Objects.requireNonNull(views, "views");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.waiter = new ServerWaiter(control, clock, timer, pollInterval);
  }

  /**
   * @param route one of {@link ApiRoutes#ALL}
   * @param parameters name to value, from the query and the body
   * @return never completes exceptionally: every failure becomes a refusal with its status code
   */
  public CompletableFuture<ApiAnswer> handle(String route, Map<String, String> parameters) {
    CompletableFuture<ApiAnswer> answer;
    try {
      if (ApiRoutes.STATUS.equals(route)) {
        CommandParser.checkStatus(parameters);
        ClusterSnapshot snapshot = control.snapshot();
        return CompletableFuture.completedFuture(ApiAnswer.ok("", views.status(snapshot.state(), snapshot.live())));
      }
      CommandParser.Parsed parsed = CommandParser.parse(route, parameters);
      // Continue on the API's threads: the state loop may complete the future on its own thread.
      answer = control.submit(parsed.command()).thenComposeAsync(outcome -> answer(parsed, outcome), timer);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.handle((ok, failure) -> {
      ApiAnswer result = failure == null ? ok : ApiErrors.answer(route, failure);
      log(route, parameters, result);
      return result;
    });
  }

  private CompletableFuture<ApiAnswer> answer(CommandParser.Parsed parsed, CommandOutcome outcome) {
    ClusterCommand command = parsed.command();
    SortedSet<ServerId> named = command.ids().resolve(outcome.state().servers().keySet());
    if (command instanceof ClusterCommand.Remove) {
      return done(outcome.message(), view(outcome.state(), List.of()));
    }
    Goal goal = command instanceof ClusterCommand.Start ? Goal.RUNNING
        : command instanceof ClusterCommand.Stop ? Goal.STOPPED : null;
    if (goal == null) {
      return done(outcome.message(), view(outcome.state(), named));
    }
    if (parsed.waitFor().isZero()) {
      String verb = goal == Goal.RUNNING ? "Scheduled servers " : "Stopping servers ";
      return done(verb + IdExpression.format(named), view(outcome.state(), named));
    }
    return waiter.await(named, goal, parsed.waitFor()).thenApply(waited -> {
      StatusView value = views.of(waited.snapshot().state(), waited.snapshot().live(), named);
      if (waited.reached()) {
        return ApiAnswer.ok(outcome.message(), value);
      }
      return new ApiAnswer(202, new ApiResponse<>(false, timedOut(waited, goal, parsed.waitFor()), value));
    });
  }

  private StatusView view(ClusterState state, Collection<ServerId> servers) {
    return views.of(state, control.snapshot().live(), servers);
  }

  private static CompletableFuture<ApiAnswer> done(String message, StatusView value) {
    return CompletableFuture.completedFuture(ApiAnswer.ok(message, value));
  }

  /** {@code Timed out after 60s waiting for servers 1..2 to run: server 1 is Pending (waiting for an offer), ...} */
  static String timedOut(ServerWaiter.Result waited, Goal goal, Duration timeout) {
    ClusterState state = waited.snapshot().state();
    String each = waited.missing().stream().map(id -> "server " + id + " is " + state.server(id)
        .map(ControlApi::describe).orElse("gone")).collect(Collectors.joining(", "));
    return "Timed out after " + Durations.format(timeout) + " waiting for servers "
        + IdExpression.format(waited.missing()) + " " + goal.words() + ": " + each
        + "; the command stays in effect";
  }

  private static String describe(Server s) {
    return s.observed().displayName() + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")");
  }

  private static void log(String route, Map<String, String> parameters, ApiAnswer answer) {
    if (ApiRoutes.STATUS.equals(route) && answer.status() == 200) {
      LOG.debug("{} answered", route);
      return;
    }
    // Parameters are logged by name and id only: option values may be long and are not decisions.
    LOG.info("{} id={} params={} -> {} {}", route, parameters.getOrDefault(ApiRoutes.ID, "-"),
        parameters.keySet(), answer.status(), answer.response().message());
  }
}

package org.exhibitormesos.scheduler.api;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.exhibitormesos.core.api.EnsembleView;
import org.exhibitormesos.core.api.MemberView;
import org.exhibitormesos.core.api.PortsView;
import org.exhibitormesos.core.api.ServerConfigView;
import org.exhibitormesos.core.api.ServerView;
import org.exhibitormesos.core.api.StatusView;
import org.exhibitormesos.core.config.ConfigOption;
import org.exhibitormesos.core.config.OptionValues;
import org.exhibitormesos.core.ensemble.Quorum;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.scheduler.loop.LiveEnsemble;
import org.exhibitormesos.scheduler.loop.LiveMember;

/**
 * Renders the scheduler's state and the live ensemble as the API's {@link StatusView}. Pure and
 * thread-safe.
 *
 * <p>Nothing secret is read: the ensemble's super-user secret never reaches a view.
 */
public final class StatusViews {
  /** {@link ServerView#volume()} of a server whose data lives in its task's sandbox (role {@code *}). */
  public static final String SANDBOX = "sandbox";

  private final ServerMode configuredMode;
  private final Function<ServerId, Optional<List<String>>> exhibitorViews;

  /** @param configuredMode the mode shown while the state has none yet (the scheduler's {@code --mode}) */
  public StatusViews(ServerMode configuredMode) {
    this(configuredMode, id -> Optional.empty());
  }

  /**
   * @param exhibitorViews Exhibitor mode: each server's last {@code cluster/status} view as
   *     {@code [host, description, code, L|F]} lines, shown with the server; empty when none
   */
  public StatusViews(ServerMode configuredMode, Function<ServerId, Optional<List<String>>> exhibitorViews) {
    this.configuredMode = Objects.requireNonNull(configuredMode, "configuredMode");
    this.exhibitorViews = Objects.requireNonNull(exhibitorViews, "exhibitorViews");
  }

  /** Every server and the ensemble. */
  public StatusView status(ClusterState state, Optional<LiveEnsemble> live) {
    return of(state, live, state.servers().keySet());
  }

  /**
   * @param servers the servers to list; ids the state does not hold (removed meanwhile) are skipped
   */
  public StatusView of(ClusterState state, Optional<LiveEnsemble> live, Collection<ServerId> servers) {
    ServerMode mode = state.mode().orElse(configuredMode);
    List<ServerView> views = servers.stream().sorted().distinct().map(state.servers()::get)
        .filter(Objects::nonNull).map(s -> withExhibitorView(server(s, mode), s, mode)).toList();
    return new StatusView(state.frameworkId().orElse(null), mode.text(), views, ensemble(state, live).orElse(null));
  }

  static ServerView server(Server s, ServerMode mode) {
    Optional<Task> task = s.task();
    Optional<Ports> ports = task.map(Task::ports).or(() -> s.reservation().map(r -> r.ports()));
    Optional<String> host = task.map(Task::hostname).or(() -> s.reservation().map(r -> r.hostname()));
    OptionValues values = OptionValues.of(s.settings());
    Map<String, String> framework = new TreeMap<>(values.framework());
    String backoff = ConfigOption.CONFIGCHANGEBACKOFF.optionName();
    framework.put(backoff, values.resources().get(backoff));
    ServerConfigView config = new ServerConfigView(values.exhibitorConfig(), values.sharedOverrides(), framework);
    return new ServerView(s.id().value(), s.observed().displayName(), desired(s), s.reason().isEmpty() ? null
        : s.reason(), host.orElse(null), task.map(Task::taskId).orElse(null), s.identity().myid().orElse(null),
        ports.map(p -> new PortsView(p.client(), p.peer(), p.election(), p.admin())).orElse(null),
        task.map(t -> endpoint(t, mode)).orElse(null), values.resources().get(ConfigOption.CONSTRAINTS.optionName()),
        s.settings().resources().cpus(), s.settings().resources().memMb(), s.settings().resources().diskMb(),
        volume(s), config);
  }

  private ServerView withExhibitorView(ServerView view, Server s, ServerMode mode) {
    if (mode != ServerMode.EXHIBITOR || s.task().isEmpty()) {
      return view;
    }
    return exhibitorViews.apply(s.id()).map(view::withExhibitorCluster).orElse(view);
  }

  private static String desired(Server s) {
    return switch (s.desired()) {
      case ACTIVE -> ServerView.DESIRED_ACTIVE;
      case INACTIVE -> ServerView.DESIRED_INACTIVE;
      case REMOVED -> ServerView.DESIRED_REMOVED;
    };
  }

  /** Native: the ZooKeeper client endpoint; Exhibitor: the Exhibitor UI, as the original showed it. */
  static String endpoint(Task task, ServerMode mode) {
    return switch (mode) {
      case NATIVE -> task.clientEndpoint();
      case EXHIBITOR -> "http://" + task.hostname() + ":" + task.ports().admin() + "/exhibitor/v1/ui/index.html";
    };
  }

  private static String volume(Server s) {
    if (s.reservation().isPresent()) {
      return s.reservation().get().persistenceId() + " on " + s.reservation().get().hostname();
    }
    return s.task().isPresent() ? SANDBOX : null;
  }

  /** Absent while nothing was ever launched and no live view exists. */
  static Optional<EnsembleView> ensemble(ClusterState state, Optional<LiveEnsemble> live) {
    boolean launched = state.ensemble().bootstrapped()
        || state.serverList().stream().anyMatch(s -> s.task().isPresent() || s.identity().myid().isPresent());
    if (live.isEmpty() && !launched) {
      return Optional.empty();
    }
    String connect = live.map(LiveEnsemble::connectString).filter(c -> !c.isEmpty())
        .orElseGet(() -> runningEndpoints(state));
    int voters = live.map(StatusViews::liveVoters).filter(n -> n > 0).orElseGet(() -> stateVoters(state));
    long version = live.map(LiveEnsemble::configVersion).filter(v -> v > 0)
        .orElse(state.ensemble().configVersion());
    List<MemberView> members = live.map(l -> l.members().stream()
        .sorted(Comparator.comparingInt(LiveMember::myid)).map(StatusViews::member).toList()).orElse(List.of());
    return Optional.of(new EnsembleView(connect, voters > 0 ? Quorum.majority(voters) : 0,
        version > 0 ? Long.toHexString(version) : null, members));
  }

  private static String runningEndpoints(ClusterState state) {
    return state.serverList().stream().filter(s -> s.observed() == ObservedState.RUNNING)
        .map(s -> s.task().orElseThrow().clientEndpoint()).collect(Collectors.joining(","));
  }

  private static int liveVoters(LiveEnsemble live) {
    return (int) live.members().stream().filter(m -> LiveMember.PARTICIPANT.equals(m.role())).count();
  }

  /** Voters as the state records them: members of the committed or the bootstrap configuration. */
  private static int stateVoters(ClusterState state) {
    int voters = (int) state.serverList().stream().map(s -> s.identity().membership())
        .filter(m -> m == Membership.VOTER || m == Membership.LEAVING).count();
    return voters > 0 ? voters : state.ensemble().bootstrapMyids().size();
  }

  private static MemberView member(LiveMember m) {
    return new MemberView(m.myid(), m.host(), MemberView.Role.valueOf(m.role().toUpperCase(Locale.ROOT)),
        MemberView.Mode.valueOf(m.mode().toUpperCase(Locale.ROOT)));
  }
}

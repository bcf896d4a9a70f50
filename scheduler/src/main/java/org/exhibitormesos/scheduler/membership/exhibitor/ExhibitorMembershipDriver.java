package org.exhibitormesos.scheduler.membership.exhibitor;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.ensemble.DynamicConfig;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.launch.ExhibitorServer;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.exhibitor.client.ExhibitorClient;
import org.exhibitormesos.exhibitor.client.ExhibitorException;
import org.exhibitormesos.exhibitor.client.MemberStatus;
import org.exhibitormesos.exhibitor.client.ServersSpec;
import org.exhibitormesos.scheduler.membership.MembershipEvent;
import org.exhibitormesos.scheduler.membership.MembershipListener;
import org.exhibitormesos.scheduler.membership.MembershipRounds;
import org.exhibitormesos.scheduler.membership.MembershipSettings;

/**
 * Exhibitor mode's converge loop, off the state thread. Each round derives the servers spec the
 * ensemble should have from the state ({@link ExhibitorSpecs#desired}), reads every member's
 * Exhibitor ({@code config/get-state}), rewrites the spec of each one that differs
 * ({@link SpecWriter}: by server id, with retries and backoff), reads every member's
 * {@code cluster/status} for the status, and reports to the listener:
 * <ul>
 *   <li>{@link MembershipEvent.ConfigObserved} once every answering member has the spec (recorded
 *       as the committed configuration; its version counts the spec changes the state saw);</li>
 *   <li>{@link MembershipEvent.MarkVoter} for a joiner once every answering member has it in its spec
 *       and every view shows the spec's hosts with one leader, a serving majority and the joiner serving;</li>
 *   <li>{@link MembershipEvent.MarkLeft} for a leaver once no other member's spec lists it and the
 *       rest formed again (its task is then killed);</li>
 *   <li>{@link MembershipEvent.Waiting} while an Exhibitor does not answer or refuses a change.</li>
 * </ul>
 * Each Exhibitor keeps its own config ({@code --configtype file} on its volume), so the spec is
 * written to every member, never only to one. A leaver's own Exhibitor is left alone (outside its
 * own spec it would run a stray standalone ZooKeeper). Nothing is remembered between rounds.
 *
 * <p>Lifecycle and threading as {@link org.exhibitormesos.scheduler.membership.MembershipDriver}:
 * the executor is the caller's and single-threaded.
 */
public final class ExhibitorMembershipDriver implements MembershipRounds {
  private static final Logger LOG = LogManager.getLogger(ExhibitorMembershipDriver.class);
  /** Above the ~5 s Exhibitor 1.5.6 takes to answer {@code config/set}. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
  static final Duration ROUND_INTERVAL = Duration.ofSeconds(2);

  /** An Exhibitor client for a member's host and UI port. */
  @FunctionalInterface
  public interface Clients {
    ExhibitorClient at(String host, int port);
  }

  private final Supplier<ClusterState> state;
  private final MembershipListener listener;
  private final Clients clients;
  private final SpecWriter writer;
  private final ExhibitorViews views;
  private final ScheduledExecutorService executor;
  private final Duration roundInterval;
  private final AtomicBoolean pokePending = new AtomicBoolean();
  private ScheduledFuture<?> schedule;
  private boolean closed;

  public ExhibitorMembershipDriver(Supplier<ClusterState> state, MembershipListener listener, Clients clients,
      ExhibitorViews views, int tries, Duration backoff, Duration roundInterval, ScheduledExecutorService executor) {
    this.state = Objects.requireNonNull(state, "state");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.views = Objects.requireNonNull(views, "views");
    this.writer = new SpecWriter(tries, backoff);
    this.roundInterval = Objects.requireNonNull(roundInterval, "roundInterval");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** A driver with the flags' retries and backoff, real HTTP clients and a round every 2 s. */
  public static ExhibitorMembershipDriver create(Supplier<ClusterState> state, MembershipListener listener,
      ExhibitorViews views, MembershipSettings settings, ScheduledExecutorService executor) {
    return new ExhibitorMembershipDriver(state, listener, (host, port) -> new ExhibitorClient(host, port, CALL_TIMEOUT),
        views, settings.modifyRetries(), settings.modifyBackoff(), ROUND_INTERVAL, executor);
  }

  @Override
  public synchronized void start() {
    if (closed || schedule != null) {
      throw new IllegalStateException(closed ? "the driver is closed" : "the driver is already started");
    }
    schedule = executor.scheduleWithFixedDelay(this::safeRound, 0, roundInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void poke() {
    synchronized (this) {
      if (closed || schedule == null) {
        return;
      }
    }
    if (pokePending.compareAndSet(false, true)) {
      executor.execute(() -> {
        pokePending.set(false);
        safeRound();
      });
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      if (schedule != null) {
        schedule.cancel(true);
      }
    }
  }

  /** One round on the caller's thread; not to be called concurrently. */
  public void runOnce() throws InterruptedException {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    ClusterState current = state.get();
    if (!current.ensemble().bootstrapped()) {
      return;
    }
    List<ExhibitorServer> desired = ExhibitorSpecs.desired(current);
    ServersSpec target = new ServersSpec(desired.stream().map(e -> ServersSpec.Entry.voter(e.id(), e.host())).toList());
    Map<Server, ServersSpec> specs = new LinkedHashMap<>();
    List<String> waits = new java.util.ArrayList<>();
    for (Server s : members(current)) {
      ExhibitorClient client = client(s);
      ServersSpec spec;
      try {
        spec = client.getState().config().serversSpec();
      } catch (ExhibitorException | IllegalArgumentException e) {
        waits.add("Exhibitor of server " + s.id() + " at " + client.base() + " does not answer");
        LOG.debug("server {}: {}", s.id(), e.getMessage());
        continue;
      }
      if (!leaving(s) && !spec.equals(target)) {
        LOG.info("server {} (myid {}): servers spec {} -> {} through its Exhibitor at {}", s.id(),
            s.identity().myid().orElse(0), spec, target, client.base());
        Optional<String> failed = writer.write(client, target);
        if (failed.isPresent()) {
          waits.add("servers spec of server " + s.id() + " not changed: " + failed.get());
          specs.put(s, spec);
          continue;
        }
        spec = target;
      }
      specs.put(s, spec);
    }
    Map<ServerId, List<MemberStatus>> seen = clusterViews(specs.keySet());
    views.publish(seen);
    boolean inSync = waits.isEmpty() && specs.entrySet().stream()
        .allMatch(e -> leaving(e.getKey()) || e.getValue().equals(target));
    if (inSync) {
      record(current, desired);
    }
    judge(current, target, specs, seen, inSync);
    if (!waits.isEmpty()) {
      listener.on(new MembershipEvent.Waiting(String.join("; ", waits)));
    }
  }

  /** Marks joiners voters and leavers gone, as the views allow. */
  private void judge(ClusterState current, ServersSpec target, Map<Server, ServersSpec> specs,
      Map<ServerId, List<MemberStatus>> seen, boolean inSync) {
    List<List<MemberStatus>> stayingViews = specs.keySet().stream().filter(s -> !leaving(s))
        .map(s -> seen.get(s.id())).toList();
    boolean viewsComplete = !stayingViews.isEmpty() && stayingViews.stream().allMatch(Objects::nonNull);
    for (Server s : current.serverList()) {
      int myid = s.identity().myid().orElse(0);
      if (s.identity().membership() == Membership.JOINING && s.observed() == ObservedState.RUNNING && inSync
          && viewsComplete && target.entry(myid).isPresent()) {
        Set<String> mustServe = Set.of(target.entry(myid).get().host());
        if (stayingViews.stream().allMatch(v -> ClusterHealth.formed(v, target, mustServe))) {
          LOG.info("server {} (myid {}) is in every member's servers spec and serves: {}", s.id(), myid,
              ClusterHealth.describe(stayingViews.get(0)));
          listener.on(new MembershipEvent.MarkVoter(s.id(), myid));
        }
      } else if (leaving(s)) {
        boolean listed = specs.entrySet().stream()
            .anyMatch(e -> !e.getKey().id().equals(s.id()) && e.getValue().entry(myid).isPresent());
        boolean rest = target.entries().isEmpty()
            || viewsComplete && stayingViews.stream().allMatch(v -> ClusterHealth.formed(v, target, Set.of()));
        if (!listed && rest && inSync) {
          LOG.info("server {} (myid {}) is out of every other member's servers spec", s.id(), myid);
          listener.on(new MembershipEvent.MarkLeft(s.id(), myid));
        }
      }
    }
  }

  /** The spec as the committed configuration, when it differs from the one recorded. */
  private void record(ClusterState current, List<ExhibitorServer> desired) {
    Optional<Ensemble> ensemble = ExhibitorSpecs.ensemble(desired, current.ensemble().sharedPorts());
    if (ensemble.isEmpty()) {
      return;
    }
    String text = DynamicConfig.render(ensemble.get());
    if (!current.ensemble().committedConfig().equals(Optional.of(text))) {
      long version = current.ensemble().configVersion() + 1;
      listener.on(new MembershipEvent.ConfigObserved(version, new Ensemble(ensemble.get().members(), version)));
    }
  }

  private Map<ServerId, List<MemberStatus>> clusterViews(Set<Server> answering) throws InterruptedException {
    Map<ServerId, List<MemberStatus>> out = new LinkedHashMap<>();
    for (Server s : answering) {
      try {
        out.put(s.id(), client(s).clusterStatus());
      } catch (ExhibitorException e) {
        LOG.debug("server {}: no cluster view: {}", s.id(), e.getMessage());
      }
    }
    return out;
  }

  /** Servers with a myid and a task that may answer (staging, running, reconciling). */
  private static List<Server> members(ClusterState current) {
    Set<ObservedState> live = new HashSet<>(List.of(ObservedState.STAGING, ObservedState.RUNNING,
        ObservedState.RECONCILING));
    return current.serverList().stream()
        .filter(s -> s.identity().myid().isPresent() && s.task().isPresent() && live.contains(s.observed()))
        .toList();
  }

  private static boolean leaving(Server s) {
    return s.identity().membership() == Membership.LEAVING;
  }

  private ExhibitorClient client(Server s) {
    Task t = s.task().orElseThrow();
    return clients.at(t.hostname(), t.ports().admin());
  }

  private void safeRound() {
    try {
      runOnce();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // A round that fails is retried by the next one; the schedule must survive it.
      LOG.warn("Exhibitor membership round failed; the next round re-derives everything", e);
    }
  }
}

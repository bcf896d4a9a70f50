package org.exhibitormesos.scheduler.membership;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.membership.MemberProbe;
import org.exhibitormesos.core.membership.MembershipPlanner;
import org.exhibitormesos.core.membership.MembershipStep;
import org.exhibitormesos.core.state.ClusterState;

/**
 * The native-mode converge loop, off the state thread. Each round reads the current state, the
 * committed configuration ({@code sync} + {@code getConfig}) and probes of every member, asks
 * {@link MembershipPlanner#plan} for the next step, performs at most one step and reports events
 * to the listener; the state thread applies them.
 *
 * <p>Guarantees: it never bootstraps (an ensemble the state has not recorded as bootstrapped is left
 * alone); it never sends a change without a quorum (the planner refuses, and an unreadable
 * configuration is "no quorum"); every reconfiguration is conditional on the version just read;
 * a leaver is reported {@link MembershipEvent.MarkLeft} only after a barrier write committed; and
 * nothing is remembered between rounds that the next round does not re-derive, so a crash at any
 * point is healed by the next round of the next life.
 *
 * <p>Lifecycle: {@link #start()} once, then rounds run every {@code roundInterval} and after each
 * {@link #poke()}; {@link #close()} is idempotent, stops the rounds and closes the session. The
 * executor is the caller's and must be single-threaded (rounds never overlap); it is not shut down.
 */
public final class MembershipDriver implements MembershipRounds {
  private static final Logger LOG = LogManager.getLogger(MembershipDriver.class);
  private static final int MAX_REPLANS = 3;

  private final Supplier<ClusterState> state;
  private final MembershipListener listener;
  private final ClientFactory clients;
  private final MemberProber prober;
  private final MembershipSettings settings;
  private final ScheduledExecutorService executor;
  private final Clock clock;
  private final AtomicBoolean pokePending = new AtomicBoolean();
  private final ReconfigRunner runner;
  private ScheduledFuture<?> schedule;
  private EnsembleClient client;
  private String lastLogged = "";
  private boolean closed;

  /** Opens the ensemble session for a connect string and the super secret (no I/O until used). */
  @FunctionalInterface
  public interface ClientFactory {
    EnsembleClient open(String connectString, String superSecret);
  }

  /**
   * @param state the current state, as last applied by the state thread
   * @param listener receives every event, on the executor's thread
   * @param clients opens the ensemble session on the first round that knows a member
   * @param words the four-letter-word prober
   */
  public MembershipDriver(Supplier<ClusterState> state, MembershipListener listener, ClientFactory clients,
      FourLetterWords words, MembershipSettings settings, ScheduledExecutorService executor, Clock clock) {
    this.state = Objects.requireNonNull(state, "state");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.prober = new MemberProber(words);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.runner = new ReconfigRunner(settings, clock, listener);
  }

  /** A driver whose sessions use {@code settings}' timeouts. */
  public static MembershipDriver create(Supplier<ClusterState> state, MembershipListener listener,
      MembershipSettings settings, ScheduledExecutorService executor, Clock clock) {
    ClientFactory clients = (servers, secret) -> new EnsembleClient(servers, secret, settings.sessionTimeout(),
        settings.operationTimeout());
    FourLetterWords words = new FourLetterWords(settings.probeTimeout(), settings.probeTimeout());
    return new MembershipDriver(state, listener, clients, words, settings, executor, clock);
  }

  /** Starts the periodic rounds; the first runs at once. */
  @Override
  public synchronized void start() {
    if (closed || schedule != null) {
      throw new IllegalStateException(closed ? "the driver is closed" : "the driver is already started");
    }
    long every = settings.roundInterval().toMillis();
    schedule = executor.scheduleWithFixedDelay(this::safeRound, 0, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Queues a round soon (coalesced with one already queued), for example after the state changed.
   * Does nothing before {@link #start()} or after {@link #close()}.
   */
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

  /**
   * One round, on the caller's thread (the executor's, or a test's). Not to be called concurrently.
   *
   * @throws IllegalStateException after {@link #close()}
   * @return the last step the planner chose this round ({@link MembershipStep.Idle} when the state
   *     has no bootstrapped ensemble or no member with a task)
   */
  public MembershipStep runOnce() {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the driver is closed");
      }
    }
    ClusterState current = state.get();
    if (!current.ensemble().bootstrapped()) {
      return new MembershipStep.Idle();
    }
    Optional<EnsembleClient> session = session(current);
    if (session.isEmpty()) {
      return report(new MembershipStep.Wait("no member of the ensemble has a task yet"), Optional.empty());
    }
    EnsembleClient zk = session.get();
    MembershipStep step = new MembershipStep.Idle();
    for (int plan = 0; plan < MAX_REPLANS; plan++) {
      current = state.get();
      ConfigRead read = zk.readCommitted();
      Optional<Ensemble> committed = Optional.empty();
      Optional<String> clusterId = current.ensemble().clusterId();
      if (read instanceof ConfigRead.Committed c) {
        committed = Optional.of(c.ensemble());
        if (c.ensemble().version() != current.ensemble().configVersion()) {
          listener.on(new MembershipEvent.ConfigObserved(c.ensemble().version(), c.ensemble()));
        }
        IdentityCheck id = IdentityCheck.run(zk, clusterId, () -> UUID.randomUUID().toString());
        if (id.stop().isPresent()) {
          return report(id.stop().get(), committed);
        }
        if (clusterId.isEmpty()) {
          LOG.info("ensemble of config version 0x{} marked with cluster id {}", Long.toHexString(c.ensemble().version()),
              id.clusterId());
          listener.on(new MembershipEvent.ClusterIdObserved(id.clusterId()));
          clusterId = Optional.of(id.clusterId());
        }
      } else if (read instanceof ConfigRead.Unavailable u) {
        LOG.debug("committed config unavailable: {}", u.reason());
        zk.useServers(taskServers(current).orElse(zk.servers()));
      }
      Map<Integer, MemberProbe> probes = committed.isEmpty() ? Map.of()
          : prober.probe(current, committed, clusterId, zk::holdsClusterId);
      step = MembershipPlanner.plan(current, committed, probes);
      if (step instanceof MembershipStep.Reconfigure r) {
        log(step, committed, "probes " + describe(probes));
        ReconfigRunner.Outcome outcome = runner.run(zk, r);
        if (outcome == ReconfigRunner.Outcome.REPLAN) {
          continue;
        }
        if (outcome == ReconfigRunner.Outcome.CHANGED) {
          poke();
        }
        return step;
      }
      return report(step, committed);
    }
    return step;
  }

  /** Stops the rounds and closes the session; idempotent. A round in progress is interrupted. */
  @Override
  public void close() {
    EnsembleClient toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (schedule != null) {
        schedule.cancel(true);
      }
      toClose = client;
      client = null;
    }
    if (toClose != null) {
      toClose.close();
    }
  }

  private MembershipStep report(MembershipStep step, Optional<Ensemble> committed) {
    log(step, committed, "");
    if (step instanceof MembershipStep.Wait w) {
      listener.on(new MembershipEvent.Waiting(w.reason()));
    } else if (step instanceof MembershipStep.Refuse r) {
      listener.on(new MembershipEvent.Refused(r.reason()));
    } else if (step instanceof MembershipStep.MarkVoter v) {
      listener.on(new MembershipEvent.MarkVoter(v.server(), v.myid()));
    } else if (step instanceof MembershipStep.MarkLeft l) {
      // The new configuration is active only once a later write commits; a previous life may have
      // crashed between the reconfig and its barrier, so write one before every MarkLeft.
      if (client != null && runner.barrier(client)) {
        listener.on(new MembershipEvent.MarkLeft(l.server(), l.myid()));
      } else {
        listener.on(new MembershipEvent.Waiting("myid " + l.myid() + " is out of the config; the barrier write"
            + " has not committed yet"));
      }
    }
    return step;
  }

  private void log(MembershipStep step, Optional<Ensemble> committed, String extra) {
    String version = committed.map(e -> "0x" + Long.toHexString(e.version())).orElse("unknown");
    String line = "membership step at config version " + version + ": " + describe(step) + (extra.isEmpty() ? "" : "; " + extra);
    // One INFO line per decision; the same decision again, round after round, only at DEBUG.
    if (line.equals(lastLogged) || step instanceof MembershipStep.Idle && lastLogged.isEmpty()) {
      LOG.debug(line);
    } else {
      LOG.info(line);
    }
    lastLogged = line;
  }

  private static String describe(MembershipStep step) {
    if (step instanceof MembershipStep.MarkVoter v) {
      return "server " + v.server() + " (myid " + v.myid() + ") is a voter";
    } else if (step instanceof MembershipStep.MarkLeft l) {
      return "server " + l.server() + " (myid " + l.myid() + ") left";
    } else if (step instanceof MembershipStep.Reconfigure r) {
      return "reconfigure " + ReconfigRunner.describe(r);
    } else if (step instanceof MembershipStep.Wait w) {
      return "wait: " + w.reason();
    } else if (step instanceof MembershipStep.Refuse r) {
      return "refuse: " + r.reason();
    }
    return "nothing to do";
  }

  private static String describe(Map<Integer, MemberProbe> probes) {
    return probes.values().stream().sorted(java.util.Comparator.comparingInt(MemberProbe::myid))
        .map(p -> p.myid() + "=" + p.mode().name().toLowerCase(java.util.Locale.ROOT) + (p.holdsOurData() ? "+data" : ""))
        .collect(Collectors.joining(","));
  }

  private synchronized Optional<EnsembleClient> session(ClusterState current) {
    if (closed) {
      throw new IllegalStateException("the driver is closed");
    }
    if (client == null) {
      Optional<String> servers = taskServers(current);
      if (servers.isEmpty()) {
        return Optional.empty();
      }
      client = clients.open(servers.get(), current.ensemble().superSecret());
    }
    return Optional.of(client);
  }

  /** The client endpoints of every server with a myid and a task, in myid order. */
  private static Optional<String> taskServers(ClusterState current) {
    String servers = current.serverList().stream()
        .filter(s -> s.identity().myid().isPresent() && s.task().isPresent())
        .sorted(java.util.Comparator.comparingInt(s -> s.identity().myid().get()))
        .map(s -> s.task().get().clientEndpoint())
        .collect(Collectors.joining(","));
    return servers.isEmpty() ? Optional.empty() : Optional.of(servers);
  }

  private void safeRound() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      // A round that fails is retried by the next one; the schedule must survive it.
      LOG.warn("membership round failed; the next round re-derives everything", e);
    }
  }
}

package org.exhibitormesos.scheduler.ha;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.state.StateCodec;
import org.exhibitormesos.core.state.StateRepository;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.Versioned;
import org.exhibitormesos.scheduler.api.ApiServer;
import org.exhibitormesos.scheduler.api.StandbyApi;
import org.exhibitormesos.scheduler.api.StatusViews;
import org.exhibitormesos.scheduler.config.SchedulerConfig;
import org.exhibitormesos.scheduler.runtime.SchedulerRuntime;
import org.exhibitormesos.storage.zk.LeadershipFence;
import org.exhibitormesos.storage.zk.LeadershipListener;
import org.exhibitormesos.storage.zk.ZkLeaderElection;
import org.exhibitormesos.storage.zk.ZkSession;
import org.exhibitormesos.storage.zk.ZkSessionConfig;
import org.exhibitormesos.storage.zk.ZkStateStore;
import org.exhibitormesos.storage.zk.ZkStorageSpec;

/**
 * A highly available scheduler on {@code zk:} storage: one of several instances sharing the state
 * znode. It joins the leader election (publishing its API URL) and stands by, answering reads from
 * the stored state and redirecting writes to the leader ({@link StandbyApi}), without subscribing
 * to Mesos or writing. When it wins, it closes the standby API and starts the whole
 * {@link SchedulerRuntime} on a store fenced by its term, so it subscribes with the framework id of
 * the stored state.
 *
 * <p>When a term ends (connection lost, session expired) the instance stops for good: the Mesos
 * subscription and the state loop are closed and {@link #awaitStop()} returns the reason, so that
 * the process exits and its supervisor (Marathon) restarts it as a standby. Until then any state
 * write it still attempts is refused by the store (the fence), so there are never two writers.
 *
 * <p>Lifecycle: {@link #start} (connects, binds, joins), {@link #awaitStop()}, {@link #close()}
 * (idempotent). Thread-safe; the leader's runtime is started and stopped on the gate's own threads.
 */
public final class LeadershipGate implements LeadershipListener, AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(LeadershipGate.class);

  private final SchedulerConfig config;
  private final Clock clock;
  private final ZkStorageSpec spec;
  private final ZkSession session;
  private final ExecutorService takeover = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ha-takeover");
    t.setDaemon(true);
    return t;
  });
  private final CountDownLatch stopped = new CountDownLatch(1);
  private ZkLeaderElection election;
  private StandbyApi standby;
  private SchedulerRuntime runtime;
  private boolean leading;
  private boolean done;
  private String fatal;

  private LeadershipGate(SchedulerConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.spec = ZkStorageSpec.parse(config.storage());
    this.session = new ZkSession(spec, ZkSessionConfig.of(config.zkSessionTimeout()), clock);
  }

  /**
   * Connects to ZooKeeper, binds the standby API and joins the election.
   *
   * @throws StateStoreException when ZooKeeper cannot be reached
   * @throws IOException when the API address cannot be bound
   */
  public static LeadershipGate start(SchedulerConfig config, Clock clock) throws StateStoreException, IOException {
    Objects.requireNonNull(config, "config");
    LeadershipGate gate = new LeadershipGate(config, clock);
    try {
      gate.startAll();
      return gate;
    } catch (StateStoreException | IOException | RuntimeException e) {
      gate.close();
      throw e;
    }
  }

  private void startAll() throws StateStoreException, IOException {
    session.start();
    String electionPath = ZkLeaderElection.electionPathFor(spec.path());
    election = new ZkLeaderElection(session, electionPath, config.apiUrl(), this);
    StateRepository stored = new StateRepository(ZkStateStore.open(session, spec.path()), new StateCodec());
    synchronized (this) {
      standby = new StandbyApi(new StandbyApi.Setup(ApiServer.Settings.from(config), config.apiUrl(),
          session.describe() + electionPath, () -> stored.load().map(Versioned::value), election::leaderInfo,
          new StatusViews(config.mode())));
      standby.start();
    }
    LOG.info("joining leader election {} as {} (ZooKeeper session timeout {})", electionPath, config.apiUrl(),
        config.zkSessionTimeout());
    election.start();
  }

  @Override
  public void onLeader(LeadershipFence fence) {
    Instant won = clock.instant();
    takeover.execute(() -> lead(fence, won));
  }

  private void lead(LeadershipFence fence, Instant won) {
    synchronized (this) {
      if (done) {
        return;
      }
      leading = true;
      if (standby != null) {
        standby.close();
        standby = null;
      }
    }
    LOG.info("leading as {} ({}): starting the scheduler on the stored state", config.apiUrl(),
        fence.candidatePath());
    SchedulerRuntime started;
    try {
      started = SchedulerRuntime.start(config, clock,
          ZkStateStore.fenced(session, spec.path(), election::fence));
    } catch (StateStoreException | IOException | RuntimeException e) {
      stop("cannot start as leader: " + e.getMessage());
      return;
    }
    synchronized (this) {
      if (done) {
        started.close();
        return;
      }
      runtime = started;
    }
    LOG.info("scheduler started as leader {} ms after winning the election",
        Duration.between(won, clock.instant()).toMillis());
    Thread watcher = new Thread(() -> {
      try {
        started.awaitStop().ifPresent(why -> stop("the scheduler stopped: " + why));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ha-runtime-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  @Override
  public void onNotLeader(Reason reason) {
    // Called on the election thread: stop on another one, so the election is never blocked.
    Thread t = new Thread(() -> stop("lost leadership (" + reason + "): this instance stops acting now so that it"
        + " never acts beside a new leader; restart it to stand by again"), "ha-lost-leadership");
    t.setDaemon(false);
    t.start();
  }

  /**
   * Waits until the gate stops by itself (lost leadership, a fatal error as leader) or is closed.
   *
   * @return why it stopped by itself, or empty when it was closed
   */
  public Optional<String> awaitStop() throws InterruptedException {
    stopped.await();
    synchronized (this) {
      return Optional.ofNullable(fatal);
    }
  }

  private void stop(String why) {
    synchronized (this) {
      if (done) {
        return;
      }
      fatal = why;
    }
    LOG.error("{}", why);
    close();
  }

  /** Stops the leader's runtime (Mesos first) or the standby API, then leaves the election. Idempotent. */
  @Override
  public void close() {
    SchedulerRuntime running;
    StandbyApi standing;
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
      running = runtime;
      standing = standby;
      runtime = null;
      standby = null;
    }
    if (running != null) {
      running.close();
    }
    if (standing != null) {
      standing.close();
    }
    if (election != null) {
      election.close();
    }
    session.close();
    takeover.shutdownNow();
    LOG.info("{} scheduler stopped", leading ? "leading" : "standby");
    stopped.countDown();
  }
}

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
import java.util.concurrent.RejectedExecutionException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.exhibitormesos.core.state.StateCodec;
import org.exhibitormesos.core.state.StateRepository;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.Versioned;
import org.exhibitormesos.scheduler.api.ApiServer;
import org.exhibitormesos.scheduler.api.StandbyApi;
import org.exhibitormesos.scheduler.api.StatusViews;
import org.exhibitormesos.scheduler.config.SchedulerConfig;
import org.exhibitormesos.scheduler.runtime.RunningScheduler;
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
 * <p>When a term ends (connection lost, session expired) the instance stops acting at once: the
 * Mesos subscription and the state loop are closed and it stands by again, to lead again only in
 * a new term, on a state read afresh. Even before that, any state write it still attempts is
 * refused by the store (the fence), so there are never two writers. A fatal error while leading
 * (one that would stop a single scheduler) stops the gate: {@link #awaitStop()} returns it, the
 * process exits and leaves the election, and a standby takes over at once.
 *
 * <p>Lifecycle: {@link #start} (connects, binds, joins), {@link #awaitStop()}, {@link #close()}
 * (idempotent). Thread-safe; terms begin and end in order on the gate's own thread.
 */
public final class LeadershipGate implements RunningScheduler {
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
  private StandbyApi.Setup standbySetup;
  private StandbyApi standby;
  private SchedulerRuntime runtime;
  private volatile boolean leading;
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
    election = new ZkLeaderElection(session, electionPath, config.apiUrl(), new LeadershipListener() {
      @Override
      public void onLeader(LeadershipFence fence) {
        Instant won = clock.instant();
        onTakeoverThread(() -> lead(fence, won));
      }

      @Override
      public void onNotLeader(Reason reason) {
        // The fence is already gone: writes are refused from now on. Stop acting, on the gate's thread.
        onTakeoverThread(() -> standBy(reason));
      }
    });
    StateRepository stored = new StateRepository(ZkStateStore.open(session, spec.path()), new StateCodec());
    standbySetup = new StandbyApi.Setup(ApiServer.Settings.from(config), config.apiUrl(),
        session.describe() + electionPath, () -> stored.load().map(Versioned::value), election::leaderInfo,
        new StatusViews(config.mode()));
    startStandby();
    LOG.info("joining leader election {} as {} (ZooKeeper session timeout {})", electionPath, config.apiUrl(),
        config.zkSessionTimeout());
    election.start();
  }

  private void lead(LeadershipFence fence, Instant won) {
    if (!election.fence().equals(Optional.of(fence))) {
      LOG.info("term of {} already over before the scheduler started", fence.candidatePath());
      return;
    }
    synchronized (this) {
      if (done) {
        return;
      }
      leading = true;
    }
    closeStandby();
    LOG.info("leading as {} ({}): starting the scheduler on the stored state", config.apiUrl(),
        fence.candidatePath());
    SchedulerRuntime started;
    try {
      // Writes carry this term's fence only, and Mesos is (re)subscribed only within this term: a later
    // term starts a runtime of its own.
      started = SchedulerRuntime.start(config, clock, ZkStateStore.fenced(session, spec.path(),
          () -> election.fence().filter(fence::equals)), () -> election.fence().equals(Optional.of(fence)));
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
    Thread watcher = new Thread(() -> watch(started, fence), "ha-runtime-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * A leader's runtime that stops by itself (Mesos ended the subscription, a write was refused)
   * stops the gate if this instance still leads, as ZooKeeper confirms: the process exits and a
   * standby takes over. If the term has ended, the end of term that follows makes it stand by.
   */
  private void watch(SchedulerRuntime started, LeadershipFence fence) {
    try {
      Optional<String> why = started.awaitStop();
      boolean current;
      synchronized (this) {
        current = runtime == started;
      }
      if (why.isEmpty() || !current) {
        return;
      }
      if (stillLeads(fence)) {
        stop("the leading scheduler stopped: " + why.get());
      } else {
        LOG.warn("the leading scheduler stopped as its term ended: {}", why.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Asks ZooKeeper (not this instance's belief) whether the term's candidate znode is still ours. */
  private boolean stillLeads(LeadershipFence fence) throws InterruptedException {
    try {
      ZooKeeper zk = session.client();
      Stat stat = zk.exists(fence.candidatePath(), false);
      return stat != null && stat.getEphemeralOwner() == zk.getSessionId() && election.isLeader();
    } catch (KeeperException | IllegalStateException e) {
      LOG.info("cannot confirm the term of {} ({}): taking it as ended", fence.candidatePath(), e.toString());
      return false;
    }
  }

  private void standBy(LeadershipListener.Reason reason) {
    SchedulerRuntime running;
    synchronized (this) {
      if (done) {
        return;
      }
      running = runtime;
      runtime = null;
    }
    if (running != null || leading) {
      LOG.warn("lost leadership ({}): stopping the Mesos subscription and the state loop now, so that this"
          + " instance never acts beside a new leader; standing by again", reason);
    }
    if (running != null) {
      running.close();
    }
    leading = false;
    try {
      startStandby();
    } catch (IOException e) {
      stop("cannot stand by again: " + e.getMessage());
    }
  }

  private void startStandby() throws IOException {
    StandbyApi api = new StandbyApi(standbySetup);
    synchronized (this) {
      if (done || standby != null) {
        return;
      }
      standby = api;
    }
    api.start();
  }

  private void closeStandby() {
    StandbyApi api;
    synchronized (this) {
      api = standby;
      standby = null;
    }
    if (api != null) {
      api.close();
    }
  }

  private void onTakeoverThread(Runnable task) {
    try {
      takeover.execute(task);
    } catch (RejectedExecutionException e) {
      // Closed: nothing to do.
    }
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

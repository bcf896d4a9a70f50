package org.exhibitormesos.storage.zk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * Leader election among scheduler instances sharing a {@link ZkSession}'s ensemble.
 *
 * <p>Each instance creates an ephemeral sequential candidate znode {@code c-<uuid>-<seq>} under the
 * election path (by convention {@link #electionPathFor the state path + "-leader"}) holding its
 * {@code info} (the API URL standbys redirect to). The lowest sequence leads; every other candidate
 * watches only its predecessor (no herd) and the leader's znode (for {@link #leaderInfo()}).
 *
 * <p>Safety: a term ends with {@link LeadershipListener.Reason#SUSPENDED} as soon as the
 * connection is lost, i.e. before the session can expire, and only an expired session lets another
 * instance win. {@link #fence()} is empty outside a term, and a fenced {@link ZkStateStore} checks
 * the candidate znode atomically with every write.
 *
 * <p>Thread-safe. All election work and all listener calls run on one thread owned by the
 * election. Lifecycle: construct (no I/O), {@link #start()} once, {@link #close()} (idempotent).
 */
public final class ZkLeaderElection implements AutoCloseable {

  private static final Logger LOG = LogManager.getLogger(ZkLeaderElection.class);
  private static final long REJOIN_DELAY_MS = 1000;

  private final ZkSession session;
  private final String electionPath;
  private final String info;
  private final LeadershipListener listener;
  private final ScheduledExecutorService thread;
  private final ZkSession.Listener sessionListener = this::onSessionEvent;
  private final Watcher recheck = event -> {
    if (event.getType() != Watcher.Event.EventType.None) {
      submit(this::check);
    }
  };

  // Confined to the election thread.
  private String candidate;
  private long candidateSession;
  private String tag;
  private boolean inTerm;

  private volatile LeadershipFence fence;
  private volatile Optional<String> leaderInfo = Optional.empty();
  private volatile boolean started;
  private volatile boolean closed;

  /**
   * @param session the shared, started session
   * @param electionPath the parent of the candidate znodes (created if missing)
   * @param info what this instance publishes while it leads (its API URL)
   * @param listener told about terms
   */
  public ZkLeaderElection(ZkSession session, String electionPath, String info,
      LeadershipListener listener) {
    this.session = Objects.requireNonNull(session, "session");
    this.electionPath = Objects.requireNonNull(electionPath, "electionPath");
    this.info = Objects.requireNonNull(info, "info");
    this.listener = Objects.requireNonNull(listener, "listener");
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "zk-election " + electionPath);
      t.setDaemon(true);
      return t;
    });
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.thread = executor;
  }

  /** @return the conventional election path for a state document: {@code statePath + "-leader"} */
  public static String electionPathFor(String statePath) {
    return statePath + "-leader";
  }

  /**
   * Joins the election in the background; the listener hears the outcome.
   *
   * @throws IllegalStateException if already started or closed
   */
  public synchronized void start() {
    if (started || closed) {
      throw new IllegalStateException("election " + electionPath + " already started");
    }
    started = true;
    session.addListener(sessionListener);
    submit(this::check);
  }

  /** @return true while this instance leads */
  public boolean isLeader() {
    return fence != null;
  }

  /** @return the current term's fence, or empty when this instance does not lead */
  public Optional<LeadershipFence> fence() {
    return Optional.ofNullable(fence);
  }

  /**
   * @return the current leader's info (this instance's own while it leads), or empty when no
   *     leader is known (no candidate yet, or this instance's session just expired). While the
   *     connection is lost, the last known value.
   */
  public Optional<String> leaderInfo() {
    return leaderInfo;
  }

  /** @return the parent znode of the candidates */
  public String electionPath() {
    return electionPath;
  }

  /**
   * Leaves the election: ends a term ({@link LeadershipListener.Reason#CLOSED}), deletes the
   * candidate znode (best effort) and stops the election thread. Idempotent; never throws.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    fence = null;
    session.removeListener(sessionListener);
    try {
      thread.execute(this::leave);
    } catch (RejectedExecutionException e) {
      // Already stopping.
    }
    thread.shutdown();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void leave() {
    endTerm(LeadershipListener.Reason.CLOSED);
    if (candidate != null) {
      try {
        session.client().delete(candidate, -1);
        LOG.info("left election {}: deleted {}", electionPath, candidate);
      } catch (KeeperException | InterruptedException | IllegalStateException e) {
        LOG.info("left election {}: {} goes with the session ({})", electionPath, candidate,
            e.toString());
      }
    }
  }

  private void onSessionEvent(SessionEvent event) {
    switch (event) {
      case DISCONNECTED -> {
        fence = null; // fenced writes are refused from now; the listener hears it in order
        submit(() -> endTerm(LeadershipListener.Reason.SUSPENDED));
      }
      case CONNECTED, RECONNECTED -> submit(this::check);
      case EXPIRED -> {
        fence = null;
        submit(() -> {
          endTerm(LeadershipListener.Reason.SESSION_EXPIRED);
          leaderInfo = Optional.empty();
          // Unless a check already rejoined in the new session, the candidate died with the old.
          if (candidate != null && candidateSession != session.client().getSessionId()) {
            candidate = null;
            tag = null;
          }
          check();
        });
      }
      default -> { }
    }
  }

  /**
   * Joins if needed, then leads or watches. Never blocks on a lost connection: the session event
   * that follows (or a retry a second later) runs it again.
   */
  private void check() {
    if (closed) {
      return;
    }
    try {
      ZooKeeper zk = session.client();
      if (candidate == null) {
        join(zk);
      }
      while (true) {
        List<String> children = Znodes.candidates(zk, electionPath);
        int index = children.indexOf(candidate.substring(electionPath.length() + 1));
        Stat own = index < 0 ? null : zk.exists(candidate, recheck);
        if (own == null || own.getEphemeralOwner() != zk.getSessionId()) {
          // Gone, or left over from an expired session whose close the server has not finished.
          boolean deleted = own == null && candidateSession == zk.getSessionId();
          LOG.warn("candidate {} is {}; rejoining election {}", candidate,
              deleted ? "deleted" : "from an expired session", electionPath);
          endTerm(deleted ? LeadershipListener.Reason.CANDIDATE_DELETED
              : LeadershipListener.Reason.SESSION_EXPIRED);
          candidate = null;
          tag = null;
          join(zk);
          continue;
        }
        if (index == 0) {
          beginTerm(own.getVersion());
          return;
        }
        String leader = electionPath + "/" + children.get(0);
        String predecessor = electionPath + "/" + children.get(index - 1);
        try {
          leaderInfo = Optional.of(new String(zk.getData(leader, recheck, null), UTF_8));
        } catch (KeeperException.NoNodeException e) {
          continue;
        }
        if (zk.exists(predecessor, recheck) != null) {
          LOG.debug("standing by in {}: leader {}, watching {}", electionPath, leader,
              predecessor);
          return;
        }
      }
    } catch (KeeperException e) {
      LOG.log(Znodes.connectionProblem(e) ? Level.DEBUG : Level.WARN, "election {} check failed ({}); "
          + "retrying in {} ms", electionPath, e.code(), REJOIN_DELAY_MS);
      schedule(this::check, REJOIN_DELAY_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IllegalStateException e) {
      LOG.debug("election {}: session closed", electionPath);
    }
  }

  private void join(ZooKeeper zk) throws KeeperException, InterruptedException {
    if (tag == null) {
      tag = "c-" + UUID.randomUUID() + "-";
    }
    Znodes.createParents(zk, session.acl(), electionPath + "/" + tag);
    // A create whose reply was lost may have happened: look for our tag before creating again.
    String found = null;
    for (String child : zk.getChildren(electionPath, false)) {
      if (child.startsWith(tag)) {
        found = electionPath + "/" + child;
      }
    }
    candidate = found != null ? found : zk.create(electionPath + "/" + tag,
        info.getBytes(UTF_8), session.acl(), CreateMode.EPHEMERAL_SEQUENTIAL);
    candidateSession = zk.getSessionId();
    LOG.info("joined election {} as {}", electionPath, candidate);
  }

  private void beginTerm(int candidateVersion) {
    leaderInfo = Optional.of(info);
    if (inTerm) {
      return;
    }
    inTerm = true;
    fence = new LeadershipFence(candidate, candidateVersion);
    LOG.info("leading election {} as {} ({})", electionPath, candidate, info);
    listener.onLeader(fence);
  }

  /** Ends the current term, if any, and tells the listener why. */
  private void endTerm(LeadershipListener.Reason reason) {
    if (!inTerm) {
      return;
    }
    inTerm = false;
    fence = null;
    LOG.info("no longer leading election {} as {}: {}", electionPath, candidate, reason);
    listener.onNotLeader(reason);
  }

  private void submit(Runnable task) {
    schedule(task, 0);
  }

  private void schedule(Runnable task, long delayMs) {
    if (closed) {
      return;
    }
    try {
      thread.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closing: nothing more to do.
    }
  }
}

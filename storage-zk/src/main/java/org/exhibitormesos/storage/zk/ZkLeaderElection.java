package org.exhibitormesos.storage.zk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;
import org.exhibitormesos.core.state.store.StateStoreException;

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
  private final Watcher recheck = event -> submit(this::check);

  // Confined to the election thread.
  private String candidate;
  private long candidateSession;
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
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "zk-election " + electionPath);
      t.setDaemon(true);
      return t;
    });
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
    submit(this::join);
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
      case DISCONNECTED -> submit(() -> endTerm(LeadershipListener.Reason.SUSPENDED));
      case RECONNECTED -> submit(this::check);
      case EXPIRED -> submit(() -> {
        endTerm(LeadershipListener.Reason.SESSION_EXPIRED);
        leaderInfo = Optional.empty();
        if (candidate != null && candidateSession != session.client().getSessionId()) {
          candidate = null;
        }
        if (candidate == null) {
          join();
        }
      });
      default -> { }
    }
  }

  private void join() {
    if (closed || candidate != null) {
      return;
    }
    String tag = "c-" + UUID.randomUUID() + "-";
    try {
      Znodes.ensureParents(session, electionPath + "/" + tag);
      // A create whose reply is lost may have happened: look for our tag before creating again.
      candidate = session.retrying("join election " + electionPath, zk -> {
        for (String child : zk.getChildren(electionPath, false)) {
          if (child.startsWith(tag)) {
            return electionPath + "/" + child;
          }
        }
        return zk.create(electionPath + "/" + tag, info.getBytes(UTF_8), session.acl(),
            CreateMode.EPHEMERAL_SEQUENTIAL);
      });
      candidateSession = session.client().getSessionId();
      LOG.info("joined election {} as {}", electionPath, candidate);
      check();
    } catch (KeeperException | StateStoreException e) {
      LOG.warn("could not join election {}; retrying in {} ms: {}", electionPath,
          REJOIN_DELAY_MS, e.getMessage());
      schedule(this::join, REJOIN_DELAY_MS);
    }
  }

  private void check() {
    if (closed || candidate == null) {
      return;
    }
    try {
      while (true) {
        List<String> children = session.retrying("list candidates",
            zk -> zk.getChildren(electionPath, false)).stream()
            .filter(c -> c.startsWith("c-"))
            .sorted(Comparator.comparing(ZkLeaderElection::sequence))
            .toList();
        String mine = candidate.substring(electionPath.length() + 1);
        int index = children.indexOf(mine);
        Stat own = index < 0 ? null
            : session.retrying("watch own candidate", zk -> zk.exists(candidate, recheck));
        if (own == null) {
          boolean expired = candidateSession != session.client().getSessionId();
          LOG.warn("candidate {} is gone ({}); rejoining election {}", candidate,
              expired ? "session expired" : "deleted", electionPath);
          endTerm(expired ? LeadershipListener.Reason.SESSION_EXPIRED
              : LeadershipListener.Reason.CANDIDATE_DELETED);
          candidate = null;
          join();
          return;
        }
        if (index == 0) {
          beginTerm(own.getVersion());
          return;
        }
        String leader = electionPath + "/" + children.get(0);
        String predecessor = electionPath + "/" + children.get(index - 1);
        try {
          byte[] data = session.retrying("read leader", zk -> zk.getData(leader, recheck, null));
          leaderInfo = Optional.of(new String(data, UTF_8));
        } catch (KeeperException.NoNodeException e) {
          continue;
        }
        if (session.retrying("watch predecessor", zk -> zk.exists(predecessor, recheck)) != null) {
          LOG.debug("standing by in {}: leader {}, watching {}", electionPath, leader,
              predecessor);
          return;
        }
      }
    } catch (KeeperException | StateStoreException e) {
      LOG.warn("election {} check failed; retrying in {} ms: {}", electionPath, REJOIN_DELAY_MS,
          e.getMessage());
      schedule(this::check, REJOIN_DELAY_MS);
    }
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

  private static String sequence(String child) {
    return child.substring(child.lastIndexOf('-') + 1);
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

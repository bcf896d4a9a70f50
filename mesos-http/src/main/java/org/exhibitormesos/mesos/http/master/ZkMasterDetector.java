package org.exhibitormesos.mesos.http.master;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.exhibitormesos.mesos.http.HostAndPort;

/**
 * Follows the Mesos masters' leader election in ZooKeeper: the leader is the {@code json.info_<seq>}
 * child of the configured path with the lowest sequence number, and its data is the leader's
 * {@code MasterInfo} as JSON. A children watch re-reads on every membership change; an expired
 * session is replaced by a new one.
 *
 * <p>Thread safe. Listeners run on the ZooKeeper event thread.
 */
public final class ZkMasterDetector implements MasterDetector {
  private static final Logger LOG = LogManager.getLogger(ZkMasterDetector.class);
  private static final Pattern MEMBER = Pattern.compile("json\\.info_(\\d+)");
  private static final Duration RETRY_DELAY = Duration.ofSeconds(2);

  private final MasterSpec.Zk spec;
  private final Duration sessionTimeout;
  private final ScheduledExecutorService scheduler;
  private final List<Consumer<Optional<HostAndPort>>> listeners = new CopyOnWriteArrayList<>();
  private final Watcher membershipWatcher = this::onMembershipEvent;
  private final List<CompletableFuture<HostAndPort>> waiting = new ArrayList<>();
  private Optional<HostAndPort> leader = Optional.empty();
  private ZooKeeper zk;
  private boolean started;
  private boolean closed;

  /**
   * Does no I/O.
   *
   * @param scheduler runs retries (after auth or read failures, session expiry); not shut down here
   */
  public ZkMasterDetector(MasterSpec.Zk spec, Duration sessionTimeout,
      ScheduledExecutorService scheduler) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.sessionTimeout = Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /**
   * Opens the ZooKeeper session; detection proceeds in the background.
   *
   * @throws IllegalStateException if already started or closed, or the client cannot be created
   */
  @Override
  public synchronized void start() {
    if (started || closed) {
      throw new IllegalStateException("ZooKeeper master detector already started or closed");
    }
    started = true;
    LOG.info("detecting the leading Mesos master in ZooKeeper {} at {}", spec.connectString(),
        spec.path());
    openSession();
  }

  @Override
  public synchronized CompletableFuture<HostAndPort> leader() {
    if (closed) {
      return CompletableFuture.failedFuture(new CancellationException("detector closed"));
    }
    if (leader.isPresent()) {
      return CompletableFuture.completedFuture(leader.get());
    }
    CompletableFuture<HostAndPort> f = new CompletableFuture<>();
    waiting.add(f);
    return f;
  }

  @Override
  public void addListener(Consumer<Optional<HostAndPort>> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void close() {
    ZooKeeper old;
    List<CompletableFuture<HostAndPort>> pending;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      old = zk;
      zk = null;
      pending = List.copyOf(waiting);
      waiting.clear();
    }
    pending.forEach(f -> f.cancel(false));
    closeQuietly(old);
  }

  private synchronized void openSession() {
    if (closed) {
      return;
    }
    ZKClientConfig config = new ZKClientConfig();
    config.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
    try {
      zk = new ZooKeeper(spec.connectString(), (int) sessionTimeout.toMillis(),
          this::onSessionEvent, config);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a ZooKeeper client for "
          + spec.connectString(), e);
    }
    spec.digest().ifPresent(d -> zk.addAuthInfo("digest",
        (d.user() + ":" + d.password()).getBytes(StandardCharsets.UTF_8)));
  }

  private void onSessionEvent(WatchedEvent event) {
    if (event.getType() != Watcher.Event.EventType.None) {
      onMembershipEvent(event);
      return;
    }
    switch (event.getState()) {
      case SyncConnected -> {
        LOG.debug("ZooKeeper session to {} connected", spec.connectString());
        refresh();
      }
      case Expired -> {
        LOG.info("ZooKeeper session to {} expired, opening a new one", spec.connectString());
        ZooKeeper old;
        synchronized (this) {
          old = zk;
        }
        closeQuietly(old);
        retryLater(this::openSession);
      }
      default -> LOG.debug("ZooKeeper session state {}", event.getState());
    }
  }

  private void onMembershipEvent(WatchedEvent event) {
    LOG.debug("ZooKeeper watch fired: {} {}", event.getType(), event.getPath());
    if (event.getType() != Watcher.Event.EventType.None) {
      refresh();
    }
  }

  private void refresh() {
    ZooKeeper session = session();
    if (session == null) {
      return;
    }
    session.getChildren(spec.path(), membershipWatcher, (rc, path, ctx, children) -> {
      KeeperException.Code code = KeeperException.Code.get(rc);
      switch (code) {
        case OK -> readLeader(session, children);
        case NONODE -> {
          LOG.info("ZooKeeper path {} does not exist yet; waiting for masters", spec.path());
          // exists() leaves a watch that fires when the node is created.
          session.exists(spec.path(), membershipWatcher, (rc2, p2, c2, stat) -> {
            if (KeeperException.Code.get(rc2) == KeeperException.Code.OK) {
              refresh();
            }
          }, null);
          setLeader(Optional.empty());
        }
        case CONNECTIONLOSS, SESSIONEXPIRED, SESSIONMOVED ->
            LOG.debug("listing {} interrupted ({}); waiting for the session", spec.path(), code);
        default -> {
          LOG.warn("cannot list {} in ZooKeeper: {}; retrying in {}", spec.path(), code,
              RETRY_DELAY);
          retryLater(this::refresh);
        }
      }
    }, null);
  }

  private void readLeader(ZooKeeper session, List<String> children) {
    Optional<String> lowest = lowestMember(children);
    if (lowest.isEmpty()) {
      LOG.info("no Mesos master is contending under {}", spec.path());
      setLeader(Optional.empty());
      return;
    }
    String node = (spec.path().equals("/") ? "" : spec.path()) + "/" + lowest.get();
    session.getData(node, false, (rc, path, ctx, data, stat) -> {
      KeeperException.Code code = KeeperException.Code.get(rc);
      switch (code) {
        case OK -> {
          try {
            setLeader(Optional.of(MasterInfoJson.address(
                new String(data == null ? new byte[0] : data, StandardCharsets.UTF_8))));
          } catch (IllegalArgumentException e) {
            LOG.warn("ignoring leader node {}: {}", node, e.getMessage());
            setLeader(Optional.empty());
          }
        }
        // The leader vanished between the listing and the read; the children watch fires too.
        case NONODE -> refresh();
        case CONNECTIONLOSS, SESSIONEXPIRED, SESSIONMOVED ->
            LOG.debug("reading {} interrupted ({}); waiting for the session", node, code);
        default -> {
          LOG.warn("cannot read {} in ZooKeeper: {}; retrying in {}", node, code, RETRY_DELAY);
          retryLater(this::refresh);
        }
      }
    }, null);
  }

  /** The child named {@code json.info_<seq>} with the lowest sequence number, if any. */
  static Optional<String> lowestMember(List<String> children) {
    String best = null;
    long bestSeq = Long.MAX_VALUE;
    for (String child : children) {
      OptionalLong seq = sequence(child);
      if (seq.isPresent() && seq.getAsLong() < bestSeq) {
        bestSeq = seq.getAsLong();
        best = child;
      }
    }
    return Optional.ofNullable(best);
  }

  private static OptionalLong sequence(String child) {
    Matcher m = MEMBER.matcher(child);
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(m.group(1)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private void setLeader(Optional<HostAndPort> next) {
    List<CompletableFuture<HostAndPort>> toComplete = List.of();
    synchronized (this) {
      if (closed || next.equals(leader)) {
        return;
      }
      LOG.info("leading Mesos master changed from {} to {}",
          leader.map(HostAndPort::toString).orElse("none"),
          next.map(HostAndPort::toString).orElse("none"));
      leader = next;
      if (next.isPresent()) {
        toComplete = List.copyOf(waiting);
        waiting.clear();
      }
    }
    toComplete.forEach(f -> f.complete(next.get()));
    for (Consumer<Optional<HostAndPort>> l : listeners) {
      l.accept(next);
    }
  }

  private synchronized ZooKeeper session() {
    return closed ? null : zk;
  }

  private void retryLater(Runnable action) {
    try {
      scheduler.schedule(action, RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("scheduler shut down; not retrying", e);
    }
  }

  private static void closeQuietly(ZooKeeper session) {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.exhibitormesos.scheduler.membership;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.admin.ZooKeeperAdmin;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.ensemble.DynamicConfig;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.SuperDigest;
import org.exhibitormesos.core.membership.MembershipStep;
import org.exhibitormesos.scheduler.membership.Replies.Reply;

/**
 * One long-lived super-user session ({@link ZooKeeperAdmin}, digest {@code super:<secret>}) to an
 * ensemble: reads the committed configuration, sends conditional reconfigurations, writes the
 * barrier and keeps the ensemble's identity znode.
 *
 * <p>The constructor does no I/O; the session opens on first use and is reopened when it expired.
 * Every call is bounded by the operation timeout and reports "no answer" as a value, never by
 * throwing. Thread-safe. {@link #close()} is idempotent; calls after it throw
 * {@link IllegalStateException}. The secret never appears in logs, exceptions or {@link #toString()}.
 */
public final class EnsembleClient implements AutoCloseable {
  /** The scheduler's znodes live below this path. */
  public static final String ROOT = "/exhibitor-mesos";
  /** The identity znode: the UUID the ensemble was marked with after its bootstrap. */
  public static final String CLUSTER_ID = ROOT + "/cluster-id";
  /** The znode whose write confirms that a new configuration is active. */
  public static final String BARRIER = ROOT + "/barrier";

  private static final Logger LOG = LogManager.getLogger(EnsembleClient.class);
  // Only the super user may change these znodes; anyone may read them (joiners are checked
  // through a session without credentials).
  private static final List<org.apache.zookeeper.data.ACL> ACL = ZooDefs.Ids.READ_ACL_UNSAFE;

  private final String superSecret;
  private final Duration sessionTimeout;
  private final Duration operationTimeout;
  private String connectString;
  private ZooKeeperAdmin admin;
  private boolean closed;

  /**
   * @param connectString the servers to try first ({@code host:port,...}); replaced by the committed
   *     configuration's client addresses once read
   * @param superSecret the super user's password
   * @param sessionTimeout the ZooKeeper session timeout
   * @param operationTimeout the bound on each call, from sending to answer
   */
  public EnsembleClient(String connectString, String superSecret, Duration sessionTimeout,
      Duration operationTimeout) {
    this.connectString = requireText(connectString, "connectString");
    this.superSecret = requireText(superSecret, "superSecret");
    this.sessionTimeout = Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    this.operationTimeout = Objects.requireNonNull(operationTimeout, "operationTimeout");
  }

  /**
   * Points the session at these servers: remembered for the next session, and handed to the
   * live session with {@code updateServerList} when they differ from the current list.
   */
  public synchronized void useServers(String servers) {
    requireOpen();
    requireText(servers, "servers");
    if (servers.equals(connectString)) {
      return;
    }
    LOG.debug("ensemble servers now {} (were {})", servers, connectString);
    connectString = servers;
    if (admin != null && admin.getState().isAlive()) {
      try {
        admin.updateServerList(servers);
      } catch (IOException e) {
        LOG.warn("cannot update the session's server list to {}", servers, e);
      }
    }
  }

  /** The servers the session uses. */
  public synchronized String servers() {
    return connectString;
  }

  /**
   * The committed configuration: {@code sync} on {@code /zookeeper/config}, then {@code getConfig};
   * the version is the {@code version=} line. When the committed members' client addresses differ
   * from the session's server list, the session moves to them ({@code updateServerList}) and the
   * configuration is read again through the new connection.
   */
  public ConfigRead readCommitted() {
    long deadline = Replies.deadline(operationTimeout);
    ConfigRead read = read(deadline);
    if (read instanceof ConfigRead.Committed c && !c.ensemble().connectString().equals(servers())) {
      // updateServerList may move the connection (to rebalance, or off a removed server) and fail
      // whatever is in flight: move now, and read again through the new connection.
      useServers(c.ensemble().connectString());
      for (int attempt = 0; attempt < 3 && System.nanoTime() < deadline; attempt++) {
        ConfigRead again = read(deadline);
        if (again instanceof ConfigRead.Committed) {
          return again;
        }
      }
    }
    return read;
  }

  private ConfigRead read(long deadline) {
    ZooKeeperAdmin za = session();
    Reply sync = Replies.await(deadline, f -> za.sync(ZooDefs.CONFIG_NODE, (rc, p, c) -> f.complete(Reply.of(rc, null)), null));
    if (!sync.ok()) {
      return new ConfigRead.Unavailable("sync on " + ZooDefs.CONFIG_NODE + ": " + sync.describe());
    }
    Reply config = Replies.await(deadline,
        f -> za.getConfig(false, (rc, p, c, data, stat) -> f.complete(Reply.of(rc, data)), null));
    if (!config.ok()) {
      return new ConfigRead.Unavailable("getConfig: " + config.describe());
    }
    try {
      return new ConfigRead.Committed(parse(config.data()));
    } catch (InvalidInputException e) {
      return new ConfigRead.Unavailable("unreadable committed config: " + e.getMessage());
    }
  }

  /**
   * Sends {@code step} as one incremental reconfiguration, conditional on its
   * {@link MembershipStep.Reconfigure#fromVersion()}. Nothing is retried here.
   */
  public ReconfigResult reconfigure(MembershipStep.Reconfigure step) {
    List<String> joining = step.joining().stream().map(DynamicConfig::serverLine).toList();
    List<String> leaving = step.leaving().stream().map(String::valueOf).toList();
    ZooKeeperAdmin za = session();
    Reply reply = Replies.await(Replies.deadline(operationTimeout), f -> za.reconfigure(
        joining.isEmpty() ? null : joining, leaving.isEmpty() ? null : leaving, null, step.fromVersion(),
        (rc, p, c, data, stat) -> f.complete(Reply.of(rc, data)), null));
    if (reply.code() == null) {
      return new ReconfigResult.Unknown("no answer within " + operationTimeout.toMillis() + " ms");
    }
    if (!reply.ok()) {
      return ReconfigResult.ofError(reply.code());
    }
    try {
      // The server list follows at the next readCommitted: moving the connection now could fail
      // the barrier write that must come next.
      return new ReconfigResult.Applied(parse(reply.data()));
    } catch (InvalidInputException e) {
      // It committed; only the echo is unreadable. A re-read tells the new version.
      return new ReconfigResult.Unknown("committed, but the new config is unreadable: " + e.getMessage());
    }
  }

  /**
   * A write that must commit ({@code setData} on {@link #BARRIER}, created if missing). Once it
   * commits, a configuration committed before it is active.
   *
   * @return true when the write committed; false when no answer came in time
   */
  public boolean barrierWrite() {
    long deadline = Replies.deadline(operationTimeout);
    ZooKeeperAdmin za = session();
    byte[] stamp = Instant.now().toString().getBytes(StandardCharsets.UTF_8);
    Reply set = Replies.await(deadline, f -> za.setData(BARRIER, stamp, -1, (rc, p, c, s) -> f.complete(Reply.of(rc, null)), null));
    if (set.code() == Code.NONODE) {
      return create(za, ROOT, new byte[0], deadline) && create(za, BARRIER, stamp, deadline);
    }
    return set.ok();
  }

  /**
   * Marks the ensemble with {@code proposed} unless it is already marked: creates
   * {@link #CLUSTER_ID}, or reads it when it exists. Idempotent.
   *
   * @return the cluster id the ensemble holds (the proposed one, or the one found)
   */
  public ClusterIdRead ensureClusterId(String proposed) {
    requireText(proposed, "proposed");
    long deadline = Replies.deadline(operationTimeout);
    ZooKeeperAdmin za = session();
    if (!create(za, ROOT, new byte[0], deadline)) {
      return new ClusterIdRead.Unavailable("cannot create " + ROOT);
    }
    Reply made = Replies.await(deadline, f -> za.create(CLUSTER_ID, proposed.getBytes(StandardCharsets.UTF_8), ACL,
        CreateMode.PERSISTENT, (rc, p, c, name) -> f.complete(Reply.of(rc, null)), null));
    if (made.ok()) {
      return new ClusterIdRead.Found(proposed);
    }
    if (made.code() != Code.NODEEXISTS) {
      return new ClusterIdRead.Unavailable("create " + CLUSTER_ID + ": " + made.describe());
    }
    return readClusterId();
  }

  /** The ensemble's cluster id, read after a {@code sync}. */
  public ClusterIdRead readClusterId() {
    return ClusterIds.read(session(), Replies.deadline(operationTimeout));
  }

  /**
   * Whether the server at {@code hostPort} alone holds {@code clusterId}: a separate session pinned
   * to that server (not read-only), {@code sync}, then a read of {@link #CLUSTER_ID}. Shows the
   * server follows this ensemble's leader with this ensemble's data. False when it does not answer
   * within the operation timeout.
   */
  public boolean holdsClusterId(String hostPort, String clusterId) {
    requireOpen();
    return ClusterIds.pinnedHolds(hostPort, clusterId, sessionTimeout, operationTimeout);
  }

  /** Closes the session; idempotent. */
  @Override
  public void close() {
    ZooKeeperAdmin toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = admin;
      admin = null;
    }
    if (toClose != null) {
      ClusterIds.closeQuietly(toClose);
    }
  }

  @Override
  public synchronized String toString() {
    return "EnsembleClient[servers=" + connectString + ", closed=" + closed + "]";
  }

  private synchronized ZooKeeperAdmin session() {
    requireOpen();
    if (admin != null && admin.getState().isAlive()) {
      return admin;
    }
    if (admin != null) {
      LOG.info("ensemble session ended ({}); opening a new one to {}", admin.getState(), connectString);
      ClusterIds.closeQuietly(admin);
    }
    try {
      admin = new ZooKeeperAdmin(connectString, Math.toIntExact(sessionTimeout.toMillis()),
          event -> LOG.debug("ensemble session: {}", event.getState()));
    } catch (IOException | IllegalArgumentException e) {
      // Only an unparsable connect string fails here; the session connects in the background.
      throw new IllegalStateException("cannot open a session to " + connectString + ": " + e.getMessage(), e);
    }
    admin.addAuthInfo("digest", (SuperDigest.USER + ":" + superSecret).getBytes(StandardCharsets.UTF_8));
    return admin;
  }

  private static boolean create(ZooKeeperAdmin za, String path, byte[] data, long deadline) {
    Reply reply = Replies.await(deadline, f -> za.create(path, data, ACL, CreateMode.PERSISTENT,
        (rc, p, c, name) -> f.complete(Reply.of(rc, null)), null));
    return reply.ok() || reply.code() == Code.NODEEXISTS;
  }

  private static Ensemble parse(byte[] data) {
    Ensemble ensemble = DynamicConfig.parse(new String(data, StandardCharsets.UTF_8));
    if (!ensemble.hasVersion()) {
      throw new InvalidInputException("no version= line");
    }
    return ensemble;
  }

  private void requireOpen() {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the ensemble client is closed");
      }
    }
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }
}

package org.exhibitormesos.storage.zk;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.StateStoreException.Reason;
import org.exhibitormesos.core.state.store.Versioned;
import org.exhibitormesos.core.state.store.WriteResult;

/**
 * A {@link StateStore} holding the document in one znode; the store's version is the znode's data
 * version ({@code Stat.getVersion()}), so compare-and-set is ZooKeeper's own conditional
 * {@code create} / {@code setData} / {@code delete}.
 *
 * <p><b>Lost connections.</b> Reads are retried with backoff within
 * {@link ZkSessionConfig#retryFor()}. A write whose reply is lost is never repeated blindly: the
 * store re-reads the znode and reports the write as done if the znode holds exactly its data at the
 * next version, repeats it if the expected version is still there, and reports a conflict
 * otherwise.
 *
 * <p><b>Fencing.</b> A store made by {@link #fenced} writes only while its fence supplier returns a
 * {@link LeadershipFence}, and every write is a {@code multi} of the fence's check and the write:
 * once the leader's session has expired the server refuses the write atomically, and the store
 * throws {@link Reason#FENCED}. After a {@code FENCED} the last write's outcome is unknown to this
 * writer; it must stop, and the next leader re-reads. A write keeps the fence it started with while
 * it retries a lost connection: if the session survives, no other instance can have led meanwhile.
 *
 * <p><b>Size.</b> Documents that would not fit in one ZooKeeper packet
 * ({@link ZkSessionConfig#maxBufferBytes()}, ZooKeeper's {@code jute.maxbuffer}) are refused with
 * {@link Reason#IO} before anything is sent.
 *
 * <p>Thread-safe (ZooKeeper serialises the writes). Closing the store closes its session only if
 * the store opened it ({@link #connect}).
 */
public final class ZkStateStore implements StateStore {

  private static final Logger LOG = LogManager.getLogger(ZkStateStore.class);

  private final ZkSession session;
  private final boolean ownsSession;
  private final String path;
  private final Supplier<Optional<LeadershipFence>> fence;
  private volatile boolean closed;

  private ZkStateStore(ZkSession session, boolean ownsSession, String path,
      Supplier<Optional<LeadershipFence>> fence) {
    this.session = Objects.requireNonNull(session, "session");
    this.ownsSession = ownsSession;
    this.path = Objects.requireNonNull(path, "path");
    this.fence = fence;
  }

  /**
   * An unfenced store on a shared, started session (for a single scheduler, tools and tests).
   *
   * @param path the document's znode path, as validated by {@link ZkStorageSpec}
   */
  public static ZkStateStore open(ZkSession session, String path) {
    return new ZkStateStore(session, false, path, null);
  }

  /**
   * A store whose writes succeed only within a leadership term.
   *
   * @param fence the current term's fence, or empty when this instance does not lead (then every
   *     write throws {@code FENCED}); typically {@link ZkLeaderElection#fence()}
   */
  public static ZkStateStore fenced(ZkSession session, String path,
      Supplier<Optional<LeadershipFence>> fence) {
    return new ZkStateStore(session, false, path, Objects.requireNonNull(fence, "fence"));
  }

  /**
   * Opens a session of its own and an unfenced store on it; closing the store closes the session.
   *
   * @throws StateStoreException {@code UNAVAILABLE} if ZooKeeper cannot be reached in time
   */
  public static ZkStateStore connect(ZkStorageSpec spec, ZkSessionConfig config, Clock clock)
      throws StateStoreException {
    ZkSession session = new ZkSession(spec, config, clock);
    session.start();
    return new ZkStateStore(session, true, spec.path(), null);
  }

  /** @return the document's znode path */
  public String path() {
    return path;
  }

  @Override
  public Optional<Versioned<byte[]>> read() throws StateStoreException {
    ensureOpen();
    try {
      return session.retrying("read", this::readOnce);
    } catch (KeeperException e) {
      throw Znodes.failure(describe(), "read", e);
    }
  }

  @Override
  public WriteResult compareAndSet(byte[] data, long expectedVersion) throws StateStoreException {
    Objects.requireNonNull(data, "data");
    if (expectedVersion < ABSENT) {
      throw new IllegalArgumentException("expectedVersion must be >= ABSENT (-1), got "
          + expectedVersion);
    }
    ensureOpen();
    byte[] copy = data.clone();
    Optional<LeadershipFence> term = currentFence();
    int limit = Znodes.maxDocumentBytes(session.config(), path,
        term.map(LeadershipFence::candidatePath).orElse(""));
    if (copy.length > limit) {
      LOG.warn("refused a state of {} bytes for {}: limit {}", copy.length, describe(), limit);
      throw new StateStoreException(Reason.IO, describe(), "state of " + copy.length
          + " bytes is too large for " + describe() + ": at most " + limit + " bytes fit in "
          + "ZooKeeper's jute.maxbuffer of " + session.config().maxBufferBytes()
          + " bytes; nothing was written");
    }
    if (expectedVersion == ABSENT) {
      try {
        session.retrying("create parents of " + path, zk -> {
          Znodes.createParents(zk, session.acl(), path);
          return null;
        });
      } catch (KeeperException e) {
        throw Znodes.failure(describe(), "create parents of", e);
      }
    }
    return WriteRetry.run(session, describe(), "write", expectedVersion, term,
        zk -> writeOnce(zk, copy, expectedVersion, term), () -> settleWrite(copy, expectedVersion));
  }

  @Override
  public WriteResult delete(long expectedVersion) throws StateStoreException {
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must be >= 0, got " + expectedVersion);
    }
    ensureOpen();
    Optional<LeadershipFence> term = currentFence();
    return WriteRetry.run(session, describe(), "delete", expectedVersion, term,
        zk -> deleteOnce(zk, expectedVersion, term), () -> settleDelete(expectedVersion));
  }

  @Override
  public String describe() {
    return session.describe() + path;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ownsSession) {
      session.close();
    }
  }

  private WriteResult writeOnce(ZooKeeper zk, byte[] data, long expected,
      Optional<LeadershipFence> term) throws KeeperException, InterruptedException,
      StateStoreException {
    if (expected > Integer.MAX_VALUE) {
      return new WriteResult.Conflict(currentVersion());
    }
    Op op = expected == ABSENT
        ? Op.create(path, data, session.acl(), CreateMode.PERSISTENT)
        : Op.setData(path, data, (int) expected);
    try {
      if (term.isEmpty()) {
        if (expected == ABSENT) {
          zk.create(path, data, session.acl(), CreateMode.PERSISTENT);
          return created();
        }
        return new WriteResult.Written(zk.setData(path, data, (int) expected).getVersion());
      }
      List<OpResult> results = zk.multi(List.of(term.get().check(), op));
      return results.get(1) instanceof OpResult.SetDataResult set
          ? new WriteResult.Written(set.getStat().getVersion()) : created();
    } catch (KeeperException.NodeExistsException | KeeperException.BadVersionException
        | KeeperException.NoNodeException e) {
      if (term.isPresent() && WriteRetry.checkFailed(e)) {
        throw WriteRetry.fenced(describe(), "write", term.get(), e);
      }
      return new WriteResult.Conflict(currentVersion());
    }
  }

  private WriteResult created() {
    LOG.info("created state znode {} with {} ACL{}", describe(),
        session.secured() ? "a digest" : "an open", fence == null ? "" : " (fenced write)");
    return new WriteResult.Written(0);
  }

  private WriteResult deleteOnce(ZooKeeper zk, long expected, Optional<LeadershipFence> term)
      throws KeeperException, InterruptedException, StateStoreException {
    if (expected > Integer.MAX_VALUE) {
      return new WriteResult.Conflict(currentVersion());
    }
    try {
      if (term.isEmpty()) {
        zk.delete(path, (int) expected);
      } else {
        zk.multi(List.of(term.get().check(), Op.delete(path, (int) expected)));
      }
      return new WriteResult.Written(ABSENT);
    } catch (KeeperException.BadVersionException | KeeperException.NoNodeException e) {
      if (term.isPresent() && WriteRetry.checkFailed(e)) {
        throw WriteRetry.fenced(describe(), "delete", term.get(), e);
      }
      return new WriteResult.Conflict(currentVersion());
    }
  }

  /**
   * After a write whose reply was lost: what does the znode say? Package-private for tests.
   *
   * @return the write's outcome if the znode shows it, or empty if the write did not happen and may
   *     be attempted again
   */
  Optional<WriteResult> settleWrite(byte[] data, long expected)
      throws KeeperException, StateStoreException {
    Optional<Versioned<byte[]>> now = session.retrying("re-read", this::readOnce);
    if (now.isEmpty()) {
      return expected == ABSENT ? Optional.empty()
          : Optional.of(new WriteResult.Conflict(ABSENT));
    }
    long actual = now.get().version();
    if (actual == expected) {
      return Optional.empty();
    }
    long mine = expected == ABSENT ? 0 : expected + 1;
    if (actual == mine && Arrays.equals(now.get().value(), data)) {
      return Optional.of(new WriteResult.Written(actual));
    }
    return Optional.of(new WriteResult.Conflict(actual));
  }

  private Optional<WriteResult> settleDelete(long expected)
      throws KeeperException, StateStoreException {
    long actual = currentVersionRetrying();
    if (actual == ABSENT) {
      return Optional.of(new WriteResult.Written(ABSENT));
    }
    return actual == expected ? Optional.empty() : Optional.of(new WriteResult.Conflict(actual));
  }

  private Optional<Versioned<byte[]>> readOnce(ZooKeeper zk)
      throws KeeperException, InterruptedException {
    Stat stat = new Stat();
    try {
      byte[] data = zk.getData(path, false, stat);
      return Optional.of(new Versioned<>(data == null ? new byte[0] : data, stat.getVersion()));
    } catch (KeeperException.NoNodeException e) {
      return Optional.empty();
    }
  }

  private long currentVersion() throws StateStoreException {
    try {
      return currentVersionRetrying();
    } catch (KeeperException e) {
      throw Znodes.failure(describe(), "read version", e);
    }
  }

  private long currentVersionRetrying() throws KeeperException, StateStoreException {
    Stat stat = session.retrying("read version", zk -> zk.exists(path, false));
    return stat == null ? ABSENT : stat.getVersion();
  }

  private Optional<LeadershipFence> currentFence() throws StateStoreException {
    if (fence == null) {
      return Optional.empty();
    }
    Optional<LeadershipFence> term = fence.get();
    if (term.isEmpty()) {
      throw new StateStoreException(Reason.FENCED, describe(),
          "write to " + describe() + " refused: this instance is not the leader");
    }
    return term;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("state store " + describe() + " is closed");
    }
  }
}

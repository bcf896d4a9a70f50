package org.exhibitormesos.storage.zk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.common.ZKConfig;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.StateStoreException.Reason;

/**
 * The one long-lived ZooKeeper session that a scheduler's {@link ZkStateStore} and
 * {@link ZkLeaderElection} share.
 *
 * <p>It adds the digest credentials of its {@link ZkStorageSpec} to every session, waits for the
 * first connection with a deadline ({@link #start()}), retries operations across a lost connection
 * ({@link #retrying}) and, when the session expires, opens a new one and tells its listeners
 * {@link SessionEvent#EXPIRED} so that whatever depended on the old session (ephemeral nodes,
 * leadership) is known to be gone.
 *
 * <p>Thread-safe. Listeners are called on ZooKeeper's event thread, in order, and must not block.
 * Lifecycle: construct (no I/O), {@link #start()} once, {@link #close()} (idempotent).
 */
public final class ZkSession implements AutoCloseable {

  /** Told about the session's connection and expiry. */
  @FunctionalInterface
  public interface Listener {
    /** Called on ZooKeeper's event thread; must return quickly and not call ZooKeeper. */
    void onSessionEvent(SessionEvent event);
  }

  /** One ZooKeeper call; may be attempted several times. */
  @FunctionalInterface
  public interface ZkCall<T> {
    T call(ZooKeeper zk) throws KeeperException, InterruptedException;
  }

  private static final Logger LOG = LogManager.getLogger(ZkSession.class);

  private final ZkStorageSpec spec;
  private final ZkSessionConfig config;
  private final Clock clock;
  private final List<ACL> acl;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private ZooKeeper zk;
  private int generation;
  private boolean connected;
  private boolean started;
  private boolean closed;

  /**
   * @param spec the ensemble and credentials (its path is not used by the session)
   * @param config timeouts and packet size
   * @param clock for deadlines
   */
  public ZkSession(ZkStorageSpec spec, ZkSessionConfig config, Clock clock) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.acl = spec.credentials().map(ZkSession::digestAcl).orElse(ZooDefs.Ids.OPEN_ACL_UNSAFE);
  }

  /**
   * Opens the session and waits until it is connected.
   *
   * @throws StateStoreException {@code UNAVAILABLE} if no server answers within the connect timeout
   *     (the session is then closed); {@code IO} if interrupted
   * @throws IllegalStateException if already started or closed
   */
  public void start() throws StateStoreException {
    synchronized (lock) {
      if (started || closed) {
        throw new IllegalStateException("ZooKeeper session " + describe() + " already started");
      }
      started = true;
      zk = newClient(generation);
    }
    if (spec.credentials().isEmpty()) {
      LOG.warn("ZooKeeper storage {} has no credentials: znodes it creates get an open ACL "
          + "(world:anyone); use zk:user:password@hosts/path to restrict them", describe());
    }
    Instant deadline = clock.instant().plus(config.connectTimeout());
    synchronized (lock) {
      while (!connected && !closed) {
        long left = Duration.between(clock.instant(), deadline).toMillis();
        if (left <= 0) {
          break;
        }
        try {
          lock.wait(left);
        } catch (InterruptedException e) {
          close();
          throw Backoff.interrupted(describe(), "connecting", e);
        }
      }
      if (connected) {
        return;
      }
    }
    close();
    throw new StateStoreException(Reason.UNAVAILABLE, describe(), "no ZooKeeper server of "
        + describe() + " answered within " + config.connectTimeout().toMillis() + " ms");
  }

  /**
   * Runs {@code call} on the current session, retrying with backoff while the connection is lost
   * or the session is being replaced, for at most {@link ZkSessionConfig#retryFor()}. Use it only
   * for calls that are safe to repeat (reads, creates whose outcome the caller checks).
   *
   * @throws KeeperException any error other than a lost connection or an expired session
   * @throws StateStoreException {@code UNAVAILABLE} when the bound passes, {@code IO} if
   *     interrupted
   */
  public <T> T retrying(String what, ZkCall<T> call) throws KeeperException, StateStoreException {
    Backoff backoff = backoff(what);
    while (true) {
      try {
        return call.call(client());
      } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException
          | KeeperException.SessionMovedException e) {
        backoff.pause(e);
      } catch (InterruptedException e) {
        throw Backoff.interrupted(describe(), what, e);
      }
    }
  }

  /** @return a fresh backoff bounded by {@link ZkSessionConfig#retryFor()} */
  Backoff backoff(String what) {
    return new Backoff(clock, config.retryFor(), describe(), what);
  }

  /**
   * @return the current client handle; after an expiry, the replacement (possibly not connected
   *     yet, so calls fail with a lost connection until it is)
   * @throws IllegalStateException if not started or closed
   */
  public ZooKeeper client() {
    synchronized (lock) {
      if (!started || closed) {
        throw new IllegalStateException("ZooKeeper session " + describe() + " is not open");
      }
      return zk;
    }
  }

  /** @return the ACL for znodes this session creates: digest for the user, or open */
  public List<ACL> acl() {
    return acl;
  }

  /** @return true if znodes are created with the credentials' digest ACL */
  public boolean secured() {
    return acl != ZooDefs.Ids.OPEN_ACL_UNSAFE;
  }

  /** @return the tuning */
  public ZkSessionConfig config() {
    return config;
  }

  /** @return {@code zk:host:port[,...]}, without credentials or path */
  public String describe() {
    return "zk:" + spec.connectString();
  }

  /** Registers {@code listener}; it sees events from now on. */
  public void addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Unregisters {@code listener}. */
  public void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /** @return the current session's id (0 until connected); tests expire it with a twin client */
  long sessionId() {
    return client().getSessionId();
  }

  byte[] sessionPassword() {
    return client().getSessionPasswd();
  }

  /** Closes the session: its ephemeral nodes go at once. Idempotent; never throws. */
  @Override
  public void close() {
    ZooKeeper toClose;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = zk;
      lock.notifyAll();
    }
    try {
      if (toClose != null) {
        toClose.close();
        LOG.info("ZooKeeper session 0x{} to {} closed", Long.toHexString(toClose.getSessionId()),
            describe());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ZooKeeper newClient(int gen) {
    ZKClientConfig clientConfig = new ZKClientConfig();
    clientConfig.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
    clientConfig.setProperty(ZKConfig.JUTE_MAXBUFFER, Integer.toString(config.maxBufferBytes()));
    try {
      ZooKeeper client = new ZooKeeper(spec.connectString(),
          (int) config.sessionTimeout().toMillis(), event -> onEvent(gen, event), clientConfig);
      spec.credentials()
          .ifPresent(c -> client.addAuthInfo("digest", c.authString().getBytes(UTF_8)));
      return client;
    } catch (IOException e) {
      // Only thrown for an unparsable connect string, which ZkStorageSpec already rejects.
      throw new IllegalStateException("cannot create a ZooKeeper client for " + describe(), e);
    }
  }

  private void onEvent(int gen, WatchedEvent event) {
    SessionEvent told;
    synchronized (lock) {
      if (gen != generation || closed || event.getType() != Watcher.Event.EventType.None) {
        return;
      }
      switch (event.getState()) {
        case SyncConnected, ConnectedReadOnly -> {
          told = connected ? SessionEvent.RECONNECTED : SessionEvent.CONNECTED;
          connected = true;
          lock.notifyAll();
        }
        case Disconnected -> told = SessionEvent.DISCONNECTED;
        case Expired -> {
          told = SessionEvent.EXPIRED;
          connected = false;
          generation++;
          zk = newClient(generation);
        }
        case AuthFailed -> {
          LOG.error("ZooKeeper rejected the credentials for {}", describe());
          return;
        }
        default -> {
          return;
        }
      }
    }
    log(told);
    for (Listener listener : listeners) {
      listener.onSessionEvent(told);
    }
  }

  private void log(SessionEvent event) {
    switch (event) {
      case CONNECTED -> LOG.info("ZooKeeper session 0x{} established to {} (timeout {} ms)",
          Long.toHexString(client().getSessionId()), describe(), client().getSessionTimeout());
      case DISCONNECTED -> LOG.warn("ZooKeeper connection to {} lost; the session may survive "
          + "for {} ms", describe(), config.sessionTimeout().toMillis());
      case RECONNECTED -> LOG.info("ZooKeeper connection to {} back; session 0x{} survived",
          describe(), Long.toHexString(client().getSessionId()));
      case EXPIRED -> LOG.warn("ZooKeeper session to {} expired: its ephemeral nodes and any "
          + "leadership are lost; opening a new session", describe());
    }
  }

  private static List<ACL> digestAcl(ZkStorageSpec.Credentials credentials) {
    try {
      String digest = DigestAuthenticationProvider.generateDigest(credentials.authString());
      // Not List.of: ZooKeeper's ACL validation asks the list whether it contains null.
      return Collections.singletonList(new ACL(ZooDefs.Perms.ALL, new Id("digest", digest)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks the digest algorithm ZooKeeper needs", e);
    }
  }
}

package org.exhibitormesos.storage.zk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A standalone ZooKeeper server in the test JVM on 127.0.0.1 and a free port, with its data in a
 * temp dir. It can be stopped and restarted on the same port with the same data, so sessions
 * survive a short outage as they would with a real server restart.
 */
final class ZkTestServer implements AutoCloseable {

  /** Sessions may last 1 to 10 s (2 to 20 ticks). */
  static final int TICK_MS = 500;

  private final Path dir;
  private int port;
  private ZooKeeperServer server;
  private ServerCnxnFactory factory;

  private ZkTestServer(Path dir) {
    this.dir = dir;
  }

  static ZkTestServer start() throws IOException, InterruptedException {
    ZkTestServer zk = new ZkTestServer(Files.createTempDirectory("storage-zk-test"));
    try {
      zk.startOn(0);
    } catch (IOException | RuntimeException e) {
      zk.close();
      throw e;
    }
    return zk;
  }

  private void startOn(int wanted) throws IOException, InterruptedException {
    File data = dir.toFile();
    server = new ZooKeeperServer(data, data, TICK_MS);
    factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", wanted), 100);
    factory.startup(server);
    port = factory.getLocalPort();
  }

  /** Stops serving: clients see a lost connection. */
  synchronized void stop() {
    if (factory != null) {
      factory.shutdown();
      factory = null;
    }
    if (server != null) {
      server.shutdown(true);
      server = null;
    }
  }

  /** Starts again on the same port with the same data (and sessions). */
  synchronized void restart() throws IOException, InterruptedException {
    stop();
    startOn(port);
  }

  String connectString() {
    return "127.0.0.1:" + port;
  }

  /** @return a {@code zk:} storage flag for {@code path} on this server */
  String storage(String userInfo, String path) {
    return "zk:" + (userInfo == null ? "" : userInfo + "@") + connectString() + path;
  }

  /** A raw connected client, authenticated with {@code userPass} if not null; caller closes. */
  ZooKeeper client(String userPass) throws IOException, InterruptedException {
    return connect(new ZooKeeperFactory(0, null), userPass);
  }

  /**
   * Expires {@code session}'s current ZooKeeper session the standard way: a second client joins
   * the same session id and password and closes it.
   */
  void expire(ZkSession session) throws IOException, InterruptedException {
    ZooKeeper twin = connect(new ZooKeeperFactory(session.sessionId(), session.sessionPassword()),
        null);
    twin.close();
  }

  private record ZooKeeperFactory(long sessionId, byte[] password) {}

  private ZooKeeper connect(ZooKeeperFactory how, String userPass)
      throws IOException, InterruptedException {
    CountDownLatch connected = new CountDownLatch(1);
    Watcher watcher = e -> {
      if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
        connected.countDown();
      }
    };
    ZKClientConfig config = new ZKClientConfig();
    config.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
    ZooKeeper zk = how.password() == null
        ? new ZooKeeper(connectString(), 10_000, watcher, config)
        // No constructor takes a session id and a config without a host provider; SASL stays off
        // through the zookeeper.sasl.client system property set by the build.
        : new ZooKeeper(connectString(), 10_000, watcher, how.sessionId(), how.password(), false);
    if (userPass != null) {
      zk.addAuthInfo("digest", userPass.getBytes(UTF_8));
    }
    if (!connected.await(10, TimeUnit.SECONDS)) {
      zk.close();
      throw new IOException("could not connect to " + connectString());
    }
    return zk;
  }

  @Override
  public void close() throws IOException {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

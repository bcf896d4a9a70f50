package org.exhibitormesos.mesos.local.testing;

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

/** A standalone ZooKeeper server inside the test JVM, on 127.0.0.1 and a free port. */
public final class InJvmZooKeeper implements AutoCloseable {
  private final Path dir;
  private final ZooKeeperServer server;
  private final ServerCnxnFactory factory;

  private InJvmZooKeeper(Path dir, ZooKeeperServer server, ServerCnxnFactory factory) {
    this.dir = dir;
    this.server = server;
    this.factory = factory;
  }

  public static InJvmZooKeeper start() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("zk-test");
    File data = dir.toFile();
    ZooKeeperServer server = new ZooKeeperServer(data, data, 500);
    ServerCnxnFactory factory =
        ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 100);
    factory.startup(server);
    return new InJvmZooKeeper(dir, server, factory);
  }

  public String connectString() {
    return "127.0.0.1:" + factory.getLocalPort();
  }

  public int port() {
    return factory.getLocalPort();
  }

  /** A connected client session (the caller closes it). */
  public ZooKeeper client() throws IOException, InterruptedException {
    CountDownLatch connected = new CountDownLatch(1);
    ZKClientConfig config = new ZKClientConfig();
    config.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
    ZooKeeper zk = new ZooKeeper(connectString(), 5000, e -> {
      if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
        connected.countDown();
      }
    }, config);
    if (!connected.await(10, TimeUnit.SECONDS)) {
      zk.close();
      throw new IOException("could not connect to " + connectString());
    }
    return zk;
  }

  @Override
  public void close() throws IOException {
    factory.shutdown();
    server.shutdown();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

package org.exhibitormesos.mesos.local.zk;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.exhibitormesos.mesos.http.master.MasterSpec;

/**
 * Registers the emulated master in ZooKeeper as a Mesos master contender does: an ephemeral
 * sequential {@code <path>/json.info_NNNNNNNNNN} node holding the MasterInfo as JSON (proto field
 * names). The lowest sequence is the leader, so a re-registration after a failover stays leader
 * when it is the only contender.
 */
public final class ZkRegistration implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(ZkRegistration.class);
  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
  private final MasterSpec.Zk spec;
  private ZooKeeper zk;
  private String node;

  /** @throws IllegalArgumentException if {@code url} is not {@code zk://host:port[,...]/path} */
  public ZkRegistration(String url) {
    MasterSpec parsed = MasterSpec.parse(url);
    if (!(parsed instanceof MasterSpec.Zk z)) {
      throw new IllegalArgumentException("--zk '" + url + "' is invalid: expected zk://host:port/path");
    }
    this.spec = z;
  }

  /** Connects and creates the node. */
  public synchronized void register(MasterInfo info) throws IOException {
    try {
      if (zk == null) {
        connect();
      }
      if (node != null) {
        try {
          zk.delete(node, -1);
        } catch (KeeperException.NoNodeException ignored) {
          // the session expired or someone removed it
        }
      }
      ensurePath(spec.path());
      String prefix = (spec.path().endsWith("/") ? spec.path() : spec.path() + "/") + "json.info_";
      byte[] json = JsonFormat.printer().preservingProtoFieldNames()
          .omittingInsignificantWhitespace().print(info).getBytes(StandardCharsets.UTF_8);
      node = zk.create(prefix, json, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
      LOG.info("master {} registered in ZooKeeper {} as {}", info.getId(), spec.connectString(),
          node);
    } catch (KeeperException | InvalidProtocolBufferException e) {
      throw new IOException("cannot register the master in ZooKeeper: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while registering in ZooKeeper", e);
    }
  }

  private void connect() throws IOException, InterruptedException {
    CountDownLatch connected = new CountDownLatch(1);
    ZKClientConfig config = new ZKClientConfig();
    config.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
    zk = new ZooKeeper(spec.connectString(), (int) SESSION_TIMEOUT.toMillis(), e -> {
      if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
        connected.countDown();
      }
    }, config);
    spec.digest().ifPresent(d -> zk.addAuthInfo("digest",
        (d.user() + ":" + d.password()).getBytes(StandardCharsets.UTF_8)));
    if (!connected.await(SESSION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      zk.close();
      zk = null;
      throw new IOException("cannot connect to ZooKeeper " + spec.connectString());
    }
  }

  private void ensurePath(String path) throws KeeperException, InterruptedException {
    StringBuilder current = new StringBuilder();
    for (String part : path.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      current.append('/').append(part);
      try {
        zk.create(current.toString(), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
            CreateMode.PERSISTENT);
      } catch (KeeperException.NodeExistsException ignored) {
        // already there
      }
    }
  }

  public synchronized String node() {
    return node;
  }

  /** Closes the session; the ephemeral node goes with it. Idempotent. */
  @Override
  public synchronized void close() {
    if (zk != null) {
      try {
        zk.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      zk = null;
      node = null;
    }
  }
}

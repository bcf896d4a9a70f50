package org.exhibitormesos.scheduler.membership;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.exhibitormesos.scheduler.membership.Replies.Reply;

/** Reads of the identity znode: through any session, or through one pinned to a single server. */
final class ClusterIds {
  private static final Logger LOG = LogManager.getLogger(ClusterIds.class);

  private ClusterIds() {
  }

  /** {@code sync} then {@code getData} on the identity znode, bounded by {@code deadline}. */
  static ClusterIdRead read(ZooKeeper zk, long deadline) {
    String path = EnsembleClient.CLUSTER_ID;
    Reply sync = Replies.await(deadline, f -> zk.sync(path, (rc, p, c) -> f.complete(Reply.of(rc, null)), null));
    // sync on a missing path still syncs the server with the leader.
    if (sync.code() == null || (!sync.ok() && sync.code() != Code.NONODE)) {
      return new ClusterIdRead.Unavailable("sync: " + sync.describe());
    }
    Reply data = Replies.await(deadline,
        f -> zk.getData(path, false, (rc, p, c, bytes, stat) -> f.complete(Reply.of(rc, bytes)), null));
    if (data.code() == Code.NONODE) {
      return new ClusterIdRead.Missing();
    }
    if (!data.ok()) {
      return new ClusterIdRead.Unavailable("read " + path + ": " + data.describe());
    }
    return new ClusterIdRead.Found(new String(data.data(), StandardCharsets.UTF_8));
  }

  /** Whether the one server at {@code hostPort} serves {@code clusterId}, within {@code timeout}. */
  static boolean pinnedHolds(String hostPort, String clusterId, Duration sessionTimeout, Duration timeout) {
    long deadline = Replies.deadline(timeout);
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk;
    try {
      // canBeReadOnly=false: a server cut off from the leader must not answer from stale data.
      zk = new ZooKeeper(hostPort, Math.toIntExact(sessionTimeout.toMillis()), event -> {
        if (event.getState() == KeeperState.SyncConnected) {
          connected.countDown();
        }
      }, false);
    } catch (IOException | IllegalArgumentException e) {
      LOG.debug("cannot open a session pinned to {}: {}", hostPort, e.toString());
      return false;
    }
    try {
      if (!connected.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        LOG.debug("no session with {} in time", hostPort);
        return false;
      }
      ClusterIdRead read = read(zk, deadline);
      LOG.debug("{} holds {}", hostPort, read);
      return read instanceof ClusterIdRead.Found found && found.clusterId().equals(clusterId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      closeQuietly(zk);
    }
  }

  static void closeQuietly(ZooKeeper zk) {
    try {
      zk.close(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

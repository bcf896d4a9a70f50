package org.exhibitormesos.it.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/** Small ZooKeeper client helpers of the fault suite: connect, create parents, sync, read the config. */
final class Zk {
  private Zk() {}

  /** A connected session, or an AssertionError after 20 s. */
  static ZooKeeper connect(String connectString, Duration sessionTimeout) throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk = new ZooKeeper(connectString, (int) sessionTimeout.toMillis(), e -> {
      if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
        connected.countDown();
      }
    });
    if (!connected.await(20, TimeUnit.SECONDS)) {
      zk.close();
      throw new AssertionError("cannot connect to " + connectString);
    }
    return zk;
  }

  static void createParents(ZooKeeper zk, String path) throws Exception {
    StringBuilder at = new StringBuilder();
    for (String part : path.substring(1).split("/")) {
      at.append('/').append(part);
      try {
        zk.create(at.toString(), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
      } catch (KeeperException.NodeExistsException e) {
        // there already
      }
    }
  }

  /** Waits until this member has caught up with the leader as of now. */
  static void sync(ZooKeeper zk, String path) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    zk.sync(path, (rc, p, ctx) -> done.countDown(), null);
    if (!done.await(20, TimeUnit.SECONDS)) {
      throw new AssertionError("sync of " + path + " did not complete");
    }
  }

  /** The myids of the participants of the committed configuration ({@code /zookeeper/config}). */
  static Set<Integer> committedVoters(String connectString) throws Exception {
    try (ZooKeeper zk = connect(connectString, Duration.ofSeconds(6))) {
      sync(zk, "/zookeeper/config");
      return voters(new String(zk.getConfig(false, null), StandardCharsets.UTF_8));
    }
  }

  /** The participants' myids in dynamic config text ({@code server.N=host:p:e:participant;...}). */
  static Set<Integer> voters(String config) {
    Set<Integer> out = new TreeSet<>();
    for (String line : config.split("\n")) {
      if (line.startsWith("server.")) {
        String spec = line.substring(line.indexOf('=') + 1);
        String role = spec.split(";")[0];
        if (!role.endsWith(":observer")) {
          out.add(Integer.parseInt(line.substring("server.".length(), line.indexOf('='))));
        }
      }
    }
    return out;
  }
}

package org.exhibitormesos.it.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Writes sequential znodes under one parent through an ensemble's connection string, on its own
 * thread, for as long as a scenario runs; records which writes were acknowledged and the longest
 * gap between two acknowledged writes. A write that failed (connection loss included) is not
 * counted: it may or may not have happened, and nothing is claimed about it.
 *
 * <p>{@link #assertAllReadableFrom} then checks every acknowledged write on each given member,
 * through a session on that member alone.
 */
final class WriteChecker implements AutoCloseable {
  /** What one run of the checker saw. */
  record Figures(int acknowledged, int failed, Duration longestGap) {
    @Override
    public String toString() {
      return "writes acknowledged=" + acknowledged + ", failed=" + failed + ", longest gap between acknowledged writes="
          + longestGap.toMillis() + " ms";
    }
  }

  private static final long PAUSE_MS = 20;

  private final String parent;
  private final ZooKeeper zk;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<String> acknowledged = new ArrayList<>();
  private int failed;
  private long longestGapNanos;

  private WriteChecker(String connectString, String parent) throws Exception {
    this.parent = parent;
    this.zk = Zk.connect(connectString, Duration.ofSeconds(6));
    Zk.createParents(zk, parent);
    this.thread = new Thread(this::run, "write-checker " + parent);
    thread.setDaemon(true);
  }

  /** Starts writing under {@code parent} (created if missing) through {@code connectString}. */
  static WriteChecker start(String connectString, String parent) throws Exception {
    WriteChecker checker = new WriteChecker(connectString, parent);
    checker.thread.start();
    return checker;
  }

  private void run() {
    long last = System.nanoTime();
    int n = 0;
    while (running.get()) {
      try {
        String path = zk.create(parent + "/w-", Integer.toString(n++).getBytes(StandardCharsets.UTF_8),
            ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
        long now = System.nanoTime();
        synchronized (this) {
          acknowledged.add(path.substring(parent.length() + 1));
          longestGapNanos = Math.max(longestGapNanos, now - last);
        }
        last = now;
      } catch (KeeperException e) {
        synchronized (this) {
          failed++;
        }
      } catch (InterruptedException e) {
        return;
      }
      try {
        Thread.sleep(PAUSE_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops writing; the figures of the whole run (the gap until the stop counts too). */
  synchronized Figures stop() throws InterruptedException {
    running.set(false);
    thread.join(20_000);
    return figures();
  }

  synchronized Figures figures() {
    return new Figures(acknowledged.size(), failed, Duration.ofNanos(longestGapNanos));
  }

  /** Every acknowledged write is a child of the parent on each of these members ({@code host:port}). */
  void assertAllReadableFrom(List<String> endpoints) throws Exception {
    Set<String> expected;
    synchronized (this) {
      expected = new HashSet<>(acknowledged);
    }
    if (expected.isEmpty()) {
      throw new AssertionError("no write was acknowledged under " + parent);
    }
    for (String endpoint : endpoints) {
      try (ZooKeeper member = Zk.connect(endpoint, Duration.ofSeconds(6))) {
        Zk.sync(member, parent);
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(member.getChildren(parent, false));
        if (!missing.isEmpty()) {
          throw new AssertionError(missing.size() + " of " + expected.size() + " acknowledged writes under " + parent
              + " are missing on " + endpoint + ", e.g. " + missing.stream().sorted().limit(5).toList());
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.interrupt();
    thread.join(10_000);
    zk.close();
  }
}

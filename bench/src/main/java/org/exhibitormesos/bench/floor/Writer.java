package org.exhibitormesos.bench.floor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * A ZooKeeper client that writes one znode every {@value Poll#INTERVAL_MS} ms on its own thread and
 * remembers when the latest successful write started, so a failover can be timed to the first write
 * begun after the leader died. {@link #close()} stops the thread and the session; idempotent.
 */
public final class Writer implements AutoCloseable {
  private static final String PATH = "/bench-writes";
  /** Long enough for the session to outlive a leader election. */
  private static final int SESSION_TIMEOUT_MS = 15_000;

  private final ZooKeeper client;
  private final Thread thread;
  private final AtomicLong lastSuccessStartedNanos = new AtomicLong(Long.MIN_VALUE);
  private volatile boolean stopped;

  private Writer(ZooKeeper client) {
    this.client = client;
    this.thread = new Thread(this::loop, "bench-writer");
    this.thread.setDaemon(true);
  }

  /**
   * Connects, creates the znode once (retrying until the ensemble accepts it) and starts writing.
   *
   * @throws IOException if the client cannot be created
   * @throws KeeperException if the znode cannot be created for a reason other than a lost connection
   * @throws InterruptedException if interrupted
   */
  public static Writer start(String connectString) throws IOException, KeeperException, InterruptedException {
    Writer writer = new Writer(new ZooKeeper(connectString, SESSION_TIMEOUT_MS, event -> { }));
    try {
      writer.createZnode();
    } catch (KeeperException | InterruptedException | RuntimeException e) {
      writer.close();
      throw e;
    }
    writer.thread.start();
    return writer;
  }

  /** {@link System#nanoTime()} when the latest successful write was sent; very negative if none. */
  public long lastSuccessStartedNanos() {
    return lastSuccessStartedNanos.get();
  }

  private void createZnode() throws KeeperException, InterruptedException {
    long deadline = System.nanoTime() + SESSION_TIMEOUT_MS * 1_000_000L;
    while (true) {
      try {
        client.create(PATH, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        return;
      } catch (KeeperException.NodeExistsException e) {
        return;
      } catch (KeeperException.ConnectionLossException e) {
        if (System.nanoTime() - deadline >= 0) {
          throw e;
        }
        Thread.sleep(Poll.INTERVAL_MS);
      }
    }
  }

  private void loop() {
    long n = 0;
    while (!stopped) {
      long started = System.nanoTime();
      try {
        client.setData(PATH, Long.toString(n++).getBytes(StandardCharsets.US_ASCII), -1);
        lastSuccessStartedNanos.set(started);
      } catch (KeeperException e) {
        // Connection loss (or any refusal) while the ensemble elects a leader: the next write tries again.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long rest = Poll.INTERVAL_MS - (System.nanoTime() - started) / 1_000_000;
      if (rest > 0) {
        try {
          Thread.sleep(rest);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.interrupt();
    if (thread.isAlive()) {
      thread.join(5_000);
    }
    client.close(1_000);
  }
}

package org.exhibitormesos.executor;

import java.time.Duration;
import org.apache.zookeeper.ZooKeeper;

/** Deadline-bounded waits for process tests. */
final class Awaits {
  private Awaits() {}

  static void connected(ZooKeeper zk) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!zk.getState().isConnected()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("ZooKeeper client did not connect: " + zk.getState());
      }
      Thread.sleep(20);
    }
  }
}

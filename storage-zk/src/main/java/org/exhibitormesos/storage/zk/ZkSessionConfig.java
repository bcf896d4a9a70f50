package org.exhibitormesos.storage.zk;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link ZkSession}. Immutable.
 *
 * @param sessionTimeout the ZooKeeper session timeout the client asks for (the server clamps it
 *     to between 2 and 20 ticks); a leader that stops hearing from ZooKeeper loses its session, and
 *     with it its leadership, after this long
 * @param connectTimeout how long {@link ZkSession#start()} waits for the first connection
 * @param retryFor how long an operation retries a lost connection before it fails with
 *     {@code UNAVAILABLE}; by default the session timeout, after which the session is gone anyway
 * @param maxBufferBytes ZooKeeper's {@code jute.maxbuffer}: the largest packet the servers accept
 *     and the client reads. It must match the servers' setting; the store refuses documents that
 *     would not fit rather than sending them
 */
public record ZkSessionConfig(
    Duration sessionTimeout, Duration connectTimeout, Duration retryFor, int maxBufferBytes) {

  /** ZooKeeper's default {@code jute.maxbuffer}: 1 MiB - 1. */
  public static final int DEFAULT_MAX_BUFFER = 0xfffff;

  /** The defaults: 10 s session, 15 s to connect, retries for 10 s, ZooKeeper's 1 MiB packets. */
  public static final ZkSessionConfig DEFAULTS = of(Duration.ofSeconds(10));

  /** @throws IllegalArgumentException if a duration is not positive or the buffer is tiny */
  public ZkSessionConfig {
    positive(sessionTimeout, "sessionTimeout");
    positive(connectTimeout, "connectTimeout");
    positive(retryFor, "retryFor");
    if (maxBufferBytes < 64 * 1024) {
      throw new IllegalArgumentException("maxBufferBytes must be >= 65536, got " + maxBufferBytes);
    }
  }

  /**
   * @param sessionTimeout the session timeout; connect timeout is 1.5x, retries last one timeout
   * @return a config with ZooKeeper's default packet size
   */
  public static ZkSessionConfig of(Duration sessionTimeout) {
    positive(sessionTimeout, "sessionTimeout");
    return new ZkSessionConfig(sessionTimeout, sessionTimeout.multipliedBy(3).dividedBy(2),
        sessionTimeout, DEFAULT_MAX_BUFFER);
  }

  /** @return this config with another {@code jute.maxbuffer} */
  public ZkSessionConfig withMaxBufferBytes(int bytes) {
    return new ZkSessionConfig(sessionTimeout, connectTimeout, retryFor, bytes);
  }

  /** @return this config with another retry bound */
  public ZkSessionConfig withRetryFor(Duration bound) {
    return new ZkSessionConfig(sessionTimeout, connectTimeout, bound, maxBufferBytes);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}

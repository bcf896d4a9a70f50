package org.exhibitormesos.mesos.http.master;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.exhibitormesos.mesos.http.HostAndPort;

/**
 * Tells where the leading master is. Implementations are thread safe, start once and close
 * idempotently; constructors do no I/O.
 */
public interface MasterDetector extends AutoCloseable {
  /**
   * Begins detection (e.g. connects to ZooKeeper).
   *
   * @throws IllegalStateException if already started or closed
   */
  void start();

  /**
   * The master to talk to: the known leader, or a candidate worth trying (a non-leader answers 307
   * naming the leader). Completes when one is known; never fails except with
   * {@link java.util.concurrent.CancellationException} when the detector is closed.
   */
  CompletableFuture<HostAndPort> leader();

  /**
   * Registers a listener told about every change of the detected leader ({@code empty} = no leader
   * known). Called on a detector thread; it must not block.
   */
  void addListener(Consumer<Optional<HostAndPort>> listener);

  /** Feedback from a client that {@code master} could not be reached; detectors may move on. */
  default void reportUnreachable(HostAndPort master) {}

  /** Stops detection and cancels pending {@link #leader()} futures. Idempotent. */
  @Override
  void close();

  /**
   * The detector for {@code spec}.
   *
   * @param zkSessionTimeout session timeout when {@code spec} is a ZooKeeper spec
   * @param scheduler used for ZooKeeper retries; not shut down by the detector
   */
  static MasterDetector create(MasterSpec spec, Duration zkSessionTimeout,
      ScheduledExecutorService scheduler) {
    if (spec instanceof MasterSpec.Static s) {
      return new StaticMasterDetector(s.masters());
    }
    return new ZkMasterDetector((MasterSpec.Zk) spec, zkSessionTimeout, scheduler);
  }
}

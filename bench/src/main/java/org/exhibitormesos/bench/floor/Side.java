package org.exhibitormesos.bench.floor;

import java.time.Duration;
import java.util.Map;

/**
 * One way of running an ensemble that the scenarios time: bare ZooKeeper ({@link FloorSide}), and
 * later the framework on mesos-local. {@link Interleaved} alternates the sides run by run so that
 * machine noise hits them alike.
 */
public interface Side {
  /** Short name for the report ({@code floor}). */
  String name();

  /**
   * Starts an ensemble of {@code servers} from nothing, measures every {@link Metric} once, and
   * leaves nothing running or on disk.
   *
   * @return a duration for every metric
   * @throws Exception if the ensemble does not reach the state a metric waits for in time
   */
  Map<Metric, Duration> runOnce(int servers) throws Exception;
}

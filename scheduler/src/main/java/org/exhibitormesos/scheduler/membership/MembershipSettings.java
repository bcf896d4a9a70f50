package org.exhibitormesos.scheduler.membership;

import java.time.Duration;
import java.util.Objects;
import org.exhibitormesos.scheduler.config.SchedulerConfig;

/**
 * The membership driver's timing.
 *
 * @param modifyRetries tries of one reconfiguration (or barrier write) before the round gives up
 *     ({@code --ensemble-modify-retries}), at least 1
 * @param modifyBackoff wait between those tries ({@code --ensemble-modify-backoff})
 * @param roundInterval time between two rounds when nothing pokes the driver
 * @param sessionTimeout ZooKeeper session timeout of the driver's sessions
 * @param operationTimeout bound on one ZooKeeper call, and on one pinned cluster-id check
 * @param probeTimeout connect and read timeout of one four-letter-word probe
 */
public record MembershipSettings(int modifyRetries, Duration modifyBackoff, Duration roundInterval,
    Duration sessionTimeout, Duration operationTimeout, Duration probeTimeout) {
  public MembershipSettings {
    if (modifyRetries < 1) {
      throw new IllegalArgumentException("modifyRetries " + modifyRetries + " is below 1");
    }
    for (Duration d : new Duration[] {modifyBackoff, roundInterval, sessionTimeout, operationTimeout, probeTimeout}) {
      Objects.requireNonNull(d, "duration");
      if (d.isNegative()) {
        throw new IllegalArgumentException("negative duration " + d);
      }
    }
  }

  /** Retries and backoff from the scheduler's flags; a round every 5 s; 15 s sessions; 10 s calls; 2 s probes. */
  public static MembershipSettings from(SchedulerConfig config) {
    return new MembershipSettings(config.ensembleModifyRetries(), config.ensembleModifyBackoff(), Duration.ofSeconds(5),
        Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
  }
}

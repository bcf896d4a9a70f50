package org.exhibitormesos.core.ensemble;

import org.exhibitormesos.core.InvalidInputException;

/**
 * ZooKeeper's snapshot and transaction log purging ({@code autopurge.*} in {@code zoo.cfg}).
 *
 * @param snapRetainCount newest snapshots (and their logs) kept, at least 3 (ZooKeeper's minimum)
 * @param purgeIntervalHours hours between purges; {@code 0} disables purging
 */
public record Autopurge(int snapRetainCount, int purgeIntervalHours) {

  /** ZooKeeper's default: keep 3, never purge. */
  public static final Autopurge DISABLED = new Autopurge(3, 0);

  private static final long MS_PER_HOUR = 3_600_000L;

  /** @throws InvalidInputException if a value is out of range */
  public Autopurge {
    if (snapRetainCount < 3) {
      throw new InvalidInputException(
          "autopurge snapshot retain count " + snapRetainCount + " is below ZooKeeper's minimum 3");
    }
    if (purgeIntervalHours < 0) {
      throw new InvalidInputException(
          "autopurge interval " + purgeIntervalHours + " h is negative");
    }
  }

  /**
   * Converts the Exhibitor-style settings {@code cleanup-max-files} and {@code cleanup-period-ms}.
   *
   * <p>ZooKeeper schedules purges in whole hours only. A period of {@code 0} disables purging; any
   * positive period rounds <em>up</em> to whole hours, so it is at least 1 h and purging never runs
   * more often than asked (1 ms..1 h → 1, 90 min → 2, 12 h → 12).
   *
   * @param maxFiles snapshots to keep, at least 3
   * @param periodMs milliseconds between cleanups, {@code >= 0}
   * @throws InvalidInputException if {@code maxFiles < 3}, {@code periodMs < 0}, or the period
   *     does not fit in an int of hours
   */
  public static Autopurge fromCleanup(int maxFiles, long periodMs) {
    if (periodMs < 0) {
      throw new InvalidInputException("cleanup-period-ms " + periodMs + " is negative");
    }
    long hours = periodMs / MS_PER_HOUR + (periodMs % MS_PER_HOUR == 0 ? 0 : 1);
    if (hours > Integer.MAX_VALUE) {
      throw new InvalidInputException("cleanup-period-ms " + periodMs + " is too large");
    }
    return new Autopurge(maxFiles, (int) hours);
  }
}

package org.exhibitormesos.bench.floor;

/** What one run measures; every side reports the same metrics so they can be compared. */
public enum Metric {
  /** Launch of the first server to every server serving with exactly one leader. */
  TIME_TO_QUORUM("time to quorum"),
  /** {@code kill -9} of a follower to the same follower serving again. */
  FOLLOWER_RECOVERY("follower recovery"),
  /** {@code kill -9} of the leader to the first write accepted that was sent after the kill. */
  LEADER_FAILOVER("leader failover"),
  /** {@code start} of a 4th server on a running 3-server ensemble to it voting (a participant in the config). */
  SCALE_UP_4TH("scale-up, 4th voting"),
  /** The same for a 5th server, once the 4th votes. */
  SCALE_UP_5TH("scale-up, 5th voting");

  private final String label;

  Metric(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

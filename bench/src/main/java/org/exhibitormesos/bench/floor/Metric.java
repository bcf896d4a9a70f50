package org.exhibitormesos.bench.floor;

/** What one run measures; every side reports the same metrics so they can be compared. */
enum Metric {
  /** Launch of the first server to every server serving with exactly one leader. */
  TIME_TO_QUORUM("time to quorum"),
  /** {@code kill -9} of a follower to the same follower serving again. */
  FOLLOWER_RECOVERY("follower recovery"),
  /** {@code kill -9} of the leader to the first write accepted that was sent after the kill. */
  LEADER_FAILOVER("leader failover");

  private final String label;

  Metric(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}

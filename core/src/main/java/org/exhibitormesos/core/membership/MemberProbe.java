package org.exhibitormesos.core.membership;

/**
 * What probing one member's client port showed: its mode ({@code srvr}), and whether it follows
 * this ensemble's leader with this ensemble's data (its session read our cluster id).
 */
public record MemberProbe(int myid, Mode mode, boolean holdsOurData) {
  /** A member's mode as {@code srvr} reports it, or why there is none. */
  public enum Mode {
    LEADER, FOLLOWER, OBSERVER, STANDALONE, NOT_SERVING, UNREACHABLE;

    public boolean serving() {
      return this == LEADER || this == FOLLOWER || this == OBSERVER || this == STANDALONE;
    }
  }

  public static MemberProbe unreachable(int myid) {
    return new MemberProbe(myid, Mode.UNREACHABLE, false);
  }

  /**
   * Synced: a joiner reports {@code follower} (even when its config tags it observer, it becomes a
   * non-voting follower) or {@code observer}, and holds this ensemble's data. {@code srvr} only
   * answers once the server serves, which is after its sync with the leader.
   */
  public boolean synced() {
    return (mode == Mode.FOLLOWER || mode == Mode.OBSERVER) && holdsOurData;
  }
}

package org.exhibitormesos.scheduler.loop;

import java.util.List;
import java.util.Objects;

/**
 * One member of the committed configuration and what it answered when probed.
 *
 * @param myid its ZooKeeper id
 * @param host where it runs
 * @param role {@code participant} or {@code observer}, as in the committed configuration
 * @param mode {@code leader}, {@code follower}, {@code observer} or {@code unreachable}
 * @throws IllegalArgumentException for any other role or mode
 */
public record LiveMember(int myid, String host, String role, String mode) {
  /** {@link #role()} of a voter. */
  public static final String PARTICIPANT = "participant";
  /** {@link #role()} of a non-voting member, and {@link #mode()} of one that serves. */
  public static final String OBSERVER = "observer";
  /** {@link #mode()} of the member that leads. */
  public static final String LEADER = "leader";
  /** {@link #mode()} of a voter that follows. */
  public static final String FOLLOWER = "follower";
  /** {@link #mode()} of a member that did not answer. */
  public static final String UNREACHABLE = "unreachable";

  private static final List<String> ROLES = List.of(PARTICIPANT, OBSERVER);
  private static final List<String> MODES = List.of(LEADER, FOLLOWER, OBSERVER, UNREACHABLE);

  public LiveMember {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(mode, "mode");
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException("member " + myid + ": role '" + role + "' is not one of " + ROLES);
    }
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("member " + myid + ": mode '" + mode + "' is not one of " + MODES);
    }
  }
}

package org.exhibitormesos.core.api;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/**
 * One member of the ensemble as the scheduler last saw it.
 *
 * @param myid the member's ZooKeeper id
 * @param host where it runs
 * @param role its role in the committed configuration
 * @param mode what it answered when probed, or {@link Mode#UNREACHABLE}
 */
public record MemberView(int myid, String host, Role role, Mode mode) {
  public MemberView {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(mode, "mode");
  }

  /** A member's role in the committed configuration. */
  public enum Role {
    /** A voter. */
    @SerializedName("participant") PARTICIPANT,
    /** Receives transactions, does not vote. */
    @SerializedName("observer") OBSERVER
  }

  /** What a member is doing right now. */
  public enum Mode {
    @SerializedName("leader") LEADER,
    @SerializedName("follower") FOLLOWER,
    @SerializedName("observer") OBSERVER,
    /** The member did not answer the probe. */
    @SerializedName("unreachable") UNREACHABLE
  }
}

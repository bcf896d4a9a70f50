package org.exhibitormesos.core.membership;

import java.util.List;
import java.util.Objects;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.ids.ServerId;

/**
 * The one next thing the membership driver does; after it, it reads the committed configuration
 * again and asks for the next step. Every step is safe to repeat.
 */
public sealed interface MembershipStep {
  /** Membership matches what the state wants. */
  record Idle() implements MembershipStep { }

  /** Nothing can be done yet (a joiner is not synced, a member is starting); try again later. */
  record Wait(String reason) implements MembershipStep {
    public Wait {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * No change is allowed: the ensemble has no quorum, or a change would leave it without one. The
   * only safe action is relaunching members in place from their volumes.
   */
  record Refuse(String reason) implements MembershipStep {
    public Refuse {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A server's identity is a voter of the committed configuration: record it. */
  record MarkVoter(ServerId server, int myid) implements MembershipStep { }

  /** A leaving server's identity is out of the committed configuration: it may now be stopped. */
  record MarkLeft(ServerId server, int myid) implements MembershipStep { }

  /**
   * One conditional {@code reconfig} from {@code fromVersion}, then a write that must commit before
   * anything depends on the new configuration.
   */
  record Reconfigure(List<EnsembleMember> joining, List<Integer> leaving, long fromVersion, String why)
      implements MembershipStep {
    public Reconfigure {
      joining = List.copyOf(joining);
      leaving = List.copyOf(leaving);
      if (joining.isEmpty() && leaving.isEmpty()) {
        throw new IllegalArgumentException("a reconfiguration changes something");
      }
      Objects.requireNonNull(why, "why");
    }
  }
}

package org.exhibitormesos.core.cluster;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.exhibitormesos.core.ensemble.Quorum;
import org.exhibitormesos.core.ids.IdExpression;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.state.ClusterState;

/**
 * Refuses commands that would leave fewer serving voters than a quorum. Voters are the servers
 * whose identity is a voting member of the committed configuration (or of the bootstrap
 * configuration); serving means Running.
 */
final class QuorumGuard {
  private QuorumGuard() {
  }

  static SortedSet<ServerId> voters(ClusterState state) {
    SortedSet<ServerId> voters = new TreeSet<>();
    for (Server s : state.serverList()) {
      Membership m = s.identity().membership();
      boolean bootstrapMember = m == Membership.JOINING && s.identity().myid().map(
          id -> state.ensemble().bootstrapMyids().contains(id)).orElse(false);
      if (m == Membership.VOTER || m == Membership.LEAVING || bootstrapMember) {
        voters.add(s.id());
      }
    }
    return voters;
  }

  static SortedSet<ServerId> servingVoters(ClusterState state) {
    SortedSet<ServerId> serving = new TreeSet<>();
    for (ServerId id : voters(state)) {
      Server s = state.servers().get(id);
      if (s.observed() == ObservedState.RUNNING && s.desired() == DesiredState.ACTIVE) {
        serving.add(id);
      }
    }
    return serving;
  }

  /**
   * @param stopping  servers that would stop serving
   * @param leaving   servers that would also leave the voter set (remove)
   * @throws CommandRefusedException when the voters left serving would be fewer than a quorum of
   *     the voters left
   */
  static void check(ClusterState state, String verb, Set<ServerId> stopping, Set<ServerId> leaving) {
    SortedSet<ServerId> voters = voters(state);
    if (voters.isEmpty()) {
      return;
    }
    SortedSet<ServerId> remainingVoters = new TreeSet<>(voters);
    remainingVoters.removeAll(leaving);
    SortedSet<ServerId> serving = servingVoters(state);
    int servingBefore = serving.size();
    serving.removeAll(stopping);
    if (remainingVoters.isEmpty()) {
      throw new CommandRefusedException(verb + " servers " + IdExpression.format(leaving)
          + " would leave the ensemble without voters; remove the whole ensemble with --force");
    }
    int quorum = Quorum.majority(remainingVoters.size());
    boolean hadQuorum = servingBefore >= Quorum.majority(voters.size());
    // Only refuse losing a quorum the ensemble has: one already below it may still be stopped.
    if (hadQuorum && serving.size() < quorum) {
      throw new CommandRefusedException(verb + " servers " + IdExpression.format(stopping) + " would leave "
          + serving.size() + " of " + remainingVoters.size() + " voters serving, fewer than a quorum of " + quorum
          + "; use --force to insist");
    }
  }
}

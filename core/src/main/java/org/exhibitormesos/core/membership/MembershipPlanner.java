package org.exhibitormesos.core.membership;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.ensemble.Quorum;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.state.ClusterState;

/**
 * The converge loop's decision, as a pure function: compare the identities the state wants with the
 * committed ZooKeeper configuration and the members' probes, and return the one next step.
 *
 * <p>Rules, in order: no leader means no change; record identities the configuration already shows
 * (voters joined, leavers gone); refuse while fewer voters serve than a quorum; add one synced
 * joiner at a time, paired in the same reconfiguration with a dead identity it replaces; then remove
 * leaving or stray identities, dead first and the leader last; never leave the new voter set without
 * a serving quorum.
 */
public final class MembershipPlanner {
  private MembershipPlanner() {
  }

  /**
   * @param committed the configuration read after a {@code sync}; empty when no member answers or
   *                  no leader serves
   * @param probes    the latest probe of each member by myid; a missing one counts as unreachable
   */
  public static MembershipStep plan(ClusterState state, Optional<Ensemble> committed, Map<Integer, MemberProbe> probes) {
    if (committed.isEmpty()) {
      return new MembershipStep.Refuse("no leader serves: the ensemble has no quorum; members are relaunched"
          + " in place from their volumes and no membership change is made");
    }
    Ensemble config = committed.get();
    Map<Integer, Server> holders = new HashMap<>();
    for (Server s : state.serverList()) {
      if (s.identity().membership() != Membership.NONE) {
        s.identity().myid().ifPresent(m -> holders.put(m, s));
      }
    }
    for (Server s : state.serverList()) {
      Optional<Integer> myid = s.identity().myid();
      if (myid.isEmpty()) {
        continue;
      }
      boolean voter = config.member(myid.get()).map(EnsembleMember::isVoter).orElse(false);
      if (s.identity().membership() == Membership.JOINING && voter) {
        return new MembershipStep.MarkVoter(s.id(), myid.get());
      }
      if (s.identity().membership() == Membership.LEAVING && config.member(myid.get()).isEmpty()) {
        return new MembershipStep.MarkLeft(s.id(), myid.get());
      }
    }
    List<Integer> liveVoters = config.voters().stream().map(EnsembleMember::myid).filter(m -> serving(probes, m)).toList();
    if (liveVoters.size() < config.quorumSize()) {
      return new MembershipStep.Refuse("only " + liveVoters.size() + " of " + config.voters().size()
          + " voters serve; a quorum of " + config.quorumSize() + " is needed before any membership change");
    }
    List<Integer> toRemove = new ArrayList<>();
    for (EnsembleMember m : config.members()) {
      Server holder = holders.get(m.myid());
      if (holder == null || holder.identity().membership() == Membership.LEAVING) {
        toRemove.add(m.myid());
      }
    }
    toRemove.sort(removalOrder(config, probes));
    Optional<MembershipStep> join = joinStep(state, config, probes, toRemove, liveVoters);
    if (join.isPresent()) {
      return join.get();
    }
    if (!toRemove.isEmpty()) {
      int r = toRemove.get(0);
      return checked(config, probes, List.of(), List.of(r), liveVoters,
          "myid " + r + (holders.containsKey(r) ? " of server " + holders.get(r).id() + " leaves" : " is held by no server"));
    }
    return new MembershipStep.Idle();
  }

  private static Optional<MembershipStep> joinStep(ClusterState state, Ensemble config, Map<Integer, MemberProbe> probes,
      List<Integer> toRemove, List<Integer> liveVoters) {
    for (Server s : state.serverList()) {
      if (s.identity().membership() != Membership.JOINING || s.desired() != DesiredState.ACTIVE) {
        continue;
      }
      int myid = s.identity().myid().orElseThrow();
      if (config.member(myid).map(EnsembleMember::isVoter).orElse(false)) {
        continue;
      }
      if (s.observed() != ObservedState.RUNNING || s.task().isEmpty()) {
        return Optional.of(new MembershipStep.Wait("server " + s.id() + " (myid " + myid + ") is not running yet"));
      }
      MemberProbe probe = probes.getOrDefault(myid, MemberProbe.unreachable(myid));
      if (!probe.synced()) {
        return Optional.of(new MembershipStep.Wait("server " + s.id() + " (myid " + myid + ") is not synced with"
            + " the leader yet (" + probe.mode().name().toLowerCase(java.util.Locale.ROOT)
            + (probe.holdsOurData() ? "" : ", our cluster id not seen") + ")"));
      }
      Task t = s.task().get();
      EnsembleMember line = EnsembleMember.participant(myid, t.hostname(), t.ports().peer(), t.ports().election(),
          t.ports().client());
      // Pair the addition with a dead identity it replaces: one reconfig never lowers the tolerance.
      List<Integer> leaving = toRemove.stream().filter(m -> !serving(probes, m)).limit(1).toList();
      String why = "server " + s.id() + " joins as myid " + myid
          + (leaving.isEmpty() ? "" : ", replacing myid " + leaving.get(0));
      return Optional.of(checked(config, probes, List.of(line), leaving, liveVoters, why));
    }
    return Optional.empty();
  }

  /** The reconfiguration, unless the new voter set would lack a serving quorum. */
  private static MembershipStep checked(Ensemble config, Map<Integer, MemberProbe> probes, List<EnsembleMember> joining,
      List<Integer> leaving, List<Integer> liveVoters, String why) {
    List<Integer> newVoters = new ArrayList<>(config.voters().stream().map(EnsembleMember::myid).toList());
    newVoters.removeAll(leaving);
    joining.forEach(j -> newVoters.add(j.myid()));
    if (newVoters.isEmpty()) {
      return new MembershipStep.Refuse(why + ": the ensemble would have no voters");
    }
    long liveAfter = newVoters.stream().filter(m -> serving(probes, m)).count();
    int quorum = Quorum.majority(newVoters.size());
    if (liveAfter < quorum) {
      return new MembershipStep.Refuse(why + ": only " + liveAfter + " of the " + newVoters.size()
          + " voters would serve, fewer than a quorum of " + quorum);
    }
    return new MembershipStep.Reconfigure(joining, leaving, config.version(), why);
  }

  private static boolean serving(Map<Integer, MemberProbe> probes, int myid) {
    MemberProbe p = probes.get(myid);
    return p != null && p.mode().serving();
  }

  /** Dead identities first, then live followers and observers, the leader last. */
  private static Comparator<Integer> removalOrder(Ensemble config, Map<Integer, MemberProbe> probes) {
    return Comparator.<Integer>comparingInt(m -> {
      MemberProbe p = probes.get(m);
      if (p == null || !p.mode().serving()) {
        return 0;
      }
      return p.mode() == MemberProbe.Mode.LEADER ? 2 : 1;
    }).thenComparingInt(m -> m);
  }
}

package org.exhibitormesos.core.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.exhibitormesos.core.ensemble.ConfigFiles;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.EnsembleState;

/**
 * The rule for relaunching an initial member while the bootstrap is still in progress.
 *
 * <p>The bootstrap is in progress from the moment the initial members are recorded
 * ({@link EnsembleState#bootstrapped()}) until the scheduler first observes a committed
 * configuration ({@link EnsembleState#committedConfig()}). During it, a launch of an initial member
 * may be lost (the ACCEPT never reached Mesos, the executor could not be fetched, the scheduler or
 * the master died). Such a member relaunches as a BOOTSTRAP again: the same myid, on the same
 * reservation (same agent, same persistence id, same ports) and with the same initial dynamic
 * configuration, rebuilt from the initial members' reservations, so every initial member still
 * starts from one identical configuration.
 *
 * <p>Why this cannot lose an acknowledged write: a ZooKeeper server whose volume holds no data
 * files never logged, so never acknowledged, any transaction; starting it empty with its myid and
 * the initial configuration is exactly what the first bootstrap launch does, and every quorum it
 * can be part of intersects the quorum that acknowledged any write in a member holding that write.
 * The executor enforces the precondition: a BOOTSTRAP launch on a volume that does hold this
 * myid's ZooKeeper data files never overwrites it; it restarts from the configuration on the
 * volume, like a RESTART would. No membership change (reconfig) can have happened before a
 * committed configuration was observed, since the scheduler reconfigures only from one, so the
 * initial configuration is still the configuration of record.
 *
 * <p>The bootstrap also ends when the scheduler sees an initial member serve
 * ({@link #quorumServed}): a quorum formed, so writes may have been acknowledged, and a member
 * whose volume comes back empty from then on is a lost volume, not a first launch.
 *
 * <p>The rule does not apply (the normal restart or join rules do) once a committed configuration
 * was recorded, to a server whose myid is not an initial one, to a server without a reservation, or
 * when some initial member's reservation is unknown (its address could not be rebuilt). Pure.
 */
public final class BootstrapRelaunch {
  private BootstrapRelaunch() {
  }

  /**
   * The initial dynamic configuration {@code server} relaunches with, on its own reservation, as a
   * BOOTSTRAP; empty when the rule does not apply and the normal launch rules decide.
   */
  public static Optional<String> initialConfig(ClusterState state, Server server) {
    EnsembleState ensemble = state.ensemble();
    if (!ensemble.bootstrapped() || ensemble.committedConfig().isPresent() || server.reservation().isEmpty()) {
      return Optional.empty();
    }
    Optional<Integer> myid = server.identity().myid();
    if (myid.isEmpty() || !ensemble.bootstrapMyids().contains(myid.get())) {
      return Optional.empty();
    }
    List<EnsembleMember> members = new ArrayList<>();
    for (int initial : ensemble.bootstrapMyids()) {
      Optional<Reservation> r = state.serverList().stream()
          .filter(s -> s.identity().myid().map(m -> m == initial).orElse(false))
          .findFirst().flatMap(Server::reservation);
      if (r.isEmpty()) {
        return Optional.empty();
      }
      members.add(EnsembleMember.participant(initial, r.get().hostname(), r.get().ports().peer(),
          r.get().ports().election(), r.get().ports().client()));
    }
    return Optional.of(ConfigFiles.dynamicConfig(members));
  }

  /**
   * The state after an initial member's ZooKeeper served (its task reached RUNNING, which the
   * executor reports only once ZooKeeper answers in a mode, so in a quorum): a quorum formed on the
   * initial configuration, which is therefore committed, and the bootstrap is over. The initial
   * configuration is recorded as the committed one (version 0 until the real one is read from the
   * ensemble and replaces it), so that from then on only the normal rules apply: a member that
   * may have acknowledged writes is never started empty under its myid again. Unchanged when a
   * committed configuration is known already or the initial one cannot be rebuilt (then this
   * rule never applies anyway).
   */
  public static ClusterState quorumServed(ClusterState state) {
    if (!state.ensemble().bootstrapped() || state.ensemble().committedConfig().isPresent()) {
      return state;
    }
    Optional<Server> initialMember = state.serverList().stream()
        .filter(s -> s.identity().myid().map(state.ensemble().bootstrapMyids()::contains).orElse(false))
        .filter(s -> s.reservation().isPresent()).findFirst();
    Optional<String> initial = initialMember.flatMap(s -> initialConfig(state, s));
    return initial.map(text -> state.withEnsemble(state.ensemble().withCommittedConfig(0, text))).orElse(state);
  }

  /** True when {@code server} relaunches as a BOOTSTRAP on its own reservation. */
  public static boolean applies(ClusterState state, Server server) {
    return initialConfig(state, server).isPresent();
  }
}

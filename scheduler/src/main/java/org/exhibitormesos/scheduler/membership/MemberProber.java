package org.exhibitormesos.scheduler.membership;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.membership.MemberProbe;
import org.exhibitormesos.core.membership.MemberProbe.Mode;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.state.ClusterState;

/**
 * Probes every member the planner may ask about: each identity in the committed configuration (at
 * its configured client address) and each server with a task and a myid (at its task's address,
 * which wins). {@code srvr} gives the mode.
 *
 * <p>{@link MemberProbe#holdsOurData()} is checked only where a decision depends on it: for a
 * joining identity that is not yet a voter and reports {@code follower} or {@code observer}, it is
 * true when {@code mntr} shows a {@code broadcast} peer state and a session pinned to that server
 * reads our cluster id. Everywhere else it is false, meaning "not checked". Probes run one after
 * another on the caller's thread.
 */
final class MemberProber {
  private final FourLetterWords words;

  MemberProber(FourLetterWords words) {
    this.words = Objects.requireNonNull(words, "words");
  }

  /** The probes by myid; {@code pinned} checks a pinned session (host:port, cluster id). */
  Map<Integer, MemberProbe> probe(ClusterState state, Optional<Ensemble> committed, Optional<String> clusterId,
      ClusterIdCheck pinned) {
    Map<Integer, Endpoint> endpoints = new TreeMap<>();
    committed.ifPresent(c -> c.members().forEach(m -> endpoints.put(m.myid(), Endpoint.of(m))));
    Map<Integer, Server> joiners = new HashMap<>();
    for (Server s : state.serverList()) {
      if (s.identity().myid().isEmpty() || s.task().isEmpty()) {
        continue;
      }
      int myid = s.identity().myid().get();
      Task t = s.task().get();
      endpoints.put(myid, new Endpoint(t.hostname(), t.ports().client()));
      boolean voter = committed.flatMap(c -> c.member(myid)).map(EnsembleMember::isVoter).orElse(false);
      if (s.identity().membership() == Membership.JOINING && !voter) {
        joiners.put(myid, s);
      }
    }
    Map<Integer, MemberProbe> probes = new HashMap<>();
    endpoints.forEach((myid, at) -> {
      ServerStatus status = words.srvr(at.host(), at.port());
      boolean holds = false;
      if (joiners.containsKey(myid) && clusterId.isPresent()
          && (status.mode() == Mode.FOLLOWER || status.mode() == Mode.OBSERVER)) {
        holds = words.peerState(at.host(), at.port()).map(p -> p.endsWith("broadcast")).orElse(false)
            && pinned.check(at.host() + ":" + at.port(), clusterId.get());
      }
      probes.put(myid, new MemberProbe(myid, status.mode(), holds));
    });
    return probes;
  }

  /** Whether the server at {@code hostPort} alone reads {@code clusterId}. */
  @FunctionalInterface
  interface ClusterIdCheck {
    boolean check(String hostPort, String clusterId);
  }

  private record Endpoint(String host, int port) {
    static Endpoint of(EnsembleMember m) {
      String host = EnsembleMember.ANY_HOST.equals(m.clientHost()) ? m.peerHost() : m.clientHost();
      return new Endpoint(host, m.clientPort());
    }
  }
}

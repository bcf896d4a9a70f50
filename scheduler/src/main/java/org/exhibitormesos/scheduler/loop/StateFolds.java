package org.exhibitormesos.scheduler.loop;

import java.util.ArrayList;
import java.util.List;
import org.exhibitormesos.core.lifecycle.Effect;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.MyidAllocator;

/**
 * Folds the lifecycle effects that are state changes into the state before it is persisted: a
 * released reservation joins the list of releases (destroyed and unreserved when an offer shows it),
 * a forgotten server leaves the state and its myid is retired.
 */
final class StateFolds {
  private StateFolds() {
  }

  static ClusterState fold(ClusterState state, List<Action> actions) {
    ClusterState next = state;
    for (Action a : actions) {
      if (!(a instanceof Action.Perform p)) {
        continue;
      }
      if (p.effect() instanceof Effect.ReleaseReservation r) {
        next = release(next, r.reservation());
      } else if (p.effect() instanceof Effect.Forget f && next.servers().containsKey(f.server())) {
        Server gone = next.servers().get(f.server());
        next = next.withoutServer(f.server());
        if (gone.identity().myid().isPresent()) {
          next = next.withEnsemble(MyidAllocator.retire(next.ensemble(), gone.identity().myid().get()));
        }
      }
    }
    return next;
  }

  static ClusterState release(ClusterState state, Reservation r) {
    if (state.releases().stream().anyMatch(x -> x.persistenceId().equals(r.persistenceId()))) {
      return state;
    }
    List<Reservation> releases = new ArrayList<>(state.releases());
    releases.add(r);
    return state.withReleases(releases);
  }
}

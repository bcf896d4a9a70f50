package org.exhibitormesos.core.offers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;

/**
 * Within one evaluation, the reasons already found for servers whose placement depends on their
 * settings alone, so that the next server with equal settings is declined without evaluating
 * constraints, resources and ports again. Mutable; one evaluation only.
 *
 * <p>Why this is exact: a server with neither a reservation nor a last placement has no volume and
 * no stickiness, is not among the placed servers its constraints are checked against, and its
 * reasons never name it, and of its settings only constraints, resources, admin port ranges and
 * port overrides matter. So until the offer's pools, the placed servers or the ensemble's shared
 * ports change (only a placement changes them, see {@link #forget()}), every server with equal such
 * settings gets the same reasons. Servers that were placed are never remembered.
 */
final class DeclineMemo {
  /** Operators use few distinct settings; beyond this many, the rest are evaluated in full. */
  private static final int CAPACITY = 8;

  private final List<ServerSettings> settings = new ArrayList<>(CAPACITY);
  private final List<List<String>> reasons = new ArrayList<>(CAPACITY);

  /** @return the reasons an equivalent server was declined with; empty if none was, or it does not apply */
  Optional<List<String>> reasonsFor(Server s) {
    if (!applies(s)) {
      return Optional.empty();
    }
    for (int i = 0; i < settings.size(); i++) {
      if (samePlacementInputs(settings.get(i), s.settings())) {
        return Optional.of(reasons.get(i));
      }
    }
    return Optional.empty();
  }

  /** Records why {@code s} was declined; ignored for servers the memo does not apply to. */
  void remember(Server s, List<String> why) {
    if (applies(s) && settings.size() < CAPACITY) {
      settings.add(s.settings());
      reasons.add(List.copyOf(why)); // no copy when the caller's list is unmodifiable already
    }
  }

  /** Drops everything: a placement changed the pools, the placed servers or the shared ports. */
  void forget() {
    settings.clear();
    reasons.clear();
  }

  /**
   * The settings a server without reservation or last placement is placed by; the others (Java
   * options, Exhibitor flags, stickiness, failover) do not change its reasons. Cheaper than
   * {@link ServerSettings#equals} when states decoded from storage hold equal, not identical, values.
   */
  private static boolean samePlacementInputs(ServerSettings a, ServerSettings b) {
    return a == b || (a.constraints().equals(b.constraints()) && a.resources().equals(b.resources())
        && a.adminPorts().equals(b.adminPorts()) && a.sharedOverrides().equals(b.sharedOverrides()));
  }

  private static boolean applies(Server s) {
    return s.reservation().isEmpty() && s.lastPlacement().isEmpty();
  }
}

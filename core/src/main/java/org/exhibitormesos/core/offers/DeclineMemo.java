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
 *
 * <p>Servers are known by their group ({@link #groups}): equal placement inputs, computed once per
 * state, so that a lookup is an index rather than a comparison of settings.
 */
final class DeclineMemo {
  /** The group of a server the memo does not apply to. */
  static final int NONE = -1;
  /** Operators use few distinct settings; servers beyond this many groups are evaluated in full. */
  private static final int MAX_GROUPS = 16;

  private final List<List<String>> byGroup;
  private final List<Integer> remembered = new ArrayList<>();

  /** @param groupCount how many groups {@link #groups} found */
  DeclineMemo(int groupCount) {
    byGroup = new ArrayList<>(groupCount);
    for (int i = 0; i < groupCount; i++) {
      byGroup.add(null);
    }
  }

  /**
   * The group of every server, in order: servers without reservation or last placement and with
   * equal placement inputs share a group number (0, 1, ... up to {@value #MAX_GROUPS} groups); the
   * others get {@link #NONE}.
   */
  static int[] groups(List<Server> servers) {
    int[] groups = new int[servers.size()];
    List<ServerSettings> representatives = new ArrayList<>();
    for (int i = 0; i < groups.length; i++) {
      Server s = servers.get(i);
      groups[i] = NONE;
      if (!applies(s)) {
        continue;
      }
      for (int g = 0; g < representatives.size() && groups[i] == NONE; g++) {
        if (samePlacementInputs(representatives.get(g), s.settings())) {
          groups[i] = g;
        }
      }
      if (groups[i] == NONE && representatives.size() < MAX_GROUPS) {
        groups[i] = representatives.size();
        representatives.add(s.settings());
      }
    }
    return groups;
  }

  /** How many groups {@code groups} holds. */
  static int count(int[] groups) {
    int max = NONE;
    for (int g : groups) {
      max = Math.max(max, g);
    }
    return max + 1;
  }

  /** @return the reasons a server of this group was declined with; empty if none was, or for {@link #NONE} */
  Optional<List<String>> reasonsFor(int group) {
    return group == NONE ? Optional.empty() : Optional.ofNullable(byGroup.get(group));
  }

  /** Records why a server of {@code group} was declined ({@code why} unmodifiable); ignored for {@link #NONE}. */
  void remember(int group, List<String> why) {
    if (group != NONE && byGroup.get(group) == null) {
      byGroup.set(group, why);
      remembered.add(group);
    }
  }

  /** Drops everything: a placement changed the pools, the placed servers or the shared ports. */
  void forget() {
    for (int g : remembered) {
      byGroup.set(g, null);
    }
    remembered.clear();
  }

  /**
   * The settings a server without reservation or last placement is placed by; the others (Java
   * options, Exhibitor flags, stickiness, failover) do not change its reasons.
   */
  private static boolean samePlacementInputs(ServerSettings a, ServerSettings b) {
    return a == b || (a.constraints().equals(b.constraints()) && a.resources().equals(b.resources())
        && a.adminPorts().equals(b.adminPorts()) && a.sharedOverrides().equals(b.sharedOverrides()));
  }

  private static boolean applies(Server s) {
    return s.reservation().isEmpty() && s.lastPlacement().isEmpty();
  }
}

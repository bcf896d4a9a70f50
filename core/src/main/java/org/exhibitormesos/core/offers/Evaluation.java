package org.exhibitormesos.core.offers;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.server.Reservation;

/**
 * What to do with one offer: launch {@code placements}, release {@code releases} (destroy the
 * volume, unreserve), and why each waiting server that was not placed does not fit. An offer with
 * neither placements nor releases is declined with {@link #declineReasons()}.
 */
public record Evaluation(String offerId, List<Placement> placements, List<Reservation> releases,
    SortedMap<ServerId, List<String>> notPlaced) {
  public Evaluation {
    placements = List.copyOf(placements);
    releases = List.copyOf(releases);
    if (!(notPlaced instanceof SortedArrayMap)) {
      // The evaluator's map is unmodifiable with unmodifiable lists already; any other is copied
      // (putAll copies a naturally ordered SortedMap in linear time).
      TreeMap<ServerId, List<String>> copy = new TreeMap<>();
      copy.putAll(notPlaced);
      copy.replaceAll((k, v) -> List.copyOf(v));
      notPlaced = java.util.Collections.unmodifiableSortedMap(copy);
    }
  }

  public boolean accepts() {
    return !placements.isEmpty() || !releases.isEmpty();
  }

  /** Every reason, one line per server: {@code server 1: rack=unique: r1 is used by server 0}. */
  public List<String> declineReasons() {
    return notPlaced.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(r -> "server " + e.getKey() + ": " + r))
        .toList();
  }

  /** @param notPlaced built in id order, its lists unmodifiable; kept as it is */
  static Evaluation of(String offerId, List<Placement> placements, List<Reservation> releases,
      SortedArrayMap<ServerId, List<String>> notPlaced) {
    return new Evaluation(offerId, placements, releases, notPlaced);
  }
}

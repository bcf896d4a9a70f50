package org.exhibitormesos.core.cluster;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.offers.Placement;

/** What to do with the offers held while a new ensemble is being placed. */
public sealed interface BootstrapPlan {
  /**
   * Every initial member has a place: persist the bootstrap (its members and their myids) first,
   * then launch all of them together.
   *
   * @param myids the myid of each initial member, in server id order from 1
   */
  record Ready(List<Placement> placements, SortedMap<ServerId, Integer> myids) implements BootstrapPlan {
    public Ready {
      placements = List.copyOf(placements);
      myids = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(myids));
    }
  }

  /**
   * Not every initial member fits on the held offers yet: keep the offers that carry a tentative
   * place, wait for more, and show why the others wait.
   *
   * @param keepOffers offers carrying a tentative placement; decline the rest
   */
  record Waiting(List<String> keepOffers, SortedMap<ServerId, List<String>> reasons) implements BootstrapPlan {
    public Waiting {
      keepOffers = List.copyOf(keepOffers);
      TreeMap<ServerId, List<String>> copy = new TreeMap<>();
      reasons.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      reasons = java.util.Collections.unmodifiableSortedMap(copy);
    }
  }
}

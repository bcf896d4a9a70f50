package org.exhibitormesos.core.offers;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.exhibitormesos.core.server.PortRange;

/** The ports of an offer not taken yet by earlier placements on it. Mutable; one evaluation only. */
final class PortPool {
  private final List<PortRange> ranges;
  private final TreeSet<Integer> taken = new TreeSet<>();

  PortPool(List<PortRange> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  boolean available(int port) {
    return !taken.contains(port) && ranges.stream().anyMatch(r -> r.contains(port));
  }

  /** The lowest free port, within {@code allowed} when that is not empty, not in {@code exclude}. */
  Optional<Integer> lowest(List<PortRange> allowed, java.util.Set<Integer> exclude) {
    for (PortRange r : ranges) {
      for (int p = r.begin(); p <= r.end(); p++) {
        final int port = p;
        if (!taken.contains(port) && !exclude.contains(port)
            && (allowed.isEmpty() || allowed.stream().anyMatch(a -> a.contains(port)))) {
          return Optional.of(port);
        }
      }
    }
    return Optional.empty();
  }

  void take(int port) {
    taken.add(port);
  }
}

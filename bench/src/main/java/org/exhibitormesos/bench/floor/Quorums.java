package org.exhibitormesos.bench.floor;

import java.util.Map;
import java.util.Optional;

/** Readings of the servers' modes, as {@link BareEnsemble#modes()} returns them. */
public final class Quorums {
  private Quorums() {
  }

  /** True when every server serves and exactly one leads. */
  public static boolean hasOneLeader(Map<Integer, Optional<Srvr.Mode>> modes) {
    long leaders = modes.values().stream().filter(m -> m.equals(Optional.of(Srvr.Mode.LEADER))).count();
    return leaders == 1 && modes.values().stream().allMatch(Optional::isPresent);
  }

  public static Optional<Integer> leader(Map<Integer, Optional<Srvr.Mode>> modes) {
    return withMode(modes, Srvr.Mode.LEADER);
  }

  /** The follower with the highest myid, so every run kills the same member when leaders agree. */
  public static Optional<Integer> highestFollower(Map<Integer, Optional<Srvr.Mode>> modes) {
    return modes.entrySet().stream()
        .filter(e -> e.getValue().equals(Optional.of(Srvr.Mode.FOLLOWER)))
        .map(Map.Entry::getKey)
        .max(Integer::compare);
  }

  private static Optional<Integer> withMode(Map<Integer, Optional<Srvr.Mode>> modes, Srvr.Mode mode) {
    return modes.entrySet().stream().filter(e -> e.getValue().equals(Optional.of(mode))).map(Map.Entry::getKey)
        .findFirst();
  }
}

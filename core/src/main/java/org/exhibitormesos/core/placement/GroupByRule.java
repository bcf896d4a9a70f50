package org.exhibitormesos.core.placement;

import static org.exhibitormesos.core.placement.ValuesInUse.describe;

import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.Collectors;

/** The arithmetic of {@link Condition.GroupBy}, kept apart because its reasons need some care. */
final class GroupByRule {
  private GroupByRule() {}

  static Optional<String> violation(int groups, String value, ValuesInUse others) {
    SortedSet<String> inUse = others.values();
    int holding = others.count(value);
    if (inUse.size() < groups) {
      if (holding == 0) {
        return Optional.empty();
      }
      return Optional.of(value + " already holds " + describe(others.serversWith(value))
          + " while " + inUse.size() + " of " + groups + " groups are in use;"
          + " a new value is needed");
    }
    // From here on the candidate must join a group: N groups exist (or more, if the constraint was
    // tightened after placement), and joining a least-used one keeps them even.
    if (holding == 0) {
      return Optional.of(value + " would be group " + (inUse.size() + 1) + " of at most " + groups
          + "; in use: " + String.join(", ", inUse));
    }
    int least = inUse.stream().mapToInt(others::count).min().orElseThrow();
    if (holding == least) {
      return Optional.empty();
    }
    String leastUsed = inUse.stream().filter(v -> others.count(v) == least)
        .collect(Collectors.joining(", "));
    return Optional.of(value + " already holds " + holding + " servers, least used is " + least
        + " (" + leastUsed + ")");
  }
}

package org.exhibitormesos.core.placement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.exhibitormesos.core.ids.IdExpression;
import org.exhibitormesos.core.ids.ServerId;

/**
 * The values one attribute takes on the agents of the other placed servers, with the servers holding
 * each value. Servers whose agent lacks the attribute are left out: they neither use a value nor
 * count towards a group.
 *
 * <p>Immutable and thread-safe. Values iterate in natural string order so reasons are deterministic.
 * Nothing is tallied up front: offers are evaluated against hundreds of servers, and most rules need
 * only {@link #serversWith} of one value, so the tally behind {@link #values()} and {@link #count} is
 * made on first use.
 */
public final class ValuesInUse {
  private final String attribute;
  private final List<PlacedServer> others;
  // Built at most a few times under a race, each time equal; volatile publishes it whole.
  private volatile Tally tally;

  /** Distinct values, sorted, and how many servers hold each. */
  private record Tally(SortedSet<String> values, Map<String, Integer> counts) { }

  private ValuesInUse(String attribute, List<PlacedServer> others) {
    this.attribute = attribute;
    this.others = others;
  }

  /**
   * @param attribute the constrained attribute
   * @param others the other placed servers, one entry per server; two servers on one agent count
   *     twice; copied
   */
  public static ValuesInUse of(String attribute, List<PlacedServer> others) {
    return new ValuesInUse(attribute, List.copyOf(others));
  }

  /** @return the distinct values in use, sorted */
  public SortedSet<String> values() {
    return tally().values();
  }

  /** @return the servers holding {@code value}, sorted; empty if none */
  public List<ServerId> serversWith(String value) {
    List<ServerId> servers = null;
    for (PlacedServer other : others) {
      if (value.equals(other.agent().value(attribute).orElse(null))) {
        if (servers == null) {
          servers = new ArrayList<>();
        }
        servers.add(other.id());
      }
    }
    if (servers == null) {
      return List.of();
    }
    Collections.sort(servers);
    return List.copyOf(servers);
  }

  /** @return how many servers hold {@code value} */
  public int count(String value) {
    return tally().counts().getOrDefault(value, 0);
  }

  /** @return true if no other placed server has the attribute */
  public boolean isEmpty() {
    return values().isEmpty();
  }

  private Tally tally() {
    Tally t = tally;
    if (t == null) {
      Map<String, Integer> counts = new HashMap<>();
      for (PlacedServer other : others) {
        other.agent().value(attribute).ifPresent(value -> counts.merge(value, 1, Integer::sum));
      }
      t = new Tally(Collections.unmodifiableSortedSet(new TreeSet<>(counts.keySet())), counts);
      tally = t;
    }
    return t;
  }

  /** @return {@code server 0} or {@code servers 0..2}, for reasons */
  static String describe(List<ServerId> servers) {
    return (servers.size() == 1 ? "server " : "servers ") + IdExpression.format(servers);
  }
}

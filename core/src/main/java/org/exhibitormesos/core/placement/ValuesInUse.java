package org.exhibitormesos.core.placement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhibitormesos.core.ids.IdExpression;
import org.exhibitormesos.core.ids.ServerId;

/**
 * The values one attribute takes on the agents of the other placed servers, with the servers holding
 * each value. Servers whose agent lacks the attribute are left out: they neither use a value nor
 * count towards a group.
 *
 * <p>Immutable. Values iterate in natural string order so reasons are deterministic.
 */
public final class ValuesInUse {
  private final SortedMap<String, List<ServerId>> serversByValue;
  private final SortedSet<String> values;

  private ValuesInUse(SortedMap<String, List<ServerId>> serversByValue) {
    this.serversByValue = serversByValue;
    this.values = Collections.unmodifiableSortedSet(new TreeSet<>(serversByValue.keySet()));
  }

  /**
   * @param attribute the constrained attribute
   * @param others the other placed servers, one entry per server; two servers on one agent count
   *     twice
   */
  public static ValuesInUse of(String attribute, List<PlacedServer> others) {
    SortedMap<String, List<ServerId>> byValue = new TreeMap<>();
    for (PlacedServer other : others) {
      other.agent().value(attribute).ifPresent(
          value -> byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(other.id()));
    }
    SortedMap<String, List<ServerId>> frozen = new TreeMap<>();
    for (Map.Entry<String, List<ServerId>> entry : byValue.entrySet()) {
      List<ServerId> servers = new ArrayList<>(entry.getValue());
      Collections.sort(servers);
      frozen.put(entry.getKey(), List.copyOf(servers));
    }
    return new ValuesInUse(Collections.unmodifiableSortedMap(frozen));
  }

  /** @return the distinct values in use, sorted */
  public SortedSet<String> values() {
    return values;
  }

  /** @return the servers holding {@code value}, sorted; empty if none */
  public List<ServerId> serversWith(String value) {
    return serversByValue.getOrDefault(value, List.of());
  }

  /** @return how many servers hold {@code value} */
  public int count(String value) {
    return serversWith(value).size();
  }

  /** @return true if no other placed server has the attribute */
  public boolean isEmpty() {
    return serversByValue.isEmpty();
  }

  /** @return {@code server 0} or {@code servers 0..2}, for reasons */
  static String describe(List<ServerId> servers) {
    return (servers.size() == 1 ? "server " : "servers ") + IdExpression.format(servers);
  }
}

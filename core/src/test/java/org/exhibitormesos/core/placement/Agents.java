package org.exhibitormesos.core.placement;

import java.util.HashMap;
import java.util.Map;
import org.exhibitormesos.core.ids.ServerId;

/** Test shorthands for agents and placed servers. */
final class Agents {
  private Agents() {}

  /** @param keyValues attribute names and values, alternating */
  static AgentAttributes agent(String hostname, String... keyValues) {
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      attributes.put(keyValues[i], keyValues[i + 1]);
    }
    return new AgentAttributes(hostname, attributes);
  }

  static PlacedServer placed(int id, AgentAttributes agent) {
    return new PlacedServer(ServerId.of(id), agent);
  }

  static PlacedServer onRack(int id, String rack) {
    return placed(id, agent("host" + id, "rack", rack));
  }
}

package org.exhibitormesos.core.placement;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What constraints can see of a Mesos agent: its hostname and its text attributes.
 *
 * <p>The shell builds this from an offer (or from the recorded placement of a running server);
 * rendering non-text Mesos attributes as strings is its business, not this type's.
 *
 * @param hostname the agent's hostname, never blank
 * @param attributes attribute name to value; copied, no null keys or values
 */
public record AgentAttributes(String hostname, Map<String, String> attributes) {
  /** The pseudo-attribute that constraints use to address {@link #hostname()}. */
  public static final String HOSTNAME = "hostname";

  /** @throws IllegalArgumentException if {@code hostname} is blank */
  public AgentAttributes {
    Objects.requireNonNull(hostname, "hostname");
    if (hostname.isBlank()) {
      throw new IllegalArgumentException("an agent needs a hostname");
    }
    attributes = Map.copyOf(attributes);
  }

  /** @return an agent with a hostname and no attributes */
  public static AgentAttributes ofHost(String hostname) {
    return new AgentAttributes(hostname, Map.of());
  }

  /**
   * @param attribute {@value #HOSTNAME} or an agent attribute name
   * @return the hostname for {@value #HOSTNAME} (even if an attribute has that name, as in the
   *     original framework); otherwise the attribute's value, or empty if the agent lacks it
   */
  public Optional<String> value(String attribute) {
    if (HOSTNAME.equals(attribute)) {
      return Optional.of(hostname);
    }
    return Optional.ofNullable(attributes.get(attribute));
  }
}

package org.exhibitormesos.core.placement;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule, {@code attribute=condition}, such as {@code rack=groupBy:3}.
 *
 * <p>{@link #toString()} is the canonical text, escaped so that it parses back to an equal value
 * (see the package documentation for the syntax).
 *
 * @param attribute {@value AgentAttributes#HOSTNAME} or an agent attribute name; not empty, no
 *     leading or trailing whitespace
 * @param condition the rule applied to the attribute's value
 */
public record Constraint(String attribute, Condition condition) {
  public Constraint {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(condition, "condition");
    if (attribute.isEmpty() || !attribute.strip().equals(attribute)) {
      throw new IllegalArgumentException(
          "attribute '" + attribute + "' is empty or has leading or trailing whitespace");
    }
  }

  /**
   * Checks this rule for a candidate agent.
   *
   * @param candidate the agent offered for the server being placed
   * @param others the other servers of the ensemble that are placed (running or being launched),
   *     one entry per server; must not include the server being placed. Servers whose agent lacks
   *     the attribute are ignored.
   * @return passed, or failed with a detail; {@code no <attribute>} if the candidate lacks it
   */
  public RuleOutcome evaluate(AgentAttributes candidate, List<PlacedServer> others) {
    Optional<String> value = candidate.value(attribute);
    if (value.isEmpty()) {
      return new RuleOutcome.Failed(this, "no " + attribute);
    }
    return condition.violation(value.get(), ValuesInUse.of(attribute, others))
        .<RuleOutcome>map(detail -> new RuleOutcome.Failed(this, detail))
        .orElse(RuleOutcome.passed());
  }

  @Override
  public String toString() {
    return ConstraintSyntax.escapeAttribute(attribute) + "="
        + ConstraintSyntax.escapeCondition(condition.toString());
  }
}

package org.exhibitormesos.core.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A server's placement constraints: all must hold for an agent to be acceptable.
 *
 * <p>Parsed from and rendered to the operator syntax {@code attr=cond[,attr=cond...]} (see the
 * package documentation). The same attribute may carry several conditions. Equal values have equal
 * {@link #toString()} text, and that text parses back to an equal value.
 *
 * @param constraints in the order written; copied; empty for no constraints
 */
public record Constraints(List<Constraint> constraints) {
  /** No constraints: every agent is acceptable. */
  public static final Constraints NONE = new Constraints(List.of());

  public Constraints {
    constraints = List.copyOf(constraints);
  }

  /**
   * @param text the operator's constraints; the empty string means none
   * @return the parsed constraints
   * @throws org.exhibitormesos.core.InvalidInputException naming the bad constraint, the problem and
   *     the accepted conditions
   */
  public static Constraints parse(String text) {
    return ConstraintSyntax.parse(text);
  }

  /** @return true if there are no constraints */
  public boolean isEmpty() {
    return constraints.isEmpty();
  }

  /**
   * Checks every constraint (never stopping at the first failure) so a decline names all reasons.
   *
   * @param candidate the agent offered for the server being placed
   * @param others the other placed servers of the ensemble, one entry per server, excluding the
   *     server being placed; see {@link Constraint#evaluate}
   * @return every failure in constraint order; passed if there are none
   */
  public Verdict evaluate(AgentAttributes candidate, List<PlacedServer> others) {
    List<RuleOutcome.Failed> failures = new ArrayList<>();
    for (Constraint constraint : constraints) {
      constraint.evaluate(candidate, others).failure().ifPresent(failures::add);
    }
    return new Verdict(failures);
  }

  @Override
  public String toString() {
    return constraints.stream().map(Constraint::toString).collect(Collectors.joining(","));
  }
}

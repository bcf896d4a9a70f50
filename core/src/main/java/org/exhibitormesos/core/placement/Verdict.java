package org.exhibitormesos.core.placement;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of checking all {@link Constraints} against a candidate agent: every failure, in
 * constraint order; none means the agent is acceptable.
 *
 * @param failures each failed constraint with its detail; copied
 */
public record Verdict(List<RuleOutcome.Failed> failures) {
  public Verdict {
    failures = List.copyOf(failures);
  }

  /** @return true if every constraint holds */
  public boolean passed() {
    return failures.isEmpty();
  }

  /**
   * @return one operator-facing reason per failure ({@code rack=unique: r1 is used by server 0});
   *     callers prefix the server ({@code server 3: ...})
   */
  public List<String> reasons() {
    return failures.stream().map(RuleOutcome.Failed::reason).collect(Collectors.toUnmodifiableList());
  }
}

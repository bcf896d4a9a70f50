package org.exhibitormesos.core.placement;

import java.util.Objects;
import java.util.Optional;

/** Whether one {@link Constraint} holds for a candidate agent: {@link Passed} or {@link Failed}. */
public sealed interface RuleOutcome {

  /** @return the outcome of a constraint that holds */
  static RuleOutcome passed() {
    return Passed.INSTANCE;
  }

  /** @return true if the constraint holds */
  boolean isPassed();

  /** @return the failure, or empty if the constraint holds */
  Optional<Failed> failure();

  /** The constraint holds. */
  enum Passed implements RuleOutcome {
    INSTANCE;

    @Override
    public boolean isPassed() {
      return true;
    }

    @Override
    public Optional<Failed> failure() {
      return Optional.empty();
    }
  }

  /**
   * The constraint does not hold.
   *
   * @param constraint the failed constraint
   * @param detail what is wrong, about the candidate's value ({@code r1 is used by server 0},
   *     {@code no rack})
   */
  record Failed(Constraint constraint, String detail) implements RuleOutcome {
    public Failed {
      Objects.requireNonNull(constraint, "constraint");
      Objects.requireNonNull(detail, "detail");
    }

    /** @return the operator-facing reason: {@code rack=unique: r1 is used by server 0} */
    public String reason() {
      return constraint + ": " + detail;
    }

    @Override
    public boolean isPassed() {
      return false;
    }

    @Override
    public Optional<Failed> failure() {
      return Optional.of(this);
    }
  }
}

package org.exhibitormesos.core.config;

import java.util.Objects;

/** The outcome of checking one value against a {@link ValueRule}. */
public sealed interface Checked {
  /**
   * The value is valid.
   *
   * @param canonical the value in canonical text form (trimmed, numbers without leading zeros,
   *     booleans in lower case, durations in their shortest form); parses back to itself
   */
  record Accepted(String canonical) implements Checked {
    public Accepted {
      Objects.requireNonNull(canonical, "canonical");
    }
  }

  /**
   * The value is invalid.
   *
   * @param reason what was expected, such as {@code expected true or false}
   */
  record Rejected(String reason) implements Checked {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}

package org.exhibitormesos.core.config;

import java.util.Objects;

/**
 * One thing wrong with a requested change.
 *
 * @param option the option name as the operator typed it (possibly unknown); for a problem between
 *     two options, the first of them
 * @param message a sentence naming the option, the value and what is accepted
 */
public record ConfigProblem(String option, String message) {
  public ConfigProblem {
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return message;
  }
}

package org.exhibitormesos.core.config;

import java.util.List;
import java.util.stream.Collectors;
import org.exhibitormesos.core.InvalidInputException;

/**
 * Requested option changes that were refused, with every problem found; nothing was changed. The
 * message is the problems joined by {@code "; "}, prefixed by their count when there are several.
 */
public final class InvalidConfigException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  /** @param problems at least one */
  public InvalidConfigException(List<ConfigProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, ordered by option name. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String message(List<ConfigProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems");
    }
    String joined = problems.stream().map(ConfigProblem::message).collect(Collectors.joining("; "));
    return problems.size() == 1 ? joined : problems.size() + " problems: " + joined;
  }
}

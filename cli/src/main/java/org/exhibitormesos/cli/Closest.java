package org.exhibitormesos.cli;

import java.util.Collection;
import java.util.Optional;
import org.exhibitormesos.core.ClosestName;

/** Finds what an operator probably meant when a command or option name is unknown. */
final class Closest {
  private Closest() {}

  /** The nearest candidate, as {@link ClosestName#to}. */
  static Optional<String> to(String typed, Collection<String> candidates) {
    return ClosestName.to(typed, candidates);
  }

  /** {@code "; did you mean 'x'?"} or the empty string. */
  static String suggestion(String typed, Collection<String> candidates) {
    return to(typed, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
  }
}

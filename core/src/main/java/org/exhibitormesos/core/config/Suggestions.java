package org.exhibitormesos.core.config;

import java.util.Locale;
import java.util.Optional;

/** Finds the option an operator probably meant when a name is unknown. */
final class Suggestions {
  private Suggestions() {}

  /**
   * @return the accepted option nearest to {@code typed} by edit distance (ignoring letter case),
   *     the first in declaration order on a tie; empty if none is within
   *     {@code max(2, length / 3)} edits
   */
  static Optional<ConfigOption> closest(String typed, Command command) {
    String t = typed.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, t.length() / 3);
    ConfigOption best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (ConfigOption option : ConfigOption.values()) {
      if (!option.acceptedBy(command)) {
        continue;
      }
      int d = distance(t, option.optionName());
      if (d < bestDistance) {
        best = option;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Levenshtein distance: insertions, deletions and substitutions, each costing 1. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

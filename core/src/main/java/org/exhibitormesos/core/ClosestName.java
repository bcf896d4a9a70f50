package org.exhibitormesos.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds what an operator probably meant when a name (a command, an option) is unknown, for "did you
 * mean" hints in error messages.
 */
public final class ClosestName {
  private ClosestName() {}

  /**
   * @return the candidate nearest to {@code typed} by edit distance, ignoring letter case and leading
   *     dashes, the first in iteration order on a tie; empty if none is within
   *     {@code max(2, length / 3)} edits
   */
  public static Optional<String> to(String typed, Collection<String> candidates) {
    String t = bare(typed);
    int limit = Math.max(2, t.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(t, bare(candidate));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  private static String bare(String name) {
    int i = 0;
    while (i < name.length() && name.charAt(i) == '-') {
      i++;
    }
    return name.substring(i).toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance: insertions, deletions and substitutions, each costing 1. */
  public static int distance(String a, String b) {
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

package org.exhibitormesos.core.placement;

import static org.exhibitormesos.core.placement.ValuesInUse.describe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.exhibitormesos.core.ids.ServerId;

/**
 * The right-hand side of a constraint: a rule over one attribute's value on the candidate agent and
 * on the agents of the other placed servers.
 *
 * <p>{@link #toString()} is the condition's canonical text without escaping ({@code like:r[12]},
 * {@code groupBy:3}, {@code groupBy} for one group); {@link Constraint#toString()} adds escaping.
 * Values are equal when their text is equal (a {@link Pattern} alone has identity equality).
 */
public sealed interface Condition {

  /** The condition forms, listed in every parse error. */
  String ACCEPTED = "like:R, unlike:R, unique, cluster, cluster:V, groupBy, groupBy:N";

  /**
   * @param value the candidate agent's value for the constrained attribute
   * @param others the values the other placed servers hold
   * @return empty if the rule holds; otherwise what is wrong, phrased about {@code value}
   *     ({@code r1 is used by server 0}), without the constraint text, which the caller prefixes
   */
  Optional<String> violation(String value, ValuesInUse others);

  /** {@code like:R}: the value matches the regex R as a whole (not a substring). */
  record Like(Pattern pattern) implements Condition {
    public Like {
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public Optional<String> violation(String value, ValuesInUse others) {
      return pattern.matcher(value).matches()
          ? Optional.empty() : Optional.of(value + " does not match");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Like other && samePattern(pattern, other.pattern);
    }

    @Override
    public int hashCode() {
      return Objects.hash(pattern.pattern(), pattern.flags());
    }

    @Override
    public String toString() {
      return "like:" + pattern.pattern();
    }
  }

  /** {@code unlike:R}: the value does not match the regex R as a whole. */
  record Unlike(Pattern pattern) implements Condition {
    public Unlike {
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public Optional<String> violation(String value, ValuesInUse others) {
      return pattern.matcher(value).matches()
          ? Optional.of(value + " matches") : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Unlike other && samePattern(pattern, other.pattern);
    }

    @Override
    public int hashCode() {
      return Objects.hash(pattern.pattern(), pattern.flags());
    }

    @Override
    public String toString() {
      return "unlike:" + pattern.pattern();
    }
  }

  /** {@code unique}: no other placed server has the candidate's value. */
  record Unique() implements Condition {
    @Override
    public Optional<String> violation(String value, ValuesInUse others) {
      List<ServerId> holders = others.serversWith(value);
      return holders.isEmpty()
          ? Optional.empty() : Optional.of(value + " is used by " + describe(holders));
    }

    @Override
    public String toString() {
      return "unique";
    }
  }

  /**
   * {@code cluster}: the candidate's value equals every other placed server's value (holds when
   * none is placed); {@code cluster:V}: the value equals V.
   *
   * @param value V, or empty for "same as the others"; never an empty string
   */
  record Cluster(Optional<String> value) implements Condition {
    public Cluster {
      Objects.requireNonNull(value, "value");
      if (value.isPresent() && value.get().isEmpty()) {
        throw new IllegalArgumentException("cluster:V needs a non-empty V");
      }
    }

    @Override
    public Optional<String> violation(String candidate, ValuesInUse others) {
      if (value.isPresent()) {
        return value.get().equals(candidate)
            ? Optional.empty() : Optional.of(candidate + " is not " + value.get());
      }
      String differing = others.values().stream()
          .filter(v -> !v.equals(candidate))
          .map(v -> v + " (" + describe(others.serversWith(v)) + ")")
          .collect(Collectors.joining(", "));
      return differing.isEmpty()
          ? Optional.empty() : Optional.of(candidate + " differs from " + differing);
    }

    @Override
    public String toString() {
      return value.map(v -> "cluster:" + v).orElse("cluster");
    }
  }

  /**
   * {@code groupBy:N}: spread the servers evenly over N values. While the others use fewer than N
   * distinct values the candidate must bring a new one; after that it must take one of the least
   * used values in use. {@code groupBy} is {@code groupBy:1}: every server on one value.
   *
   * @param groups N, at least 1
   */
  record GroupBy(int groups) implements Condition {
    public GroupBy {
      if (groups < 1) {
        throw new IllegalArgumentException("groupBy needs at least 1 group, got " + groups);
      }
    }

    @Override
    public Optional<String> violation(String value, ValuesInUse others) {
      return GroupByRule.violation(groups, value, others);
    }

    @Override
    public String toString() {
      return groups == 1 ? "groupBy" : "groupBy:" + groups;
    }
  }

  private static boolean samePattern(Pattern a, Pattern b) {
    return a.pattern().equals(b.pattern()) && a.flags() == b.flags();
  }
}

package org.exhibitormesos.core.ids;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A selection of servers as an operator types it: {@code 0}, {@code 0..2}, {@code 0,3,5..7}, or
 * {@code *} for every existing server.
 *
 * <p>Either {@link All} or {@link Explicit}; both are immutable values. {@link #toString()} renders
 * the canonical compact form ({@code *}, or sorted ranges such as {@code 0..2,5}), which
 * {@link #parse(String)} reads back to an equal value.
 *
 * <p>Parsing rules (strict, so a typo never selects the wrong servers):
 * <ul>
 *   <li>items are separated by {@code ,}; an item is an id or an inclusive range {@code a..b} with
 *       {@code a <= b}; ids are {@value ServerId#MIN}..{@value ServerId#MAX};</li>
 *   <li>no whitespace anywhere, not even around commas: ids arrive as one CLI argument or query
 *       parameter, where a space is more likely a mistake than a style;</li>
 *   <li>overlapping or repeated items are allowed and merged ({@code 1,0..2} selects 0, 1, 2);</li>
 *   <li>{@code *} stands alone.</li>
 * </ul>
 */
public sealed interface IdExpression permits IdExpression.All, IdExpression.Explicit {

  /** Accepted forms, appended to every parse error. */
  String ACCEPTED_FORMS = "accepted forms: 0, 0..2, 0,3,5..7, * (ids "
      + ServerId.MIN + ".." + ServerId.MAX + ")";

  /**
   * @param text the operator's expression
   * @return the parsed selection
   * @throws org.exhibitormesos.core.InvalidInputException naming the bad part and the accepted forms
   */
  static IdExpression parse(String text) {
    return IdExpressionParser.parse(text);
  }

  /** @return the selection of every existing server ({@code *}) */
  static IdExpression all() {
    return All.INSTANCE;
  }

  /**
   * @param ids at least one id
   * @return the selection of exactly {@code ids}
   * @throws IllegalArgumentException if {@code ids} is empty
   */
  static IdExpression of(Collection<ServerId> ids) {
    return new Explicit(new TreeSet<>(ids));
  }

  /**
   * Renders ids compactly, sorted, with runs of consecutive ids as ranges: {@code 0..2,5,7..8}.
   * Used in operator messages ({@code Added servers 0..2}); duplicates are ignored and an empty
   * collection renders as the empty string.
   */
  static String format(Collection<ServerId> ids) {
    StringBuilder out = new StringBuilder();
    Iterator<ServerId> it = new TreeSet<>(ids).iterator();
    if (!it.hasNext()) {
      return "";
    }
    int start = it.next().value();
    int end = start;
    while (it.hasNext()) {
      int next = it.next().value();
      if (next != end + 1) {
        appendRun(out, start, end);
        start = next;
      }
      end = next;
    }
    appendRun(out, start, end);
    return out.toString();
  }

  private static void appendRun(StringBuilder out, int start, int end) {
    if (out.length() > 0) {
      out.append(',');
    }
    out.append(start);
    if (end != start) {
      out.append("..").append(end);
    }
  }

  /**
   * @param existing the ids of the servers that currently exist
   * @return for {@code *}, the existing ids; otherwise the explicit ids, whether they exist or not
   *     (callers decide whether a missing id is an error, e.g. {@code add} wants them missing)
   */
  SortedSet<ServerId> resolve(Collection<ServerId> existing);

  /** @return true for {@code *} */
  boolean isAll();

  /** {@code *}: every server that exists when the expression is resolved. */
  enum All implements IdExpression {
    INSTANCE;

    @Override
    public SortedSet<ServerId> resolve(Collection<ServerId> existing) {
      return Collections.unmodifiableSortedSet(new TreeSet<>(existing));
    }

    @Override
    public boolean isAll() {
      return true;
    }

    @Override
    public String toString() {
      return "*";
    }
  }

  /**
   * An explicit, non-empty set of ids.
   *
   * @param ids sorted, unmodifiable, never empty
   */
  record Explicit(SortedSet<ServerId> ids) implements IdExpression {
    /** @throws IllegalArgumentException if {@code ids} is empty */
    public Explicit {
      Objects.requireNonNull(ids, "ids");
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("an explicit id expression needs at least one id");
      }
      ids = Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    }

    @Override
    public SortedSet<ServerId> resolve(Collection<ServerId> existing) {
      return ids;
    }

    @Override
    public boolean isAll() {
      return false;
    }

    @Override
    public String toString() {
      return format(ids);
    }
  }
}

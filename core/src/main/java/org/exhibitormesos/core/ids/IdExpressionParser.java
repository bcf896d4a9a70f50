package org.exhibitormesos.core.ids;

import java.util.SortedSet;
import java.util.TreeSet;
import org.exhibitormesos.core.InvalidInputException;

/** Strict parser behind {@link IdExpression#parse(String)}; see there for the rules. */
final class IdExpressionParser {
  private static final String RANGE = "..";
  // More digits than any id could need; keeps an absurd number from reaching Integer.parseInt.
  private static final int MAX_DIGITS = 9;

  private IdExpressionParser() {}

  static IdExpression parse(String text) {
    if (text == null || text.isEmpty()) {
      throw invalid("", "it is empty");
    }
    if (text.isBlank()) {
      throw invalid(text, "it is blank");
    }
    if (text.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(text, "whitespace is not allowed");
    }
    if (text.equals("*")) {
      return IdExpression.all();
    }
    SortedSet<ServerId> ids = new TreeSet<>();
    String[] items = text.split(",", -1);
    for (int i = 0; i < items.length; i++) {
      String item = items[i];
      if (item.isEmpty()) {
        throw invalid(text, "item " + (i + 1) + " is empty");
      }
      if (item.equals("*")) {
        throw invalid(text, "'*' cannot be combined with other ids");
      }
      addItem(text, item, ids);
    }
    return new IdExpression.Explicit(ids);
  }

  private static void addItem(String text, String item, SortedSet<ServerId> ids) {
    int dots = item.indexOf(RANGE);
    if (dots < 0) {
      ids.add(ServerId.of(id(text, item)));
      return;
    }
    String from = item.substring(0, dots);
    String to = item.substring(dots + RANGE.length());
    if (to.contains(RANGE)) {
      throw invalid(text, "range '" + item + "' has more than one '..'");
    }
    if (from.isEmpty()) {
      throw invalid(text, "range '" + item + "' has no start");
    }
    if (to.isEmpty()) {
      throw invalid(text, "range '" + item + "' has no end");
    }
    int start = id(text, from);
    int end = id(text, to);
    if (start > end) {
      throw invalid(text, "range start " + start + " is after end " + end);
    }
    for (int id = start; id <= end; id++) {
      ids.add(ServerId.of(id));
    }
  }

  private static int id(String text, String digits) {
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid(text, "'" + digits + "' is not a server id");
    }
    if (digits.length() > MAX_DIGITS) {
      throw invalid(text, "id " + digits + " is out of range");
    }
    int id = Integer.parseInt(digits);
    if (id < ServerId.MIN || id > ServerId.MAX) {
      throw invalid(text, "id " + id + " is out of range");
    }
    return id;
  }

  private static InvalidInputException invalid(String text, String problem) {
    return new InvalidInputException(
        "invalid id expression '" + text + "': " + problem + "; " + IdExpression.ACCEPTED_FORMS);
  }
}

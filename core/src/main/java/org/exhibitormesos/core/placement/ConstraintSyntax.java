package org.exhibitormesos.core.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.exhibitormesos.core.InvalidInputException;

/**
 * Reads and writes the constraint text syntax described in the package documentation.
 *
 * <p>Splitting happens on the raw text (so escaped separators stay put) and unescaping happens last,
 * per part: an escaped {@code \:} in a condition therefore never splits keyword from argument.
 */
final class ConstraintSyntax {
  private static final char ESCAPE = '\\';
  // More digits than any sensible group count; keeps Integer.parseInt from overflowing.
  private static final int MAX_GROUP_DIGITS = 6;

  private ConstraintSyntax() {}

  static Constraints parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      return Constraints.NONE;
    }
    List<String> items = splitItems(text);
    List<Constraint> constraints = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).isEmpty()) {
        throw new InvalidInputException("invalid constraints '" + text + "': constraint " + (i + 1)
            + " is empty; accepted conditions: " + Condition.ACCEPTED);
      }
      constraints.add(parseConstraint(items.get(i)));
    }
    return new Constraints(constraints);
  }

  static String escapeAttribute(String attribute) {
    return escape(attribute, "\\,=");
  }

  static String escapeCondition(String condition) {
    // '=' needs no escape here: only the first unescaped '=' of a constraint is a separator.
    return escape(condition, "\\,");
  }

  private static List<String> splitItems(String text) {
    List<String> items = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ESCAPE) {
        if (i + 1 == text.length()) {
          throw invalid(text.substring(start),
              "trailing backslash escapes nothing (write \\\\ for a literal backslash)");
        }
        i++;
      } else if (c == ',') {
        items.add(text.substring(start, i));
        start = i + 1;
      }
    }
    items.add(text.substring(start));
    return items;
  }

  private static Constraint parseConstraint(String raw) {
    int equals = indexOfUnescaped(raw, '=');
    if (equals < 0) {
      throw invalid(raw, "missing '=' between attribute and condition (write attr=cond)");
    }
    String attribute = unescape(raw.substring(0, equals));
    if (attribute.isEmpty()) {
      throw invalid(raw, "empty attribute");
    }
    if (!attribute.strip().equals(attribute)) {
      throw invalid(raw, "attribute '" + attribute + "' has leading or trailing whitespace");
    }
    String condition = raw.substring(equals + 1);
    if (condition.isEmpty()) {
      throw invalid(raw, "empty condition");
    }
    return new Constraint(attribute, parseCondition(raw, condition));
  }

  private static Condition parseCondition(String raw, String condition) {
    int colon = indexOfUnescaped(condition, ':');
    String keyword = unescape(colon < 0 ? condition : condition.substring(0, colon));
    Optional<String> argument = colon < 0
        ? Optional.empty() : Optional.of(unescape(condition.substring(colon + 1)));
    return switch (keyword) {
      case "like" -> new Condition.Like(regex(raw, keyword, argument));
      case "unlike" -> new Condition.Unlike(regex(raw, keyword, argument));
      case "unique" -> {
        if (argument.isPresent()) {
          throw invalid(raw, "unique takes no argument");
        }
        yield new Condition.Unique();
      }
      case "cluster" -> {
        if (argument.isPresent() && argument.get().isEmpty()) {
          throw invalid(raw, "cluster:V needs a value V (or write cluster)");
        }
        yield new Condition.Cluster(argument);
      }
      case "groupBy" -> new Condition.GroupBy(groups(raw, argument));
      default -> throw invalid(raw, "unknown condition '" + keyword + "'");
    };
  }

  private static Pattern regex(String raw, String keyword, Optional<String> argument) {
    if (argument.isEmpty() || argument.get().isEmpty()) {
      throw invalid(raw, keyword + " needs a regex (" + keyword + ":R)");
    }
    try {
      return Pattern.compile(argument.get());
    } catch (PatternSyntaxException e) {
      throw invalid(raw, "bad regex '" + argument.get() + "': " + e.getDescription()
          + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
    }
  }

  private static int groups(String raw, Optional<String> argument) {
    if (argument.isEmpty()) {
      return 1;
    }
    String digits = argument.get();
    boolean wholeNumber = !digits.isEmpty() && digits.length() <= MAX_GROUP_DIGITS
        && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!wholeNumber || Integer.parseInt(digits) < 1) {
      throw invalid(raw, "groupBy takes a whole number of groups >= 1");
    }
    return Integer.parseInt(digits);
  }

  private static int indexOfUnescaped(String raw, char separator) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == ESCAPE) {
        i++;
      } else if (c == separator) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == ESCAPE) {
        i++;
        c = raw.charAt(i);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String escape(String text, String special) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (special.indexOf(c) >= 0) {
        out.append(ESCAPE);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static InvalidInputException invalid(String raw, String problem) {
    return new InvalidInputException("invalid constraint '" + raw + "': " + problem
        + "; accepted conditions: " + Condition.ACCEPTED);
  }
}

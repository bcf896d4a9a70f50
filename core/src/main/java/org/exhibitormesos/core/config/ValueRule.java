package org.exhibitormesos.core.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.ensemble.ZooCfgExtra;
import org.exhibitormesos.core.ensemble.ZooCfgSpec;
import org.exhibitormesos.core.placement.Constraints;
import org.exhibitormesos.core.server.PortRange;
import org.exhibitormesos.core.time.Durations;

/**
 * What values an option accepts, and their canonical form. Immutable and thread-safe.
 *
 * @param kind the value's shape
 * @param min the smallest accepted number for {@link ValueKind#WHOLE_NUMBER} and
 *     {@link ValueKind#MILLIS}; 0 for other kinds
 * @param max the largest accepted number for those kinds; 0 for other kinds
 * @param choices the accepted words for {@link ValueKind#CHOICE}; empty for other kinds
 */
public record ValueRule(ValueKind kind, long min, long max, List<String> choices) {
  /** The constraints value meaning "no constraints" (the empty value means "the default"). */
  public static final String NO_CONSTRAINTS = "none";

  /** Exhibitor reads its numbers as Java {@code int}s. */
  static final long INT_MAX = Integer.MAX_VALUE;

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");
  private static final int MAX_DIGITS = 18;

  public ValueRule {
    Objects.requireNonNull(kind, "kind");
    choices = List.copyOf(choices);
    boolean numeric = kind == ValueKind.WHOLE_NUMBER || kind == ValueKind.MILLIS;
    if (numeric ? min < 0 || max < min : min != 0 || max != 0) {
      throw new IllegalArgumentException("bounds " + min + ".." + max + " do not suit " + kind);
    }
    if ((kind == ValueKind.CHOICE) == choices.isEmpty()) {
      throw new IllegalArgumentException("choices " + choices + " do not suit " + kind);
    }
  }

  static ValueRule of(ValueKind kind) {
    return new ValueRule(kind, 0, 0, List.of());
  }

  static ValueRule wholeNumber(long min) {
    return new ValueRule(ValueKind.WHOLE_NUMBER, min, INT_MAX, List.of());
  }

  static ValueRule millis(long min) {
    return new ValueRule(ValueKind.MILLIS, min, INT_MAX, List.of());
  }

  static ValueRule choice(String... words) {
    return new ValueRule(ValueKind.CHOICE, 0, 0, List.of(words));
  }

  /** What this rule accepts, for help texts and error messages, e.g. {@code true or false}. */
  public String expected() {
    return switch (kind) {
      case TEXT -> "a single line of text";
      case TEXT_BLOCK -> "text";
      case BOOLEAN -> "true or false";
      case WHOLE_NUMBER -> "a whole number" + lowerBound();
      case MILLIS -> "a whole number of milliseconds" + lowerBound();
      case AMOUNT -> "a number greater than 0";
      case PORT -> "a port number from 1 to 65535";
      case PORT_RANGES -> "port ranges such as 31000..31010,31050";
      case DURATION -> "a duration such as 30s, 10m or 1h";
      case CHOICE -> "one of " + String.join(", ", choices);
      case CONSTRAINTS -> "constraints attr=cond[,attr=cond...] or '" + NO_CONSTRAINTS + "'";
      case ZOO_CFG_EXTRA -> "key=value entries separated by ','";
      case RETRY -> "sleep-ms:retry-qty such as 1000:3";
    };
  }

  /**
   * Checks a non-empty value. White space around it is ignored, except for constraints, where it
   * belongs to the value.
   *
   * @return the canonical form, or why the value is not accepted
   */
  public Checked check(String value) {
    Objects.requireNonNull(value, "value");
    String v = kind == ValueKind.CONSTRAINTS ? value : value.strip();
    return switch (kind) {
      case TEXT -> v.isEmpty() || v.chars().anyMatch(Character::isISOControl) ? rejected() : accepted(v);
      case TEXT_BLOCK -> v.isEmpty() ? rejected() : accepted(v);
      case BOOLEAN -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
          ? accepted(v.toLowerCase(Locale.ROOT)) : rejected();
      case WHOLE_NUMBER, MILLIS -> whole(v, min, max);
      case AMOUNT -> amount(v);
      case PORT -> whole(v, 1, 65535);
      case PORT_RANGES -> parsed(() -> PortRange.formatList(PortRange.parseList(v)));
      case DURATION -> parsed(() -> Durations.format(Durations.parse(v)));
      case CHOICE -> choices.contains(v) ? accepted(v) : rejected();
      case CONSTRAINTS -> v.equals(NO_CONSTRAINTS) ? accepted(v) : parsed(() -> Constraints.parse(v).toString());
      case ZOO_CFG_EXTRA -> parsed(() -> {
        // The same checks as at launch, so a value accepted here never fails the launch.
        ZooCfgSpec.checkExtra(ZooCfgExtra.parse(v));
        return v;
      });
      case RETRY -> retry(v);
    };
  }

  private String lowerBound() {
    return min > 0 ? " >= " + min : "";
  }

  private Checked whole(String v, long lowest, long highest) {
    if (!DIGITS.matcher(v).matches()) {
      return rejected();
    }
    BigInteger n = new BigInteger(v);
    if (n.compareTo(BigInteger.valueOf(lowest)) < 0) {
      return rejected();
    }
    if (n.compareTo(BigInteger.valueOf(highest)) > 0) {
      return kind == ValueKind.PORT
          ? rejected() : new Checked.Rejected("expected " + expected() + ", at most " + highest);
    }
    return accepted(n.toString());
  }

  private Checked amount(String v) {
    if (!DECIMAL.matcher(v).matches() || v.length() > MAX_DIGITS) {
      return rejected();
    }
    BigDecimal n = new BigDecimal(v);
    if (n.signum() <= 0) {
      return rejected();
    }
    // The canonical text is what the double holds, so rendering the stored double gives it back.
    return accepted(render(n.doubleValue()));
  }

  private Checked retry(String v) {
    int colon = v.indexOf(':');
    if (colon < 0) {
      return rejected();
    }
    Checked sleep = whole(v.substring(0, colon), 0, INT_MAX);
    Checked tries = whole(v.substring(colon + 1), 0, INT_MAX);
    if (sleep instanceof Checked.Accepted s && tries instanceof Checked.Accepted t) {
      return accepted(s.canonical() + ":" + t.canonical());
    }
    return rejected();
  }

  /** The shortest decimal text of a positive amount: {@code 256}, {@code 0.2}. */
  static String render(double amount) {
    return BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
  }

  private interface Parser {
    String canonical();
  }

  private static Checked parsed(Parser parser) {
    try {
      return accepted(parser.canonical());
    } catch (InvalidInputException e) {
      return new Checked.Rejected(e.getMessage());
    }
  }

  private static Checked accepted(String canonical) {
    return new Checked.Accepted(canonical);
  }

  private Checked rejected() {
    return new Checked.Rejected("expected " + expected());
  }
}

package org.exhibitormesos.core.time;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhibitormesos.core.InvalidInputException;

/**
 * Parses and formats non-negative durations in the forms operators type.
 *
 * <p>Accepted by {@link #parse(String)}: a whole non-negative number, optional spaces, then a unit;
 * or a bare {@code 0}. Units are lower case and include the short forms and the long forms the
 * original framework accepted, singular or plural:
 * <ul>
 *   <li>{@code d}, {@code day}, {@code days}</li>
 *   <li>{@code h}, {@code hour}, {@code hours}</li>
 *   <li>{@code m}, {@code min}, {@code mins}, {@code minute}, {@code minutes}</li>
 *   <li>{@code s}, {@code sec}, {@code secs}, {@code second}, {@code seconds}</li>
 *   <li>{@code ms}, {@code milli}, {@code millis}, {@code millisecond}, {@code milliseconds}</li>
 *   <li>{@code us}, {@code micro}, {@code micros}, {@code microsecond}, {@code microseconds}</li>
 *   <li>{@code ns}, {@code nano}, {@code nanos}, {@code nanosecond}, {@code nanoseconds}</li>
 * </ul>
 * Fractions ({@code 1.5h}), signs, leading or trailing whitespace and upper-case units are rejected
 * rather than guessed at ({@code 5M} could mean months). {@link #format(Duration)} writes the shortest
 * exact form, which parses back to the same duration.
 */
public final class Durations {
  /** Accepted forms, appended to every parse error. */
  public static final String ACCEPTED_FORMS =
      "accepted forms: 100ms, 30s, 5m, 1h, 30d, 0 (also long forms like '30 days')";

  private static final Pattern SHAPE = Pattern.compile("(-?)([0-9]*)(\\.[0-9]*)?( *)(.*)");
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
  private static final BigInteger MAX_SECONDS = BigInteger.valueOf(Long.MAX_VALUE);
  // Above any duration java.time can hold even in nanoseconds; keeps BigInteger work bounded.
  private static final int MAX_DIGITS = 30;

  /** Units from largest to smallest: {@link #format(Duration)} picks the first that divides. */
  private enum Unit {
    DAYS(86_400_000_000_000L, "d", "day", "days"),
    HOURS(3_600_000_000_000L, "h", "hour", "hours"),
    MINUTES(60_000_000_000L, "m", "min", "mins", "minute", "minutes"),
    SECONDS(1_000_000_000L, "s", "sec", "secs", "second", "seconds"),
    MILLIS(1_000_000L, "ms", "milli", "millis", "millisecond", "milliseconds"),
    MICROS(1_000L, "us", "micro", "micros", "microsecond", "microseconds"),
    NANOS(1L, "ns", "nano", "nanos", "nanosecond", "nanoseconds");

    final BigInteger nanos;
    final List<String> names;

    Unit(long nanos, String... names) {
      this.nanos = BigInteger.valueOf(nanos);
      this.names = List.of(names);
    }

    String symbol() {
      return names.get(0);
    }
  }

  private static final Map<String, Unit> UNITS = unitsByName();

  private Durations() {}

  /**
   * @param text the operator's duration, e.g. {@code 30s} or {@code 2 hours}
   * @return the duration, never negative
   * @throws InvalidInputException naming the problem and listing the accepted forms
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw invalid("", "it is empty");
    }
    if (text.isBlank()) {
      throw invalid(text, "it is blank");
    }
    if (Character.isWhitespace(text.charAt(0))
        || Character.isWhitespace(text.charAt(text.length() - 1))) {
      throw invalid(text, "leading or trailing whitespace is not allowed");
    }
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    Matcher shape = SHAPE.matcher(text);
    if (!shape.matches() || shape.group(2).isEmpty()) {
      throw invalid(text, "expected a whole number followed by a unit");
    }
    if (!shape.group(1).isEmpty()) {
      throw invalid(text, "negative durations are not allowed");
    }
    if (shape.group(3) != null) {
      throw invalid(text, "the number must be whole; use a smaller unit (90m, not 1.5h)");
    }
    String unitName = shape.group(5);
    if (unitName.isEmpty()) {
      throw invalid(text, "missing unit (only 0 may omit it)");
    }
    Unit unit = UNITS.get(unitName);
    if (unit == null) {
      throw invalid(text, "unknown unit '" + unitName + "'");
    }
    String digits = shape.group(2);
    if (digits.length() > MAX_DIGITS) {
      throw invalid(text, "too large");
    }
    BigInteger[] secondsAndNanos =
        new BigInteger(digits).multiply(unit.nanos).divideAndRemainder(NANOS_PER_SECOND);
    if (secondsAndNanos[0].compareTo(MAX_SECONDS) > 0) {
      throw invalid(text, "too large");
    }
    return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue());
  }

  /**
   * @param duration a non-negative duration
   * @return the shortest exact form: {@code 0}, or a whole number with the largest unit that divides
   *     it exactly ({@code 10m}, {@code 30d}, {@code 1500ms})
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public static String format(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration " + duration + " has no text form");
    }
    if (duration.isZero()) {
      return "0";
    }
    // BigInteger because Duration can exceed Long.MAX_VALUE nanoseconds (about 292 years).
    BigInteger nanos = BigInteger.valueOf(duration.getSeconds()).multiply(NANOS_PER_SECOND)
        .add(BigInteger.valueOf(duration.getNano()));
    for (Unit unit : Unit.values()) {
      BigInteger[] quotientAndRemainder = nanos.divideAndRemainder(unit.nanos);
      if (quotientAndRemainder[1].signum() == 0) {
        return quotientAndRemainder[0] + unit.symbol();
      }
    }
    throw new AssertionError("every duration is a whole number of nanoseconds");
  }

  private static Map<String, Unit> unitsByName() {
    Map<String, Unit> byName = new HashMap<>();
    for (Unit unit : Unit.values()) {
      unit.names.forEach(name -> byName.put(name, unit));
    }
    return Map.copyOf(byName);
  }

  private static InvalidInputException invalid(String text, String problem) {
    return new InvalidInputException(
        "invalid duration '" + text + "': " + problem + "; " + ACCEPTED_FORMS);
  }
}

package org.exhibitormesos.mesos.http.executor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as Mesos prints them (stout's {@code Duration}): a non-negative decimal number
 * immediately followed by one of {@code ns us ms secs mins hrs days weeks}, e.g. {@code 5secs},
 * {@code 15mins}, {@code 1.5secs}, {@code 250ms}.
 */
public final class MesosDurations {
  /** The accepted form, quoted in errors. */
  public static final String ACCEPTED_FORM =
      "a number followed by one of ns, us, ms, secs, mins, hrs, days, weeks (e.g. 5secs, 15mins)";

  private static final Pattern FORMAT =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|secs|mins|hrs|days|weeks)");
  private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
      "ns", 1L,
      "us", 1_000L,
      "ms", 1_000_000L,
      "secs", 1_000_000_000L,
      "mins", 60_000_000_000L,
      "hrs", 3_600_000_000_000L,
      "days", 86_400_000_000_000L,
      "weeks", 604_800_000_000_000L);

  private MesosDurations() {}

  /**
   * Parses {@code text}; fractions of a nanosecond are rounded half up.
   *
   * @throws IllegalArgumentException naming the input and {@link #ACCEPTED_FORM}
   */
  public static Duration parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid duration '" + text + "': expected " + ACCEPTED_FORM);
    }
    BigDecimal nanos = new BigDecimal(m.group(1))
        .multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(m.group(2))))
        .setScale(0, RoundingMode.HALF_UP);
    try {
      return Duration.ofNanos(nanos.longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("invalid duration '" + text + "': too large", e);
    }
  }
}

package org.exhibitormesos.mesos.local.process;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Prints durations the way Mesos (stout) prints them into executor environments and flags: the
 * largest unit not exceeding the duration, unless the value is fractional in that unit but whole
 * in the next smaller one ({@code 1500ms}, {@code 90secs}); otherwise a decimal with up to 15
 * significant digits ({@code 1.0005secs}). Examples: {@code 5secs}, {@code 15mins}, {@code 500ms},
 * {@code 0ns}. Mesos' parser ({@code MesosDurations} in mesos-http) reads all of them back.
 */
public final class MesosDurationFormat {
  private record Unit(String name, long nanos) {}

  // Largest first.
  private static final List<Unit> UNITS = List.of(
      new Unit("weeks", 604_800_000_000_000L),
      new Unit("days", 86_400_000_000_000L),
      new Unit("hrs", 3_600_000_000_000L),
      new Unit("mins", 60_000_000_000L),
      new Unit("secs", 1_000_000_000L),
      new Unit("ms", 1_000_000L),
      new Unit("us", 1_000L),
      new Unit("ns", 1L));

  private MesosDurationFormat() {}

  /** Formats {@code duration}; negative durations get a leading {@code -}. */
  public static String format(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    long nanos = duration.toNanos();
    for (int i = 0; i < UNITS.size(); i++) {
      Unit unit = UNITS.get(i);
      if (nanos < unit.nanos() && unit.nanos() > 1) {
        continue;
      }
      if (nanos % unit.nanos() != 0 && i + 1 < UNITS.size()
          && nanos % UNITS.get(i + 1).nanos() == 0) {
        return print(nanos, UNITS.get(i + 1));
      }
      return print(nanos, unit);
    }
    throw new AssertionError("unreachable: ns matches every duration");
  }

  private static String print(long nanos, Unit unit) {
    BigDecimal value = BigDecimal.valueOf(nanos)
        .divide(BigDecimal.valueOf(unit.nanos()), new MathContext(15))
        .stripTrailingZeros();
    return value.toPlainString() + unit.name();
  }
}

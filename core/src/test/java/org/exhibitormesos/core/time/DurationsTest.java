package org.exhibitormesos.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.exhibitormesos.core.InvalidInputException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class DurationsTest {
  private static final String ACCEPTED =
      "; accepted forms: 100ms, 30s, 5m, 1h, 30d, 0 (also long forms like '30 days')";

  @DataProvider
  public Object[][] valid() {
    return new Object[][] {
        {"0", Duration.ZERO},
        {"0s", Duration.ZERO},
        {"100ms", Duration.ofMillis(100)},
        {"30s", Duration.ofSeconds(30)},
        {"5m", Duration.ofMinutes(5)},
        {"1h", Duration.ofHours(1)},
        {"30d", Duration.ofDays(30)},
        {"30 days", Duration.ofDays(30)},
        {"1 day", Duration.ofDays(1)},
        {"2 hours", Duration.ofHours(2)},
        {"1 hour", Duration.ofHours(1)},
        {"1 minute", Duration.ofMinutes(1)},
        {"10 minutes", Duration.ofMinutes(10)},
        {"10 mins", Duration.ofMinutes(10)},
        {"1min", Duration.ofMinutes(1)},
        {"60 seconds", Duration.ofSeconds(60)},
        {"1 second", Duration.ofSeconds(1)},
        {"1 sec", Duration.ofSeconds(1)},
        {"5secs", Duration.ofSeconds(5)},
        {"500 milliseconds", Duration.ofMillis(500)},
        {"1 millisecond", Duration.ofMillis(1)},
        {"2 millis", Duration.ofMillis(2)},
        {"7us", Duration.ofNanos(7_000)},
        {"3 microseconds", Duration.ofNanos(3_000)},
        {"9ns", Duration.ofNanos(9)},
        {"1 nano", Duration.ofNanos(1)},
        {"30  s", Duration.ofSeconds(30)},
        {"0010s", Duration.ofSeconds(10)},
        {"106751991167300d", Duration.ofDays(106_751_991_167_300L)},
    };
  }

  @Test(dataProvider = "valid")
  public void parsesOperatorForms(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  @DataProvider
  public Object[][] invalid() {
    return new Object[][] {
        {"", "it is empty"},
        {"  ", "it is blank"},
        {"abc", "expected a whole number followed by a unit"},
        {"s", "expected a whole number followed by a unit"},
        {"-5s", "negative durations are not allowed"},
        {"-0", "negative durations are not allowed"},
        {"+5s", "expected a whole number followed by a unit"},
        {"30", "missing unit (only 0 may omit it)"},
        {"30x", "unknown unit 'x'"},
        {"30 fortnights", "unknown unit 'fortnights'"},
        {"5M", "unknown unit 'M'"},
        {"5 Seconds", "unknown unit 'Seconds'"},
        {"1.5h", "the number must be whole; use a smaller unit (90m, not 1.5h)"},
        {" 30s", "leading or trailing whitespace is not allowed"},
        {"30s ", "leading or trailing whitespace is not allowed"},
        {"106751991167301d", "too large"},
        {"9223372036854775808s", "too large"},
        {"1000000000000000000000000000000ns", "too large"},
        {"5s5m", "unknown unit 's5m'"},
        {"5 s.x", "unknown unit 's.x'"},
        {"1.h", "the number must be whole; use a smaller unit (90m, not 1.5h)"},
    };
  }

  @Test(dataProvider = "invalid")
  public void rejectsWithAnExplanation(String text, String problem) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid duration '" + text + "': " + problem + ACCEPTED);
  }

  @DataProvider
  public Object[][] formats() {
    return new Object[][] {
        {Duration.ZERO, "0"},
        {Duration.ofMinutes(10), "10m"},
        {Duration.ofDays(30), "30d"},
        {Duration.ofHours(48), "2d"},
        {Duration.ofHours(25), "25h"},
        {Duration.ofMillis(1500), "1500ms"},
        {Duration.ofSeconds(90), "90s"},
        {Duration.ofMillis(60_000), "1m"},
        {Duration.ofNanos(1_500), "1500ns"},
        {Duration.ofNanos(2_000), "2us"},
        {Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), "9223372036854775807999999999ns"},
    };
  }

  @Test(dataProvider = "formats")
  public void formatsTheShortestExactFormAndRoundTrips(Duration duration, String expected) {
    assertThat(Durations.format(duration)).isEqualTo(expected);
    assertThat(Durations.parse(expected)).isEqualTo(duration);
  }

  @Test
  public void refusesToFormatNegativeDurations() {
    assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

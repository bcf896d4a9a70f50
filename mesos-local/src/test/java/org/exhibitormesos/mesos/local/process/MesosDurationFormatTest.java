package org.exhibitormesos.mesos.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.exhibitormesos.mesos.http.executor.MesosDurations;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class MesosDurationFormatTest {
  @DataProvider
  public Object[][] durations() {
    return new Object[][] {
        {Duration.ZERO, "0ns"},
        {Duration.ofNanos(999), "999ns"},
        {Duration.ofNanos(1_500), "1500ns"},
        {Duration.ofMillis(500), "500ms"},
        {Duration.ofSeconds(2), "2secs"},
        {Duration.ofSeconds(5), "5secs"},
        {Duration.ofMillis(1_500), "1500ms"},
        {Duration.ofNanos(1_000_500_000), "1.0005secs"},
        {Duration.ofSeconds(90), "90secs"},
        {Duration.ofMinutes(15), "15mins"},
        {Duration.ofMinutes(90), "90mins"},
        {Duration.ofHours(2), "2hrs"},
        {Duration.ofDays(1), "1days"},
        {Duration.ofDays(10), "10days"},
        {Duration.ofDays(14), "2weeks"},
        {Duration.ofSeconds(-5), "-5secs"},
    };
  }

  @Test(dataProvider = "durations")
  public void printsLikeStoutAndParsesBack(Duration duration, String text) {
    assertThat(MesosDurationFormat.format(duration)).isEqualTo(text);
    if (!duration.isNegative()) {
      assertThat(MesosDurations.parse(text)).isEqualTo(duration);
    }
  }
}

package org.exhibitormesos.mesos.http.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class MesosDurationsTest {
  @DataProvider
  public Object[][] valid() {
    return new Object[][] {
        {"15mins", Duration.ofMinutes(15)},
        {"2secs", Duration.ofSeconds(2)},
        {"5secs", Duration.ofSeconds(5)},
        {"1.5secs", Duration.ofMillis(1500)},
        {"250ms", Duration.ofMillis(250)},
        {"10us", Duration.ofNanos(10_000)},
        {"7ns", Duration.ofNanos(7)},
        {"3hrs", Duration.ofHours(3)},
        {"2days", Duration.ofDays(2)},
        {"1weeks", Duration.ofDays(7)},
        {"0ns", Duration.ZERO},
        {" 5secs ", Duration.ofSeconds(5)},
    };
  }

  @Test(dataProvider = "valid")
  public void parsesWhatMesosPrints(String text, Duration expected) {
    assertThat(MesosDurations.parse(text)).isEqualTo(expected);
  }

  @DataProvider
  public Object[][] invalid() {
    return new Object[][] {{"5"}, {"5s"}, {"5 secs"}, {"-5secs"}, {"secs"}, {"1e3secs"}, {""},
        {"99999999999weeks"}};
  }

  @Test(dataProvider = "invalid")
  public void rejectsOtherFormsNamingTheAcceptedOne(String text) {
    assertThatThrownBy(() -> MesosDurations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid duration '" + text + "'");
  }
}

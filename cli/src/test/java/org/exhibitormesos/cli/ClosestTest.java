package org.exhibitormesos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class ClosestTest {
  private static final List<String> NAMES = List.of("status", "start", "stop", "--timeout", "--json");

  @DataProvider
  public Object[][] cases() {
    return new Object[][] {
        {"stauts", Optional.of("status")},
        {"strat", Optional.of("start")},
        {"STOP", Optional.of("stop")},
        {"--timout", Optional.of("--timeout")},
        {"-json", Optional.of("--json")},
        {"frobnicate", Optional.empty()},
        {"", Optional.empty()},
    };
  }

  @Test(dataProvider = "cases")
  public void suggestsTheNearestWithinAFewEdits(String typed, Optional<String> expected) {
    assertThat(Closest.to(typed, NAMES)).isEqualTo(expected);
  }

  @Test
  public void distance() {
    assertThat(org.exhibitormesos.core.ClosestName.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(org.exhibitormesos.core.ClosestName.distance("", "abc")).isEqualTo(3);
    assertThat(org.exhibitormesos.core.ClosestName.distance("same", "same")).isZero();
  }
}

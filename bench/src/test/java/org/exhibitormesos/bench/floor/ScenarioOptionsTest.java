package org.exhibitormesos.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.Test;

public class ScenarioOptionsTest {

  @Test
  public void sidesDefaultToFloorThenOursAndCanBeChosen() {
    assertThat(ScenarioMain.Options.parse(new String[0]).sides()).containsExactly("floor", "ours");
    ScenarioMain.Options o = ScenarioMain.Options.parse(new String[] {"--sides", "ours", "--servers", "5",
        "--scheduler-jar", "s.jar", "--artifacts", "a", "--keep", "true"});
    assertThat(o.sides()).containsExactly("ours");
    assertThat(o.servers()).containsExactly(5);
    assertThat(o.schedulerJar()).isEqualTo(Path.of("s.jar"));
    assertThat(o.artifacts()).isEqualTo(Path.of("a"));
    assertThat(o.keep()).isTrue();
  }

  @Test
  public void badSidesAndFlagsAreRefusedWithWhatIsAccepted() {
    assertThatThrownBy(() -> ScenarioMain.Options.parse(new String[] {"--sides", "floor,bare"}))
        .hasMessageContaining("--sides takes floor and/or ours").hasMessageContaining("bare");
    assertThatThrownBy(() -> ScenarioMain.Options.parse(new String[] {"--nope", "1"}))
        .hasMessageContaining("unknown flag --nope").hasMessageContaining("--sides floor,ours");
  }

  @Test
  public void ratioIsOfTheMediansWithThePairwiseSpread() {
    Samples floor = new Samples(List.of(ms(1000), ms(2000), ms(4000)));
    Samples ours = new Samples(List.of(ms(1500), ms(2000), ms(2000)));
    ScenarioMain.Ratio r = ScenarioMain.Ratio.of(ours, floor);
    assertThat(r.ofMedians()).isEqualTo(1.0);
    assertThat(r.min()).isEqualTo(0.5);
    assertThat(r.max()).isEqualTo(1.5);
    assertThat(r.toString()).isEqualTo("ours/floor 1.00x (pairwise 0.50..1.50)");
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}

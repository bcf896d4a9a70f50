package org.exhibitormesos.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/**
 * Proves the floor runs end to end with real ZooKeeper processes: one warm-up and one run of three
 * servers (about half a minute). Runs after packaging, which copies the servers' jars.
 */
public class FloorSmokeIT {

  @Test
  public void threeServersOnce() throws Exception {
    Path work = Files.createTempDirectory("floor-smoke");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Map<String, Map<Metric, Samples>> result;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      result = ScenarioMain.run(new ScenarioMain.Options(List.of(3), 1, Path.of("target", "zookeeper-lib"), work,
          List.of("floor"), Path.of("target", "ours", "scheduler.jar"), Path.of("target", "ours", "artifacts"), false),
          out);
    }
    assertThat(result).containsOnlyKeys("floor");
    assertThat(result.get("floor")).containsOnlyKeys(Metric.TIME_TO_QUORUM, Metric.FOLLOWER_RECOVERY,
        Metric.LEADER_FAILOVER);
    result.get("floor").values().forEach(s -> assertThat(s.median()).isPositive());
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("time to quorum");
    try (var left = Files.list(work)) {
      assertThat(left).as("every run removes its ensemble's directory").isEmpty();
    }
    Files.delete(work);
  }
}

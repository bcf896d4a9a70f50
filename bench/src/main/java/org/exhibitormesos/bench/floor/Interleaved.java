package org.exhibitormesos.bench.floor;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every side once per round, in the given order, for a number of rounds (floor, ours, floor,
 * ours ...), and collects each side's samples per metric. A warm-up round, not recorded, lets the
 * page cache and the JIT of the runner settle.
 */
final class Interleaved {
  private final List<Side> sides;
  private final PrintStream progress;

  Interleaved(List<Side> sides, PrintStream progress) {
    if (sides.isEmpty()) {
      throw new IllegalArgumentException("at least one side is needed");
    }
    this.sides = List.copyOf(sides);
    this.progress = progress;
  }

  /**
   * @return samples by side name, then by metric, each with {@code rounds} values
   * @throws Exception the first failure of a side; the remaining runs are not attempted
   */
  Map<String, Map<Metric, Samples>> run(int servers, int rounds) throws Exception {
    for (Side side : sides) {
      progress.printf("%d servers, %s, warm-up: %s%n", servers, side.name(), side.runOnce(servers));
    }
    Map<String, Map<Metric, List<Duration>>> collected = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (Side side : sides) {
        Map<Metric, Duration> once = side.runOnce(servers);
        progress.printf("%d servers, %s, run %d/%d: %s%n", servers, side.name(), round, rounds, once);
        Map<Metric, List<Duration>> bySide = collected.computeIfAbsent(side.name(), n -> new EnumMap<>(Metric.class));
        once.forEach((metric, d) -> bySide.computeIfAbsent(metric, m -> new ArrayList<>()).add(d));
      }
    }
    Map<String, Map<Metric, Samples>> result = new LinkedHashMap<>();
    collected.forEach((side, byMetric) -> {
      Map<Metric, Samples> samples = new EnumMap<>(Metric.class);
      byMetric.forEach((metric, list) -> samples.put(metric, new Samples(list)));
      result.put(side, samples);
    });
    return result;
  }
}

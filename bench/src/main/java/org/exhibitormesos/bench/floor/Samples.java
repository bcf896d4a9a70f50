package org.exhibitormesos.bench.floor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The durations of one metric on one side: median and spread.
 *
 * @param values in run order; copied
 */
record Samples(List<Duration> values) {
  Samples {
    values = List.copyOf(values);
  }

  Duration median() {
    List<Duration> sorted = sorted();
    int n = sorted.size();
    if (n == 0) {
      throw new IllegalStateException("no samples");
    }
    return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
  }

  Duration min() {
    return sorted().get(0);
  }

  Duration max() {
    return sorted().get(values.size() - 1);
  }

  /** One line: {@code median 1234 ms, min 1100, max 1500, runs 5: 1234 1100 ...}. */
  String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("median %5d ms  min %5d  max %5d  runs %d:", median().toMillis(), min().toMillis(),
        max().toMillis(), values.size()));
    values.forEach(v -> sb.append(' ').append(v.toMillis()));
    return sb.toString();
  }

  private List<Duration> sorted() {
    List<Duration> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted;
  }
}

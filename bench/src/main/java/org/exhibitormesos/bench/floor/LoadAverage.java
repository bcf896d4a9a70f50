package org.exhibitormesos.bench.floor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's 1, 5 and 15 minute load averages from {@code /proc/loadavg}, for the report. */
public final class LoadAverage {
  private LoadAverage() {
  }

  /** {@code "4.51 6.07 5.00"}, or {@code "unknown"} off Linux. */
  public static String now() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}

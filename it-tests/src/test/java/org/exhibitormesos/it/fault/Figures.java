package org.exhibitormesos.it.fault;

import java.time.Duration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** One line per scenario figure in the test log, prefixed {@code FAULT-FIGURES} so they can be grepped. */
final class Figures {
  private static final Logger LOG = LogManager.getLogger(Figures.class);

  private Figures() {}

  static void report(String scenario, String what) {
    String line = "FAULT-FIGURES " + scenario + ": " + what;
    LOG.info(line);
    System.out.println(line);
  }

  static String seconds(long startNanos) {
    return String.format("%.1f s", Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0);
  }
}

package org.exhibitormesos.it.fault;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The mesos-local run markers the fault suite used in this JVM, for the final leftover check. */
final class RunLedger {
  private static final List<String> MARKERS = new CopyOnWriteArrayList<>();

  private RunLedger() {}

  static void record(String marker) {
    MARKERS.add(marker);
  }

  static List<String> markers() {
    return List.copyOf(MARKERS);
  }
}

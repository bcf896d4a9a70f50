package org.exhibitormesos.it.fault;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The mesos-local run markers the fault suite used in this JVM, and those closed, for the leftover checks. */
final class RunLedger {
  private static final List<String> MARKERS = new CopyOnWriteArrayList<>();
  private static final List<String> CLOSED = new CopyOnWriteArrayList<>();

  private RunLedger() {}

  static void record(String marker) {
    MARKERS.add(marker);
  }

  static void closed(String marker) {
    CLOSED.add(marker);
  }

  static List<String> markers() {
    return List.copyOf(MARKERS);
  }

  static List<String> closed() {
    return List.copyOf(CLOSED);
  }
}

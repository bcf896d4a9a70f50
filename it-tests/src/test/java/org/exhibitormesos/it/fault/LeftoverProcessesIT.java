package org.exhibitormesos.it.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.exhibitormesos.mesos.local.process.RunMarkers;
import org.testng.annotations.AfterSuite;
import org.testng.annotations.Test;

/**
 * No process carrying the run marker of a mesos-local the fault suite started is left alive
 * (executors, ZooKeepers and their children): checked for the runs closed so far when this class
 * runs, and for every run after the whole suite. Markers of other runs on this machine (other
 * builds) are not this suite's to judge.
 */
public class LeftoverProcessesIT {
  @Test
  public void noProcessOfAClosedRunIsLeft() {
    List<String> left = leftovers(RunLedger.closed());
    Figures.report("leftovers so far", RunLedger.closed().size() + " closed mesos-local runs checked, " + left.size()
        + " processes left");
    assertThat(left).as("processes left by closed fault-suite runs").isEmpty();
  }

  @AfterSuite(alwaysRun = true)
  public void noProcessOfTheSuiteIsLeft() {
    List<String> left = leftovers(RunLedger.markers());
    Figures.report("leftovers after the suite", RunLedger.markers().size() + " mesos-local runs checked, "
        + left.size() + " processes left");
    assertThat(left).as("processes left by the fault suite").isEmpty();
  }

  private static List<String> leftovers(List<String> markers) {
    List<String> left = new ArrayList<>();
    for (String marker : markers) {
      for (ProcessHandle p : RunMarkers.find(marker)) {
        if (p.isAlive()) {
          left.add(p.pid() + " " + p.info().commandLine().orElse("?") + " (" + marker + ")");
        }
      }
    }
    return left;
  }
}

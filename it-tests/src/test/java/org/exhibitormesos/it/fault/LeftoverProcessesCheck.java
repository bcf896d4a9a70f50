package org.exhibitormesos.it.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.exhibitormesos.mesos.local.process.RunMarkers;
import org.testng.annotations.AfterSuite;

/**
 * After the whole suite: no process carrying the run marker of any mesos-local the fault suite
 * started is alive (executors, ZooKeepers and their children were all stopped). Markers of other
 * runs on this machine (other builds) are not this suite's to judge.
 */
public class LeftoverProcessesCheck {
  @AfterSuite(alwaysRun = true)
  public void noProcessOfTheSuiteIsLeft() throws Exception {
    List<String> left = new ArrayList<>();
    for (String marker : RunLedger.markers()) {
      for (ProcessHandle p : RunMarkers.find(marker)) {
        if (p.isAlive()) {
          left.add(p.pid() + " " + p.info().commandLine().orElse("?") + " (" + marker + ")");
        }
      }
    }
    Figures.report("leftovers", RunLedger.markers().size() + " mesos-local runs checked, " + left.size()
        + " processes left");
    assertThat(left).as("processes left by the fault suite").isEmpty();
  }
}

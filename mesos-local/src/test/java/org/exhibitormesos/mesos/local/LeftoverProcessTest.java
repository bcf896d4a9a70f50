package org.exhibitormesos.mesos.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.exhibitormesos.mesos.local.process.RunMarkers;
import org.exhibitormesos.mesos.local.testing.Await;
import org.exhibitormesos.mesos.local.testing.ProcessFixture;
import org.testng.annotations.AfterSuite;
import org.testng.annotations.Test;

/** After the whole suite: no process carries the run marker of any mesos-local the tests started. */
public class LeftoverProcessTest {
  @Test
  public void markersAreRecorded() {
    // The real check runs after the suite; this keeps the class in the run.
    assertThat(ProcessFixture.MARKERS).isNotNull();
  }

  @AfterSuite(alwaysRun = true)
  public void noProcessCarriesARunMarker() throws Exception {
    for (String marker : ProcessFixture.MARKERS) {
      Await.until(Duration.ofSeconds(10), () -> RunMarkers.find(marker).isEmpty(),
          "processes of run " + marker + " to be gone: " + RunMarkers.find(marker));
    }
    System.out.println("leftover check: " + ProcessFixture.MARKERS.size()
        + " run marker(s), no process left");
  }
}

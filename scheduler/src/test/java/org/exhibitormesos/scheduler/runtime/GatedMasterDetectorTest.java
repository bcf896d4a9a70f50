package org.exhibitormesos.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.master.MasterDetector;
import org.exhibitormesos.mesos.http.master.MasterSpec;
import org.testng.annotations.Test;

public class GatedMasterDetectorTest {

  @Test
  public void namesTheMasterOnlyWhileTheSchedulerMayAct() throws Exception {
    ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    AtomicBoolean leading = new AtomicBoolean(true);
    try (MasterDetector detector = new GatedMasterDetector(
        MasterDetector.create(MasterSpec.parse("127.0.0.1:5050"), Duration.ofSeconds(10), thread), leading::get)) {
      detector.start();
      assertThat(detector.leader().get(5, TimeUnit.SECONDS)).isEqualTo(new HostAndPort("127.0.0.1", 5050));
      leading.set(false);
      assertThat(detector.leader()).isCompletedExceptionally();
      assertThat(detector.leader().handle((ok, e) -> e).get()).isInstanceOf(CancellationException.class);
      leading.set(true);
      assertThat(detector.leader().get(5, TimeUnit.SECONDS)).isEqualTo(new HostAndPort("127.0.0.1", 5050));
    } finally {
      thread.shutdownNow();
    }
  }
}

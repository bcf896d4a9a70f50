package org.exhibitormesos.scheduler.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.exhibitormesos.core.membership.MembershipStep;
import org.exhibitormesos.core.state.ClusterState;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

/** The driver's rules that need no ZooKeeper: it never bootstraps and opens no session without a member. */
public class MembershipDriverTest {
  private final ScheduledExecutorService executor = Fixture.executor("driver-test");

  @AfterClass(alwaysRun = true)
  public void stop() {
    executor.shutdownNow();
  }

  @Test
  public void anEnsembleThatWasNeverBootstrappedIsLeftAlone() {
    AtomicInteger opened = new AtomicInteger();
    RecordingState state = new RecordingState(ClusterState.initial(LocalEnsemble.SECRET));
    try (MembershipDriver driver = driver(state, opened)) {
      assertThat(driver.runOnce()).isEqualTo(new MembershipStep.Idle());
    }
    assertThat(opened).hasValue(0);
    assertThat(state.events()).isEmpty();
  }

  @Test
  public void aBootstrappedEnsembleWithoutTasksWaits() {
    AtomicInteger opened = new AtomicInteger();
    ClusterState s = ClusterState.initial(LocalEnsemble.SECRET);
    RecordingState state = new RecordingState(s.withEnsemble(s.ensemble().withBootstrap(List.of(1, 2, 3))));
    try (MembershipDriver driver = driver(state, opened)) {
      assertThat(driver.runOnce()).isInstanceOf(MembershipStep.Wait.class);
    }
    assertThat(opened).hasValue(0);
    assertThat(state.events()).hasSize(1).first().isInstanceOf(MembershipEvent.Waiting.class);
  }

  @Test
  public void startIsOnceAndCloseIsIdempotent() {
    RecordingState state = new RecordingState(ClusterState.initial(LocalEnsemble.SECRET));
    MembershipDriver driver = driver(state, new AtomicInteger());
    driver.start();
    assertThatThrownBy(driver::start).isInstanceOf(IllegalStateException.class);
    driver.poke();
    driver.close();
    driver.close();
    driver.poke();
    assertThatThrownBy(driver::start).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(driver::runOnce).isInstanceOf(IllegalStateException.class);
  }

  @Test
  public void settingsComeFromTheFlags() {
    var config = org.exhibitormesos.scheduler.config.SchedulerFlags.parse(List.of("--master", "127.0.0.1:5050",
        "--api", "http://127.0.0.1:7000", "--ensemble-modify-retries", "7", "--ensemble-modify-backoff", "1500"),
        java.util.Map.of("USER", "zk"), java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))).orElseThrow();
    MembershipSettings settings = MembershipSettings.from(config);
    assertThat(settings.modifyRetries()).isEqualTo(7);
    assertThat(settings.modifyBackoff()).hasMillis(1500);
  }

  private MembershipDriver driver(RecordingState state, AtomicInteger opened) {
    MembershipDriver.ClientFactory clients = (servers, secret) -> {
      opened.incrementAndGet();
      return new EnsembleClient(servers, secret, Fixture.SETTINGS.sessionTimeout(), Fixture.SETTINGS.operationTimeout());
    };
    return new MembershipDriver(state::get, state, clients, new FourLetterWords(Fixture.SETTINGS.probeTimeout(),
        Fixture.SETTINGS.probeTimeout()), Fixture.SETTINGS, executor, Clock.systemUTC());
  }
}

package org.exhibitormesos.scheduler.membership;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.membership.MembershipStep;
import org.exhibitormesos.core.server.Identity.Membership;

/** Shared pieces of the real-ZooKeeper membership tests. */
final class Fixture {
  static final MembershipSettings SETTINGS = new MembershipSettings(3, Duration.ofMillis(300), Duration.ofMillis(300),
      Duration.ofSeconds(10), Duration.ofSeconds(4), Duration.ofSeconds(1));
  static final Duration STARTUP = Duration.ofSeconds(90);
  static final Duration CHANGE = Duration.ofSeconds(60);

  private Fixture() {
  }

  static EnsembleClient client(List<EnsembleMember> members) {
    return new EnsembleClient(Ensemble.of(members).connectString(), LocalEnsemble.SECRET, SETTINGS.sessionTimeout(),
        SETTINGS.operationTimeout());
  }

  /** A driver for {@link MembershipDriver#runOnce()} calls (never started). */
  static MembershipDriver driver(RecordingState state, ScheduledExecutorService executor) {
    return MembershipDriver.create(state::get, state, SETTINGS, executor, Clock.systemUTC());
  }

  static ScheduledExecutorService executor(String name) {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  static Ensemble committed(EnsembleClient client) {
    return Await.until("the committed config", STARTUP,
        () -> client.readCommitted() instanceof ConfigRead.Committed c ? Optional.of(c.ensemble()) : Optional.empty());
  }

  /** Runs rounds until one returns a step of {@code type}; the steps before it must be waits or marks. */
  static <T extends MembershipStep> T roundsUntil(MembershipDriver driver, Class<T> type, Duration timeout) {
    return Await.until("a " + type.getSimpleName() + " step", timeout, () -> {
      MembershipStep step = driver.runOnce();
      return type.isInstance(step) ? Optional.of(type.cast(step)) : Optional.empty();
    });
  }

  /** Runs rounds until every server of the state is a voter and the cluster id is recorded. */
  static void roundsUntilAllVoters(MembershipDriver driver, RecordingState state) {
    Await.until("all servers voters with a cluster id", STARTUP, () -> {
      driver.runOnce();
      return state.get().ensemble().clusterId().isPresent()
          && state.get().serverList().stream().allMatch(s -> s.identity().membership() == Membership.VOTER);
    });
  }

  static List<Integer> voters(Ensemble e) {
    return e.voters().stream().map(EnsembleMember::myid).toList();
  }
}

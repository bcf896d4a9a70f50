package org.exhibitormesos.scheduler.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.membership.MemberProbe.Mode;
import org.exhibitormesos.core.membership.MembershipStep;
import org.exhibitormesos.core.server.Identity.Membership;
import org.testng.ITestResult;
import org.testng.annotations.AfterClass;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The membership driver and its client against one real 3-member ZooKeeper 3.9 ensemble shared by
 * every test here (none leaves it damaged): bootstrap, probes, the identity znode, a stale
 * conditional reconfig, a joiner reconfigured in and removed again, and a replayed step after a
 * "crash".
 */
public class MembershipDriverIT {
  private static final long FIRST_VERSION = 0x100000000L;
  private LocalEnsemble zk;
  private List<EnsembleMember> members;
  private RecordingState state;
  private EnsembleClient client;
  private ScheduledExecutorService executor;
  private MembershipDriver driver;
  private long launchedAt;

  @BeforeClass
  public void bootstrap() {
    zk = new LocalEnsemble();
    members = List.of(zk.member(1, "127.0.0.2"), zk.member(2, "127.0.0.3"), zk.member(3, "127.0.0.4"));
    state = RecordingState.bootstrapped(members, zk);
    launchedAt = System.nanoTime();
    zk.bootstrap(members);
    client = Fixture.client(members);
    executor = Fixture.executor("membership-it");
    driver = Fixture.driver(state, executor);
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (driver != null) {
      driver.close();
    }
    if (client != null) {
      client.close();
    }
    if (executor != null) {
      executor.shutdownNow();
    }
    if (zk != null) {
      zk.close();
    }
  }

  @AfterMethod(alwaysRun = true)
  public void printLogsOnFailure(ITestResult result) {
    if (!result.isSuccess()) {
      System.out.println(zk.logs());
    }
  }

  @Test
  public void bootstrapCommitsTheFirstConfigAndAStartedDriverMarksEveryVoter() {
    Ensemble committed = Fixture.committed(client);
    System.out.printf("bootstrap: committed config readable %d ms after launch%n", sinceMs(launchedAt));
    assertThat(Fixture.voters(committed)).containsExactly(1, 2, 3);
    assertThat(committed.observers()).isEmpty();
    assertThat(committed.version()).isEqualTo(FIRST_VERSION);

    RecordingState own = RecordingState.bootstrapped(members, zk);
    long start = System.nanoTime();
    MembershipDriver started = MembershipDriver.create(own::get, own, Fixture.SETTINGS, executor, Clock.systemUTC());
    try {
      started.start();
      Await.until("a started driver to mark all three voters", Fixture.STARTUP, () ->
          own.get().ensemble().clusterId().isPresent()
              && own.get().serverList().stream().allMatch(s -> s.identity().membership() == Membership.VOTER));
    } finally {
      started.close();
      started.close();
    }
    System.out.printf("bootstrap: started driver marked 3 voters in %d ms%n", sinceMs(start));
    assertThat(own.events(MembershipEvent.MarkVoter.class)).extracting(MembershipEvent.MarkVoter::myid)
        .contains(1, 2, 3);
    assertThat(own.events(MembershipEvent.ConfigObserved.class)).extracting(MembershipEvent.ConfigObserved::version)
        .contains(FIRST_VERSION);
    assertThat(own.events(MembershipEvent.Refused.class)).isEmpty();

    // The class's own state: the same ensemble, so the same cluster id is learned, not made anew.
    Fixture.roundsUntilAllVoters(driver, state);
    assertThat(state.get().ensemble().clusterId()).isEqualTo(own.get().ensemble().clusterId());
    assertThat(state.get().ensemble().configVersion()).isEqualTo(FIRST_VERSION);
    assertThat(driver.runOnce()).isEqualTo(new MembershipStep.Idle());
  }

  @Test(dependsOnMethods = "bootstrapCommitsTheFirstConfigAndAStartedDriverMarksEveryVoter")
  public void fourLetterWordsShowOneLeaderAndTwoFollowers() {
    FourLetterWords words = new FourLetterWords(Duration.ofSeconds(1), Duration.ofSeconds(1));
    List<Mode> modes = members.stream().map(m -> words.srvr(m.clientHost(), m.clientPort()).mode()).toList();
    assertThat(modes).containsOnly(Mode.LEADER, Mode.FOLLOWER).filteredOn(m -> m == Mode.LEADER).hasSize(1);
    for (EnsembleMember m : members) {
      assertThat(words.srvr(m.clientHost(), m.clientPort()).zxid()).isPresent();
      assertThat(words.peerState(m.clientHost(), m.clientPort())).hasValueSatisfying(p -> assertThat(p).endsWith("broadcast"));
      assertThat(words.conf(m.clientHost(), m.clientPort())).hasValueSatisfying(c -> assertThat(c).contains("version=100000000"));
    }
    EnsembleMember unused = zk.member(9, "127.0.0.5");
    ServerStatus nobody = words.srvr(unused.clientHost(), unused.clientPort());
    assertThat(nobody.mode()).isEqualTo(Mode.UNREACHABLE);
    assertThat(nobody.detail()).isNotEmpty();
  }

  @Test(dependsOnMethods = "bootstrapCommitsTheFirstConfigAndAStartedDriverMarksEveryVoter")
  public void theClusterIdIsCreatedOnceAndEveryMemberServesIt() {
    String ours = state.get().ensemble().clusterId().orElseThrow();
    assertThat(client.ensureClusterId("someone-else")).isEqualTo(new ClusterIdRead.Found(ours));
    assertThat(client.readClusterId()).isEqualTo(new ClusterIdRead.Found(ours));
    for (EnsembleMember m : members) {
      assertThat(client.holdsClusterId(m.clientAddress(), ours)).as("myid %d", m.myid()).isTrue();
      assertThat(client.holdsClusterId(m.clientAddress(), "another-id")).isFalse();
    }
    EnsembleMember unused = zk.member(9, "127.0.0.5");
    long start = System.nanoTime();
    assertThat(client.holdsClusterId(unused.clientAddress(), ours)).isFalse();
    assertThat(sinceMs(start)).isLessThan(Fixture.SETTINGS.operationTimeout().toMillis() + 2000);
  }

  @Test(dependsOnMethods = "bootstrapCommitsTheFirstConfigAndAStartedDriverMarksEveryVoter")
  public void aReconfigFromAStaleVersionIsStaleAndChangesNothing() {
    Ensemble before = Fixture.committed(client);
    MembershipStep.Reconfigure stale = new MembershipStep.Reconfigure(List.of(), List.of(3), before.version() - 1,
        "test: a version that is not the current one");
    assertThat(client.reconfigure(stale)).isEqualTo(new ReconfigResult.Stale());
    assertThat(Fixture.committed(client)).isEqualTo(before);
  }

  @Test(dependsOnMethods = "bootstrapCommitsTheFirstConfigAndAStartedDriverMarksEveryVoter")
  public void anEnsembleHoldingAnotherClusterIdIsRefused() {
    RecordingState other = new RecordingState(state.get().withEnsemble(state.get().ensemble().withClusterId("not-ours")));
    other.setMembership(2, Membership.LEAVING);
    try (MembershipDriver foreign = Fixture.driver(other, executor)) {
      MembershipStep step = foreign.runOnce();
      assertThat(step).isInstanceOf(MembershipStep.Refuse.class);
      assertThat(((MembershipStep.Refuse) step).reason()).contains("not-ours").contains(state.get().ensemble().clusterId().orElseThrow());
    }
    assertThat(other.events(MembershipEvent.Refused.class)).hasSize(1);
    assertThat(other.events(MembershipEvent.ClusterIdObserved.class)).isEmpty();
  }

  @Test(dependsOnMethods = {"bootstrapCommitsTheFirstConfigAndAStartedDriverMarksEveryVoter",
      "anEnsembleHoldingAnotherClusterIdIsRefused", "aReconfigFromAStaleVersionIsStaleAndChangesNothing", "theClusterIdIsCreatedOnceAndEveryMemberServesIt",
      "fourLetterWordsShowOneLeaderAndTwoFollowers"})
  public void aJoinerIsReconfiguredInOnceSyncedAndRemovedAgain() {
    Ensemble before = Fixture.committed(client);
    EnsembleMember joiner = zk.member(4, "127.0.0.5");
    state.update(s -> s.withServer(RecordingState.running(3, joiner, zk.ports(4), Membership.JOINING)));
    long launched = System.nanoTime();
    zk.launchJoiner(before, joiner);

    // Until the joiner is synced and holds our cluster id, the driver only waits.
    MembershipStep.Reconfigure add = Fixture.roundsUntil(driver, MembershipStep.Reconfigure.class, Fixture.CHANGE);
    System.out.printf("join: reconfigured in %d ms after launching the joiner%n", sinceMs(launched));
    assertThat(add.joining()).extracting(EnsembleMember::myid).containsExactly(4);
    assertThat(add.leaving()).isEmpty();
    assertThat(add.fromVersion()).isEqualTo(before.version());
    assertThat(state.events(MembershipEvent.Waiting.class)).isNotEmpty();

    Ensemble four = Fixture.committed(client);
    assertThat(Fixture.voters(four)).containsExactly(1, 2, 3, 4);
    assertThat(four.version()).isGreaterThan(before.version());
    assertThat(Fixture.roundsUntil(driver, MembershipStep.MarkVoter.class, Fixture.CHANGE))
        .isEqualTo(new MembershipStep.MarkVoter(ServerId.of(3), 4));
    assertThat(state.membership(3)).isEqualTo(Membership.VOTER);
    assertThat(driver.runOnce()).isEqualTo(new MembershipStep.Idle());

    // A scheduler that crashed right after that reconfig replays the same step: BadVersion, and a
    // re-read shows nothing left to do.
    assertThat(client.reconfigure(add)).isEqualTo(new ReconfigResult.Stale());
    assertThat(Fixture.committed(client)).isEqualTo(four);
    assertThat(driver.runOnce()).isEqualTo(new MembershipStep.Idle());

    // Remove it: LEAVING -> reconfig out -> barrier -> MarkLeft, then the process may stop.
    state.setMembership(3, Membership.LEAVING);
    state.clearEvents();
    long removing = System.nanoTime();
    MembershipStep.Reconfigure remove = Fixture.roundsUntil(driver, MembershipStep.Reconfigure.class, Fixture.CHANGE);
    System.out.printf("remove: reconfigured out in %d ms%n", sinceMs(removing));
    assertThat(remove.joining()).isEmpty();
    assertThat(remove.leaving()).containsExactly(4);
    assertThat(Fixture.roundsUntil(driver, MembershipStep.MarkLeft.class, Fixture.CHANGE))
        .isEqualTo(new MembershipStep.MarkLeft(ServerId.of(3), 4));
    assertThat(state.events(MembershipEvent.MarkLeft.class)).containsExactly(new MembershipEvent.MarkLeft(ServerId.of(3), 4));
    Ensemble three = Fixture.committed(client);
    assertThat(Fixture.voters(three)).containsExactly(1, 2, 3);
    assertThat(three.member(4)).isEmpty();
    assertThat(zk.node(4).alive()).as("a removed server runs until the scheduler stops it").isTrue();
    zk.node(4).kill();
    state.update(s -> s.withoutServer(ServerId.of(3)));
    assertThat(driver.runOnce()).isEqualTo(new MembershipStep.Idle());
  }

  @Test(dependsOnMethods = "aJoinerIsReconfiguredInOnceSyncedAndRemovedAgain")
  public void aClosedDriverRunsNoMoreRounds() {
    MembershipDriver closing = Fixture.driver(state, executor);
    assertThat(closing.runOnce()).isEqualTo(new MembershipStep.Idle());
    closing.close();
    closing.close();
    closing.poke();
    org.assertj.core.api.Assertions.assertThatThrownBy(closing::runOnce).isInstanceOf(IllegalStateException.class);
  }

  private static long sinceMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}

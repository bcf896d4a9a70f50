package org.exhibitormesos.scheduler.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.membership.MemberProbe.Mode;
import org.exhibitormesos.core.membership.MembershipStep;
import org.exhibitormesos.core.server.Identity.Membership;
import org.testng.ITestResult;
import org.testng.annotations.AfterClass;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Damaging scenarios on an ensemble of their own: a member lost for good is replaced by a new
 * identity in one reconfiguration; then two of three voters die and every change is refused.
 */
public class MemberReplacementIT {
  private final FourLetterWords words = new FourLetterWords(Duration.ofSeconds(1), Duration.ofSeconds(1));
  private LocalEnsemble zk;
  private List<EnsembleMember> members;
  private RecordingState state;
  private EnsembleClient client;
  private ScheduledExecutorService executor;
  private MembershipDriver driver;

  @BeforeClass
  public void bootstrapAndMarkVoters() {
    zk = new LocalEnsemble();
    members = List.of(zk.member(1, "127.0.0.2"), zk.member(2, "127.0.0.3"), zk.member(3, "127.0.0.4"));
    state = RecordingState.bootstrapped(members, zk);
    zk.bootstrap(members);
    client = Fixture.client(members);
    executor = Fixture.executor("replacement-it");
    driver = Fixture.driver(state, executor);
    Fixture.roundsUntilAllVoters(driver, state);
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
  public void aMemberLostForGoodIsReplacedByANewIdentityInOneReconfig() {
    Ensemble before = Fixture.committed(client);
    EnsembleMember lost = members.stream()
        .filter(m -> words.srvr(m.clientHost(), m.clientPort()).mode() == Mode.FOLLOWER).findFirst().orElseThrow();
    int serverId = lost.myid() - 1;
    zk.node(lost.myid()).kill();

    // The server's data is gone: it comes back elsewhere as a new identity that joins as an observer.
    EnsembleMember fresh = zk.member(5, "127.0.0.5");
    state.update(s -> s.withServer(RecordingState.running(serverId, fresh, zk.ports(5), Membership.JOINING)));
    long launched = System.nanoTime();
    zk.launchJoiner(before, fresh);

    List<MembershipStep.Reconfigure> reconfigs = new ArrayList<>();
    Await.until("the new identity to be a voter", Fixture.CHANGE, () -> {
      MembershipStep step = driver.runOnce();
      if (step instanceof MembershipStep.Reconfigure r) {
        reconfigs.add(r);
      }
      return state.membership(serverId) == Membership.VOTER;
    });
    System.out.printf("replace: new identity a voter %d ms after its launch%n", (System.nanoTime() - launched) / 1_000_000);
    assertThat(reconfigs).hasSize(1);
    assertThat(reconfigs.get(0).joining()).extracting(EnsembleMember::myid).containsExactly(5);
    assertThat(reconfigs.get(0).leaving()).containsExactly(lost.myid());
    assertThat(reconfigs.get(0).fromVersion()).isEqualTo(before.version());
    Ensemble after = Fixture.committed(client);
    List<Integer> expected = new ArrayList<>(Fixture.voters(before));
    expected.remove(Integer.valueOf(lost.myid()));
    expected.add(5);
    assertThat(Fixture.voters(after)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(driver.runOnce()).isEqualTo(new MembershipStep.Idle());
  }

  @Test(dependsOnMethods = "aMemberLostForGoodIsReplacedByANewIdentityInOneReconfig")
  public void withoutAQuorumEveryChangeIsRefusedAndNothingIsSent() {
    Ensemble before = Fixture.committed(client);
    List<EnsembleMember> voters = before.voters();
    EnsembleMember survivor = voters.get(2);
    zk.node(voters.get(0).myid()).kill();

    // One voter down: ZooKeeper itself refuses adding a member that does not run.
    EnsembleMember notRunning = zk.member(6, "127.0.0.5");
    MembershipStep.Reconfigure addDead = new MembershipStep.Reconfigure(List.of(notRunning), List.of(),
        before.version(), "test: add a member that does not run");
    ReconfigResult refused = Await.until("NewConfigNoQuorum", Fixture.CHANGE, () -> {
      ReconfigResult r = client.reconfigure(addDead);
      return r instanceof ReconfigResult.Unknown ? java.util.Optional.empty() : java.util.Optional.of(r);
    });
    assertThat(refused).isEqualTo(new ReconfigResult.NoQuorum());
    assertThat(Fixture.committed(client)).isEqualTo(before);

    zk.node(voters.get(1).myid()).kill();
    Await.until("the survivor to stop serving", Fixture.CHANGE,
        () -> !words.srvr(survivor.clientHost(), survivor.clientPort()).mode().serving());

    // A removal is due, but without a quorum nothing may change.
    int leavingServer = state.get().serverList().stream()
        .filter(s -> s.identity().myid().orElseThrow() == survivor.myid()).findFirst().orElseThrow().id().value();
    state.setMembership(leavingServer, Membership.LEAVING);
    state.clearEvents();
    long start = System.nanoTime();
    MembershipStep step = driver.runOnce();
    System.out.printf("no quorum: round refused in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    assertThat(step).isInstanceOf(MembershipStep.Refuse.class);
    assertThat(state.events()).hasSize(1).first().isInstanceOf(MembershipEvent.Refused.class);
    assertThat(state.events(MembershipEvent.ConfigObserved.class)).isEmpty();
    assertThat(state.membership(leavingServer)).isEqualTo(Membership.LEAVING);
    assertThat(words.srvr(survivor.clientHost(), survivor.clientPort()).mode()).isIn(Mode.NOT_SERVING, Mode.UNREACHABLE);
  }
}

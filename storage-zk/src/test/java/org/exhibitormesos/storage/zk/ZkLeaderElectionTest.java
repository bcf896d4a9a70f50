package org.exhibitormesos.storage.zk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.StateStoreException.Reason;
import org.exhibitormesos.core.state.store.WriteResult;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** Two scheduler instances, each with its own session, electing a leader on a real server. */
public class ZkLeaderElectionTest {

  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(2);
  private static final ZkSessionConfig CONFIG = ZkSessionConfig.of(SESSION_TIMEOUT);
  private static final String STATE = "/em/state";
  private static final String ELECTION = ZkLeaderElection.electionPathFor(STATE);

  /** One scheduler instance: its session, election and the terms it was told about. */
  private final class Instance implements AutoCloseable {
    final ZkSession session;
    final ZkLeaderElection election;
    final List<Object> told = new CopyOnWriteArrayList<>();

    Instance(String url) throws StateStoreException {
      session = new ZkSession(ZkStorageSpec.parse(server.storage("framework:s3cret", STATE)),
          CONFIG, Clock.systemUTC());
      session.start();
      election = new ZkLeaderElection(session, ELECTION, url, new LeadershipListener() {
        @Override
        public void onLeader(LeadershipFence fence) {
          told.add(fence);
        }

        @Override
        public void onNotLeader(Reason reason) {
          told.add(reason);
        }
      });
      election.start();
    }

    ZkStateStore fencedStore() {
      return ZkStateStore.fenced(session, STATE, election::fence);
    }

    @Override
    public void close() {
      election.close();
      session.close();
    }
  }

  private ZkTestServer server;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeMethod
  public void startServer() throws Exception {
    server = ZkTestServer.start();
  }

  @AfterMethod(alwaysRun = true)
  public void stopAll() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    closeables.clear();
    if (server != null) {
      server.close();
    }
  }

  @Test
  public void exactlyOneLeadsAndTheStandbySeesItsInfo() throws Exception {
    Instance a = track(new Instance("http://a:8080"));
    awaitLeader(a);
    Instance b = track(new Instance("http://b:8080"));
    Waits.until("b sees the leader", Duration.ofSeconds(5),
        () -> b.election.leaderInfo().isPresent());

    assertThat(b.election.isLeader()).isFalse();
    assertThat(b.election.fence()).isEmpty();
    assertThat(b.election.leaderInfo()).contains("http://a:8080");
    assertThat(a.election.leaderInfo()).contains("http://a:8080");
    assertThat(a.told).hasSize(1).first().isInstanceOf(LeadershipFence.class);
    assertThat(b.told).isEmpty();
    // A standby cannot write through its fenced store, even if it tries.
    try (ZkStateStore standby = b.fencedStore()) {
      assertThatThrownBy(() -> standby.compareAndSet(bytes("x"), StateStore.ABSENT))
          .isInstanceOfSatisfying(StateStoreException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.FENCED));
      assertThat(standby.read()).isEmpty();
    }
  }

  @Test
  public void whenTheLeaderClosesTheStandbyLeadsWithinTheSessionTimeout() throws Exception {
    Instance a = track(new Instance("http://a:8080"));
    awaitLeader(a);
    Instance b = track(new Instance("http://b:8080"));
    Waits.until("b stands by", Duration.ofSeconds(5), () -> b.election.leaderInfo().isPresent());

    a.election.close();
    assertThat(a.told).last().isEqualTo(LeadershipListener.Reason.CLOSED);
    awaitLeader(b, SESSION_TIMEOUT);
    assertThat(b.election.leaderInfo()).contains("http://b:8080");
  }

  @Test
  public void whenTheLeaderDiesTheStandbyLeadsOnceItsSessionIsGone() throws Exception {
    Instance a = track(new Instance("http://a:8080"));
    awaitLeader(a);
    Instance b = track(new Instance("http://b:8080"));
    Waits.until("b stands by", Duration.ofSeconds(5), () -> b.election.leaderInfo().isPresent());

    a.session.close(); // the process dies: its session and candidate znode go with it
    awaitLeader(b, SESSION_TIMEOUT);
  }

  @Test
  public void aLeaderWhoseSessionExpiredIsToldAndFencedWhileTheNewLeaderWrites() throws Exception {
    Instance a = track(new Instance("http://a:8080"));
    LeadershipFence aTerm = awaitLeader(a);
    Instance b = track(new Instance("http://b:8080"));
    Waits.until("b stands by", Duration.ofSeconds(5), () -> b.election.leaderInfo().isPresent());
    ZkStateStore aStore = track(a.fencedStore());
    // A leader that did not notice anything (a long GC pause) still holds its old fence.
    ZkStateStore aStale = track(ZkStateStore.fenced(a.session, STATE, () -> Optional.of(aTerm)));
    long v0 = ((WriteResult.Written) aStore.compareAndSet(bytes("a0"), StateStore.ABSENT))
        .version();

    server.expire(a.session);

    Waits.until("a told it no longer leads", Duration.ofSeconds(5), () -> !a.election.isLeader());
    assertThat(a.told).element(1).isIn(LeadershipListener.Reason.SUSPENDED,
        LeadershipListener.Reason.SESSION_EXPIRED);
    LeadershipFence bTerm = awaitLeader(b, SESSION_TIMEOUT);
    assertThatThrownBy(() -> aStore.compareAndSet(bytes("a1"), v0))
        .isInstanceOfSatisfying(StateStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.FENCED));
    assertThatThrownBy(() -> aStale.compareAndSet(bytes("a1-stale"), v0))
        .isInstanceOfSatisfying(StateStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.FENCED))
        .hasMessageContaining(aTerm.candidatePath());
    assertThatThrownBy(() -> aStale.delete(v0))
        .isInstanceOfSatisfying(StateStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.FENCED));

    ZkStateStore bStore = track(b.fencedStore());
    assertThat(bStore.read().orElseThrow().version()).isEqualTo(v0);
    assertThat(bStore.compareAndSet(bytes("b1"), v0)).isEqualTo(new WriteResult.Written(v0 + 1));
    assertThat(text(bStore.read().orElseThrow().value())).isEqualTo("b1");
    assertThat(bTerm.candidatePath()).isNotEqualTo(aTerm.candidatePath());

    // The expired instance rejoined as a standby in its new session and leads again later.
    Waits.until("a rejoined as standby", Duration.ofSeconds(5),
        () -> a.election.leaderInfo().equals(Optional.of("http://b:8080")));
    b.close();
    LeadershipFence aNewTerm = awaitLeader(a, SESSION_TIMEOUT);
    assertThat(aNewTerm).isNotEqualTo(aTerm);
    assertThat(aStore.compareAndSet(bytes("a2"), v0 + 1))
        .isEqualTo(new WriteResult.Written(v0 + 2));
    assertThatThrownBy(() -> aStale.compareAndSet(bytes("stale again"), v0 + 2))
        .isInstanceOfSatisfying(StateStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.FENCED));
  }

  @Test
  public void aLeaderIsSuspendedDuringAnOutageAndResumesIfItsSessionSurvives() throws Exception {
    Instance a = track(new Instance("http://a:8080"));
    LeadershipFence term = awaitLeader(a);

    server.stop();
    // Told well before the session could expire on the server and another instance could lead.
    Waits.until("a suspended", SESSION_TIMEOUT.dividedBy(2), () -> !a.election.isLeader());
    Waits.until("a told", SESSION_TIMEOUT.dividedBy(2), () -> a.told.size() == 2);
    assertThat(a.told).containsExactly(term, LeadershipListener.Reason.SUSPENDED);
    ZkStateStore store = track(a.fencedStore());
    assertThatThrownBy(() -> store.compareAndSet(bytes("x"), StateStore.ABSENT))
        .isInstanceOfSatisfying(StateStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.FENCED));
    server.restart();

    LeadershipFence resumed = awaitLeader(a, Duration.ofSeconds(10));
    assertThat(resumed).isEqualTo(term);
    assertThat(store.compareAndSet(bytes("x"), StateStore.ABSENT))
        .isEqualTo(new WriteResult.Written(0));
  }

  private static LeadershipFence awaitLeader(Instance instance) throws InterruptedException {
    return awaitLeader(instance, Duration.ofSeconds(5));
  }

  private static LeadershipFence awaitLeader(Instance instance, Duration within)
      throws InterruptedException {
    long start = System.nanoTime();
    Waits.until("leadership", within.plusMillis(500), instance.election::isLeader);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThanOrEqualTo(
        within.plusMillis(500));
    return instance.election.fence().orElseThrow();
  }

  private <T extends AutoCloseable> T track(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, UTF_8);
  }
}

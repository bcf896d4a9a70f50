package org.exhibitormesos.storage.zk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.StateStoreException.Reason;
import org.exhibitormesos.core.state.store.WriteResult;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** ZooKeeper-specific behaviour: ACLs, packet size, outages, lost replies, expired sessions. */
public class ZkStateStoreTest {

  private static final ZkSessionConfig CONFIG = ZkStateStoreContractTest.CONFIG;

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
  public void credentialsProtectTheStateAndTheParentsItCreated() throws Exception {
    ZkStateStore store = connect("framework:s3cret", "/em/fw/state", CONFIG);
    store.compareAndSet(bytes("secret state"), StateStore.ABSENT);

    ZooKeeper anonymous = track(server.client(null));
    ZooKeeper wrong = track(server.client("framework:guess"));
    for (ZooKeeper other : List.of(anonymous, wrong)) {
      assertThatThrownBy(() -> other.getData("/em/fw/state", false, null))
          .isInstanceOf(KeeperException.NoAuthException.class);
      assertThatThrownBy(() -> other.setData("/em/fw/state", bytes("evil"), -1))
          .isInstanceOf(KeeperException.NoAuthException.class);
      assertThatThrownBy(() -> other.delete("/em/fw/state", -1))
          .isInstanceOf(KeeperException.NoAuthException.class);
      assertThatThrownBy(() -> other.create("/em/fw/x", new byte[0],
          ZooDefs.Ids.OPEN_ACL_UNSAFE, org.apache.zookeeper.CreateMode.PERSISTENT))
          .isInstanceOf(KeeperException.NoAuthException.class);
    }
    ZooKeeper owner = track(server.client("framework:s3cret"));
    for (String path : List.of("/em", "/em/fw", "/em/fw/state")) {
      assertThatThrownBy(() -> anonymous.getACL(path, new Stat()))
          .isInstanceOf(KeeperException.NoAuthException.class);
      List<ACL> acl = owner.getACL(path, new Stat());
      assertThat(acl).as(path).hasSize(1);
      assertThat(acl.get(0).getId().getScheme()).isEqualTo("digest");
      assertThat(acl.get(0).getId().getId()).startsWith("framework:").doesNotContain("s3cret");
      assertThat(acl.get(0).getPerms()).isEqualTo(ZooDefs.Perms.ALL);
    }
    assertThat(text(store.read().orElseThrow().value())).isEqualTo("secret state");
  }

  @Test
  public void aStoreWithTheWrongPasswordIsDeniedWithoutEchoingIt() throws Exception {
    connect("framework:s3cret", "/em/state", CONFIG)
        .compareAndSet(bytes("x"), StateStore.ABSENT);
    ZkStateStore intruder = connect("framework:wrongpass", "/em/state", CONFIG);

    assertThatThrownBy(intruder::read)
        .isInstanceOfSatisfying(StateStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.IO))
        .hasMessageContaining("denied by ZooKeeper (NOAUTH)")
        .hasMessageNotContaining("wrongpass");
    assertThatThrownBy(() -> intruder.compareAndSet(bytes("y"), 0))
        .hasMessageContaining("NOAUTH");
  }

  @Test
  public void withoutCredentialsTheAclIsOpen() throws Exception {
    connect(null, "/open/state", CONFIG).compareAndSet(bytes("x"), StateStore.ABSENT);

    ZooKeeper anonymous = track(server.client(null));
    assertThat(anonymous.getACL("/open/state", new Stat()))
        .isEqualTo(ZooDefs.Ids.OPEN_ACL_UNSAFE);
    assertThat(text(anonymous.getData("/open/state", false, null))).isEqualTo("x");
  }

  @Test
  public void aDocumentLargerThanJuteMaxBufferIsRefusedAndNothingIsWritten() throws Exception {
    ZkStateStore store = connect("u:p", "/big/state", ZkSessionConfig.of(Duration.ofSeconds(4)));
    store.compareAndSet(bytes("small"), StateStore.ABSENT);

    assertThatThrownBy(() -> store.compareAndSet(new byte[ZkSessionConfig.DEFAULT_MAX_BUFFER], 0))
        .isInstanceOfSatisfying(StateStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.IO))
        .hasMessageContaining("1048575 bytes is too large for zk:" + server.connectString())
        .hasMessageContaining("jute.maxbuffer of 1048575")
        .hasMessageContaining("nothing was written");
    assertThat(text(store.read().orElseThrow().value())).isEqualTo("small");
    assertThat(store.read().orElseThrow().version()).isZero();

    byte[] fits = new byte[ZkSessionConfig.DEFAULT_MAX_BUFFER - 2048];
    assertThat(store.compareAndSet(fits, 0)).isEqualTo(new WriteResult.Written(1));
    assertThat(store.read().orElseThrow().value()).hasSize(fits.length);
  }

  @Test
  public void aWriteDuringAnOutageCompletesOnceTheServerIsBack() throws Exception {
    ZkStateStore store = connect("u:p", "/outage/state", CONFIG);
    long v0 = ((WriteResult.Written) store.compareAndSet(bytes("before"), -1)).version();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      server.stop();
      Future<WriteResult> write = pool.submit(() -> store.compareAndSet(bytes("during"), v0));
      Future<String> read = CompletableFuture.supplyAsync(() -> {
        try {
          return text(store.read().orElseThrow().value());
        } catch (StateStoreException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(600); // the outage under test: both calls must be retrying, not failing
      assertThat(write).isNotDone();
      server.restart();

      assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(new WriteResult.Written(v0 + 1));
      assertThat(read.get(10, TimeUnit.SECONDS)).isIn("before", "during");
      assertThat(text(store.read().orElseThrow().value())).isEqualTo("during");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  public void anOutageLongerThanTheRetryBoundIsUnavailable() throws Exception {
    ZkStateStore store = connect("u:p", "/down/state", CONFIG.withRetryFor(Duration.ofMillis(800)));
    store.compareAndSet(bytes("x"), StateStore.ABSENT);
    server.stop();

    assertThatThrownBy(store::read)
        .isInstanceOfSatisfying(StateStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE))
        .hasMessageContaining("ZooKeeper unreachable for 800 ms");
    assertThatThrownBy(() -> store.compareAndSet(bytes("y"), 0))
        .isInstanceOfSatisfying(StateStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));

    server.restart();
    Waits.until("store usable again", Duration.ofSeconds(10), () -> {
      try {
        return store.read().isPresent();
      } catch (StateStoreException e) {
        return false;
      }
    });
    assertThat(text(store.read().orElseThrow().value())).isEqualTo("x");
  }

  @Test
  public void afterALostReplyTheStoreReReadsInsteadOfWritingAgain() throws Exception {
    ZkStateStore store = connect("u:p", "/settle/state", CONFIG);
    assertThat(store.settleWrite(bytes("a"), StateStore.ABSENT)).isEmpty();
    store.compareAndSet(bytes("a"), StateStore.ABSENT);
    store.compareAndSet(bytes("b"), 0);

    // The write from 0 to 1 with "b" happened: it is reported done, not repeated.
    assertThat(store.settleWrite(bytes("b"), 0)).contains(new WriteResult.Written(1));
    // Someone else's data at the next version: a conflict, never an overwrite.
    assertThat(store.settleWrite(bytes("mine"), 0)).contains(new WriteResult.Conflict(1));
    // The expected version is still there: the write did not happen and may be attempted again.
    assertThat(store.settleWrite(bytes("c"), 1)).isEmpty();
    // A create whose node now exists with other data: conflict.
    assertThat(store.settleWrite(bytes("a"), StateStore.ABSENT))
        .contains(new WriteResult.Conflict(1));
  }

  @Test
  public void anUnfencedStoreCarriesOnInANewSessionAfterExpiry() throws Exception {
    ZkSession session = track(new ZkSession(ZkStorageSpec.parse(server.storage("u:p", "/x")),
        CONFIG, Clock.systemUTC()));
    List<SessionEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    session.addListener(events::add);
    session.start();
    ZkStateStore store = track(ZkStateStore.open(session, "/expiry/state"));
    store.compareAndSet(bytes("one"), StateStore.ABSENT);
    long oldSession = session.sessionId();

    server.expire(session);
    Waits.until("session expired", Duration.ofSeconds(10),
        () -> events.contains(SessionEvent.EXPIRED));

    assertThat(store.compareAndSet(bytes("two"), 0)).isEqualTo(new WriteResult.Written(1));
    assertThat(session.sessionId()).isNotEqualTo(oldSession);
    Waits.until("new session", Duration.ofSeconds(10),
        () -> events.lastIndexOf(SessionEvent.CONNECTED) > events.indexOf(SessionEvent.EXPIRED));
  }

  private ZkStateStore connect(String userPass, String path, ZkSessionConfig config)
      throws StateStoreException {
    return track(ZkStateStore.connect(ZkStorageSpec.parse(server.storage(userPass, path)), config,
        Clock.systemUTC()));
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

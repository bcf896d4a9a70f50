package org.exhibitormesos.mesos.http.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.testing.Await;
import org.exhibitormesos.mesos.http.testing.InJvmZooKeeper;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class ZkMasterDetectorTest {
  private InJvmZooKeeper zk;
  private ScheduledExecutorService scheduler;
  private ZkMasterDetector detector;
  private final BlockingQueue<Optional<HostAndPort>> changes = new LinkedBlockingQueue<>();

  @BeforeMethod
  public void setUp() throws Exception {
    changes.clear();
    zk = InJvmZooKeeper.start();
    scheduler = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() throws Exception {
    if (detector != null) {
      detector.close();
      detector = null;
    }
    scheduler.shutdownNow();
    zk.close();
  }

  private static byte[] masterInfo(int port) {
    return ("{\"id\":\"m-" + port + "\",\"ip\":16777343,\"port\":" + port
        + ",\"hostname\":\"localhost\",\"version\":\"1.11.0\",\"address\":{\"hostname\":\"localhost\","
        + "\"ip\":\"127.0.0.1\",\"port\":" + port + "},\"capabilities\":[{\"type\":\"QUOTA_V2\"}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Contends like a master: an ephemeral sequential json.info_ node under {@code path}. */
  private static void contend(ZooKeeper session, String path, int port, List<ACL> acl)
      throws Exception {
    session.create(path + "/json.info_", masterInfo(port), acl, CreateMode.EPHEMERAL_SEQUENTIAL);
  }

  private ZkMasterDetector detector(String spec) {
    detector = (ZkMasterDetector) MasterDetector.create(MasterSpec.parse(spec),
        Duration.ofSeconds(5), scheduler);
    detector.addListener(changes::add);
    detector.start();
    return detector;
  }

  @Test
  public void followsTheLowestSequenceAcrossALeaderChange() throws Exception {
    try (ZooKeeper admin = zk.client(); ZooKeeper master2 = zk.client()) {
      ZooKeeper master1 = zk.client();
      admin.create("/mesos", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
      admin.create("/mesos/log_replicas", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
          CreateMode.PERSISTENT);
      contend(master1, "/mesos", 5050, ZooDefs.Ids.OPEN_ACL_UNSAFE);
      contend(master2, "/mesos", 5051, ZooDefs.Ids.OPEN_ACL_UNSAFE);

      ZkMasterDetector d = detector("zk://" + zk.connectString() + "/mesos");
      assertThat(d.leader().get(10, TimeUnit.SECONDS)).isEqualTo(new HostAndPort("127.0.0.1", 5050));

      master1.close(); // its ephemeral node goes with the session
      assertThat(Await.next(changes, c -> c.equals(Optional.of(new HostAndPort("127.0.0.1", 5051))),
          "leader change to 5051")).isPresent();
      assertThat(d.leader().get(1, TimeUnit.SECONDS)).isEqualTo(new HostAndPort("127.0.0.1", 5051));
    }
  }

  @Test
  public void waitsForAMasterWhenThePathDoesNotExistYet() throws Exception {
    ZkMasterDetector d = detector("zk://" + zk.connectString() + "/later/mesos");
    CompletableFuture<HostAndPort> leader = d.leader();
    try (ZooKeeper admin = zk.client(); ZooKeeper master = zk.client()) {
      Await.until(Duration.ofSeconds(5), () -> {
        try {
          admin.create("/later", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
          return true;
        } catch (Exception e) {
          return false;
        }
      }, "creating /later");
      assertThat(leader).isNotDone();
      admin.create("/later/mesos", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
      contend(master, "/later/mesos", 6060, ZooDefs.Ids.OPEN_ACL_UNSAFE);
      assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo(new HostAndPort("127.0.0.1", 6060));
    }
  }

  @Test
  public void authenticatesWithDigestCredentials() throws Exception {
    // A mutable list: ZooKeeper's ACL validation calls contains(null), which List.of rejects.
    List<ACL> onlyAlice = new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL,
        new Id("digest", DigestAuthenticationProvider.generateDigest("alice:secret")))));
    try (ZooKeeper master = zk.client()) {
      master.addAuthInfo("digest", "alice:secret".getBytes(StandardCharsets.UTF_8));
      master.create("/secure", new byte[0], onlyAlice, CreateMode.PERSISTENT);
      contend(master, "/secure", 7070, onlyAlice);

      ZkMasterDetector anonymous = detector("zk://" + zk.connectString() + "/secure");
      assertThatThrownBy(() -> anonymous.leader().get(1, TimeUnit.SECONDS))
          .isInstanceOf(TimeoutException.class);
      anonymous.close();

      ZkMasterDetector d = detector("zk://alice:secret@" + zk.connectString() + "/secure");
      assertThat(d.leader().get(10, TimeUnit.SECONDS)).isEqualTo(new HostAndPort("127.0.0.1", 7070));
    }
  }

  @Test
  public void closeCancelsPendingLeaderRequests() throws Exception {
    ZkMasterDetector d = detector("zk://" + zk.connectString() + "/nobody");
    CompletableFuture<HostAndPort> leader = d.leader();
    d.close();
    d.close();
    assertThat(leader).isCancelled();
  }
}

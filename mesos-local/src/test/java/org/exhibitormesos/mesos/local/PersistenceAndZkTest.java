package org.exhibitormesos.mesos.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.zookeeper.ZooKeeper;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.master.MasterSpec;
import org.exhibitormesos.mesos.http.master.ZkMasterDetector;
import org.exhibitormesos.mesos.local.testing.Await;
import org.exhibitormesos.mesos.local.testing.InJvmZooKeeper;
import org.exhibitormesos.mesos.local.testing.Json;
import org.exhibitormesos.mesos.local.testing.JsonScheduler;
import org.exhibitormesos.mesos.local.testing.LocalFixture;
import org.testng.annotations.Test;

/** Reservations and volumes survive a restart on the same work dir; ZooKeeper registration. */
public class PersistenceAndZkTest {
  @Test
  public void reservationsAndVolumesSurviveARestart() throws Exception {
    Path workDir = Files.createTempDirectory("mesos-local-restart");
    LocalFixture first = new LocalFixture(workDir, 1, c -> c);
    try (JsonScheduler s = new JsonScheduler(first.url())) {
      s.subscribeNew(",\"role\":\"zk\",\"principal\":\"zk-fw\"");
      JsonObject offer = Json.offers(s.next("OFFERS")).get(0).getAsJsonObject();
      s.call(Json.accept(s.frameworkId, offer.get("id"), "{\"type\":\"RESERVE\",\"reserve\":"
          + "{\"resources\":[" + Json.reservedScalar("disk", 100, "zk", "zk-fw") + ","
          + Json.reservedScalar("cpus", 1, "zk", "zk-fw") + "]}},{\"type\":\"CREATE\",\"create\":"
          + "{\"volumes\":[" + Json.volume(100, "zk", "zk-fw", "keep", "data") + "]}}", 0));
      s.next(e -> e.toString().contains("\"keep\""), "offer with the volume");
    }
    Path volume = workDir.resolve("agents/127.0.0.2/volumes/roles/zk/keep");
    Files.writeString(volume.resolve("myid"), "3", StandardCharsets.UTF_8);
    first.close();

    LocalFixture second = new LocalFixture(workDir, 1, c -> c);
    try (JsonScheduler s = new JsonScheduler(second.url())) {
      s.subscribeNew(",\"role\":\"zk\",\"principal\":\"zk-fw\"");
      JsonObject offers = s.next("OFFERS");
      assertThat(offers.toString()).contains("\"keep\"", "\"container_path\":\"data\"",
          "\"principal\":\"zk-fw\"");
      assertThat(volume.resolve("myid")).hasContent("3");
    } finally {
      second.close();
      second.deleteWorkDir();
    }
  }

  @Test
  public void registersInZooKeeperAndFollowsFailover() throws Exception {
    ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    try (InJvmZooKeeper zk = InJvmZooKeeper.start()) {
      String url = "zk://" + zk.connectString() + "/mesos";
      LocalFixture fixture = new LocalFixture(1, c -> c.withZk(url));
      try (ZooKeeper client = zk.client()) {
        List<String> children = client.getChildren("/mesos", false);
        assertThat(children).hasSize(1);
        assertThat(children.get(0)).matches("json\\.info_\\d{10}");
        String json = new String(client.getData("/mesos/" + children.get(0), false, null),
            StandardCharsets.UTF_8);
        assertThat(json).contains("\"address\"", "\"pid\":\"master@127.0.0.1:");
        ZkMasterDetector detector = new ZkMasterDetector((MasterSpec.Zk) MasterSpec.parse(url),
            Duration.ofSeconds(5), thread);
        detector.start();
        HostAndPort leader = detector.leader().get();
        assertThat(leader).isEqualTo(fixture.local.masterEndpoint());
        String before = fixture.local.zkNode();
        fixture.local.faults().failoverMaster();
        assertThat(fixture.local.zkNode()).isNotEqualTo(before);
        Await.until(() -> {
          try {
            return client.getChildren("/mesos", false).size() == 1;
          } catch (Exception e) {
            return false;
          }
        }, "one registration after failover");
        detector.close();
      } finally {
        fixture.close();
        fixture.deleteWorkDir();
      }
    } finally {
      thread.shutdownNow();
    }
  }
}

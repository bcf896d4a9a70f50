package org.exhibitormesos.mesos.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.exhibitormesos.mesos.local.testing.Await;
import org.exhibitormesos.mesos.local.testing.Json;
import org.exhibitormesos.mesos.local.testing.JsonScheduler;
import org.exhibitormesos.mesos.local.testing.LocalFixture;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

/**
 * The scheduler API driven like the Mesos docs' curl examples (plain HttpClient, JSON), against
 * in-JVM executors: status codes, stream identity, offers, launch, acknowledge, reconcile, decline
 * filters, kill, failover of a subscription, teardown.
 */
public class SchedulerApiConformanceTest {
  private static final String NO_COMMAND = "{\"value\":\"unused\"}";
  private LocalFixture fixture;
  private JsonScheduler scheduler;

  private JsonScheduler start(int agents, UnaryOperator<MesosLocalConfig> tweak) throws Exception {
    fixture = new LocalFixture(agents, tweak);
    scheduler = new JsonScheduler(fixture.url());
    return scheduler;
  }

  @AfterMethod(alwaysRun = true)
  public void stop() throws Exception {
    if (scheduler != null) {
      scheduler.close();
    }
    if (fixture != null) {
      fixture.close();
      fixture.deleteWorkDir();
    }
  }

  @Test
  public void subscribeStreamsSubscribedHeartbeatAndOffers() throws Exception {
    JsonScheduler s = start(2, c -> c);
    assertThat(s.subscribe("{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":"
        + "{\"user\":\"foo\",\"name\":\"Example HTTP Framework\"}}}")).isEqualTo(200);
    assertThat(s.subscribeResponse.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(s.streamId).isNotBlank();
    JsonObject subscribed = Await.next(s.events, e -> true, "SUBSCRIBED");
    assertThat(subscribed.get("type").getAsString()).isEqualTo("SUBSCRIBED");
    assertThat(subscribed.getAsJsonObject("subscribed").get("heartbeat_interval_seconds")
        .getAsDouble()).isEqualTo(1.0);
    assertThat(subscribed.getAsJsonObject("subscribed").getAsJsonObject("framework_id")
        .get("value").getAsString()).endsWith("-0000");
    assertThat(Await.next(s.events, e -> true, "HEARTBEAT").get("type").getAsString())
        .isEqualTo("HEARTBEAT");
    JsonObject offers = s.next("OFFERS");
    assertThat(Json.offers(offers)).hasSize(2);
    JsonObject offer = Json.offers(offers).get(0).getAsJsonObject();
    assertThat(offer.get("hostname").getAsString()).isEqualTo("127.0.0.2");
    assertThat(offer.getAsJsonObject("url").getAsJsonObject("address").get("ip").getAsString())
        .isEqualTo("127.0.0.2");
    assertThat(offer.toString()).contains("\"ports\"", "31000", "32000", "\"cpus\"");
    assertThat(offer.has("allocation_info")).isFalse();
    s.next("HEARTBEAT");
  }

  @Test
  public void httpErrorCodes() throws Exception {
    JsonScheduler s = start(1, c -> c);
    s.subscribeNew(",\"failover_timeout\":60");
    String decline = "{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"REVIVE\"}";
    assertThat(s.call(decline, "application/json", null).statusCode()).isEqualTo(400);
    assertThat(s.call(decline, "application/json", "wrong-stream").statusCode()).isEqualTo(400);
    assertThat(s.call(decline, "application/json; charset=utf-8", s.streamId).statusCode())
        .isEqualTo(415);
    assertThat(s.get("/api/v1/scheduler").statusCode()).isEqualTo(405);
    assertThat(s.call("{not json", "application/json", s.streamId).statusCode()).isEqualTo(400);
    assertThat(s.call(decline, "application/json", s.streamId).statusCode()).isEqualTo(202);
    // A SUBSCRIBE carrying a stream id is refused.
    HttpResponse<String> sub = s.call("{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":"
        + "{\"user\":\"foo\",\"name\":\"x\"}}}", "application/json", s.streamId);
    assertThat(sub.statusCode()).isEqualTo(400);
    // Unknown framework.
    assertThat(s.call(decline.replace(s.frameworkId, "nope"), "application/json", s.streamId)
        .statusCode()).isEqualTo(400);
    // After the stream is gone the framework is not subscribed: 403.
    fixture.local.faults().dropSubscription(s.frameworkId);
    Await.until(() -> s.streamEnded, "stream end");
    assertThat(s.call(decline).statusCode()).isEqualTo(403);
    assertThat(s.get("/state").body()).contains(s.frameworkId);
  }

  @Test
  public void acceptLaunchAcknowledgeReconcileKill() throws Exception {
    JsonScheduler s = start(1, c -> c);
    s.subscribeNew(",\"failover_timeout\":60");
    JsonObject offer = Json.offers(s.next("OFFERS")).get(0).getAsJsonObject();
    JsonElement agentId = offer.get("agent_id");
    String task = Json.task("t1", agentId, "e1", NO_COMMAND,
        Json.scalar("cpus", 0.5) + "," + Json.scalar("mem", 128), null);
    assertThat(s.call(Json.accept(s.frameworkId, offer.get("id"), Json.launch(task), 0))
        .statusCode()).isEqualTo(202);
    JsonObject running = s.nextUpdate("t1", "TASK_RUNNING");
    assertThat(running.get("source").getAsString()).isEqualTo("SOURCE_EXECUTOR");
    assertThat(running.has("uuid")).isTrue();
    assertThat(running.get("agent_id")).isEqualTo(agentId);
    s.acknowledge(running);
    Await.until(() -> fixture.local.master().stateJson().toString()
        .contains("\"unacknowledged_updates\":0"), "ack processed");

    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"RECONCILE\","
        + "\"reconcile\":{\"tasks\":[{\"task_id\":{\"value\":\"t1\"},\"agent_id\":" + agentId
        + "},{\"task_id\":{\"value\":\"ghost\"}}]}}");
    JsonObject reconciled = s.nextUpdate("t1", "TASK_RUNNING");
    assertThat(reconciled.has("uuid")).isFalse();
    assertThat(reconciled.get("reason").getAsString()).isEqualTo("REASON_RECONCILIATION");
    assertThat(reconciled.get("source").getAsString()).isEqualTo("SOURCE_MASTER");
    JsonObject ghost = s.nextUpdate("ghost", "TASK_LOST");
    assertThat(ghost.has("uuid")).isFalse();
    // Implicit reconciliation.
    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"RECONCILE\","
        + "\"reconcile\":{}}");
    assertThat(s.nextUpdate("t1", "TASK_RUNNING").get("reason").getAsString())
        .isEqualTo("REASON_RECONCILIATION");

    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"KILL\","
        + "\"kill\":{\"task_id\":{\"value\":\"t1\"},\"agent_id\":" + agentId + "}}");
    JsonObject killed = s.nextUpdate("t1", "TASK_KILLED");
    assertThat(killed.has("uuid")).isTrue();
    s.acknowledge(killed);
    Await.until(() -> !fixture.local.master().stateJson().toString().contains("\"t1\""),
        "task forgotten after terminal ack");
    // Known agent, forgotten task: TASK_LOST (not partition aware).
    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"RECONCILE\","
        + "\"reconcile\":{\"tasks\":[{\"task_id\":{\"value\":\"t1\"},\"agent_id\":" + agentId
        + "}]}}");
    assertThat(s.nextUpdate("t1", "TASK_LOST").get("reason").getAsString())
        .isEqualTo("REASON_RECONCILIATION");
  }

  @Test
  public void unacknowledgedUpdatesAreRetriedOneAtATime() throws Exception {
    JsonScheduler s = start(1, c -> c.withUpdateRetry(Duration.ofMillis(300), Duration.ofSeconds(1)));
    s.subscribeNew("");
    JsonObject offer = Json.offers(s.next("OFFERS")).get(0).getAsJsonObject();
    String task = Json.task("t1", offer.get("agent_id"), "e1", NO_COMMAND,
        Json.scalar("cpus", 0.5) + "," + Json.scalar("mem", 128), null);
    s.call(Json.accept(s.frameworkId, offer.get("id"), Json.launch(task), 0));
    JsonObject first = s.nextUpdate("t1", "TASK_RUNNING");
    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"KILL\","
        + "\"kill\":{\"task_id\":{\"value\":\"t1\"}}}");
    // The RUNNING update is resent (same uuid) and KILLED waits behind it.
    JsonObject again = s.nextUpdate("t1", "TASK_RUNNING");
    assertThat(again.get("uuid")).isEqualTo(first.get("uuid"));
    s.acknowledge(again);
    JsonObject killed = s.nextUpdate("t1", "TASK_KILLED");
    s.acknowledge(killed);
  }

  @Test
  public void declineWithRefuseSecondsFiltersTheAgent() throws Exception {
    JsonScheduler s = start(1, c -> c);
    s.subscribeNew("");
    JsonObject offer = Json.offers(s.next("OFFERS")).get(0).getAsJsonObject();
    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"DECLINE\","
        + "\"decline\":{\"offer_ids\":[" + offer.get("id") + "],\"filters\":{\"refuse_seconds\":2}}}");
    long declined = System.nanoTime();
    JsonObject next = s.next("OFFERS");
    assertThat(System.nanoTime() - declined).isGreaterThan(Duration.ofMillis(1800).toNanos());
    JsonObject again = Json.offers(next).get(0).getAsJsonObject();
    assertThat(again.get("id")).isNotEqualTo(offer.get("id"));
    // refuse_seconds 0: offered again right away.
    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"DECLINE\","
        + "\"decline\":{\"offer_ids\":[" + again.get("id") + "],\"filters\":{\"refuse_seconds\":0}}}");
    long t = System.nanoTime();
    s.next("OFFERS");
    assertThat(System.nanoTime() - t).isLessThan(Duration.ofMillis(1500).toNanos());
  }

  @Test
  public void secondSubscribeFailsOverTheFirstStream() throws Exception {
    JsonScheduler s = start(1, c -> c);
    s.subscribeNew(",\"failover_timeout\":60");
    s.next("OFFERS");
    try (JsonScheduler second = new JsonScheduler(fixture.url())) {
      assertThat(second.subscribe("{\"type\":\"SUBSCRIBE\",\"framework_id\":{\"value\":\""
          + s.frameworkId + "\"},\"subscribe\":{\"framework_info\":{\"user\":\"foo\",\"name\":"
          + "\"Example HTTP Framework\",\"id\":{\"value\":\"" + s.frameworkId + "\"},"
          + "\"failover_timeout\":60}}}")).isEqualTo(200);
      assertThat(second.next("SUBSCRIBED").toString()).contains(s.frameworkId);
      JsonObject error = s.next("ERROR");
      assertThat(error.getAsJsonObject("error").get("message").getAsString())
          .isEqualTo("Framework failed over");
      Await.until(() -> s.streamEnded, "old stream closed");
      assertThat(second.streamId).isNotEqualTo(s.streamId);
      second.next("OFFERS");
      // The old stream id no longer works.
      assertThat(s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":"
          + "\"REVIVE\"}").statusCode()).isEqualTo(400);
    }
  }

  @Test
  public void teardownRemovesTheFrameworkForGood() throws Exception {
    JsonScheduler s = start(1, c -> c);
    s.subscribeNew(",\"failover_timeout\":60");
    JsonObject offer = Json.offers(s.next("OFFERS")).get(0).getAsJsonObject();
    String task = Json.task("t1", offer.get("agent_id"), "e1", NO_COMMAND,
        Json.scalar("cpus", 0.5) + "," + Json.scalar("mem", 128), null);
    s.call(Json.accept(s.frameworkId, offer.get("id"), Json.launch(task), 0));
    s.nextUpdate("t1", "TASK_RUNNING");
    assertThat(s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":"
        + "\"TEARDOWN\"}").statusCode()).isEqualTo(202);
    Await.until(() -> s.streamEnded, "stream closed by TEARDOWN");
    Await.until(() -> fixture.runtime.running.stream().noneMatch(f -> f.isAlive()),
        "executor shut down");
    try (JsonScheduler again = new JsonScheduler(fixture.url())) {
      again.subscribe("{\"type\":\"SUBSCRIBE\",\"framework_id\":{\"value\":\"" + s.frameworkId
          + "\"},\"subscribe\":{\"framework_info\":{\"user\":\"foo\",\"name\":\"x\",\"id\":"
          + "{\"value\":\"" + s.frameworkId + "\"}}}}");
      JsonObject error = again.next("ERROR");
      assertThat(error.getAsJsonObject("error").get("message").getAsString())
          .isEqualTo("Framework has been removed");
      Await.until(() -> again.streamEnded, "refused stream closed");
    }
  }
}

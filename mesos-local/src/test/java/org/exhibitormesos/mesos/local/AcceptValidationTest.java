package org.exhibitormesos.mesos.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.exhibitormesos.mesos.local.testing.Await;
import org.exhibitormesos.mesos.local.testing.Json;
import org.exhibitormesos.mesos.local.testing.JsonScheduler;
import org.exhibitormesos.mesos.local.testing.LocalFixture;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

/** ACCEPT outcomes as Mesos' master generates them (reference 2.5 and 4.6). */
public class AcceptValidationTest {
  private static final String CMD = "{\"value\":\"unused\"}";
  private static final String SMALL = Json.scalar("cpus", 0.2) + "," + Json.scalar("mem", 64);
  private LocalFixture fixture;
  private JsonScheduler s;

  private JsonObject start(String frameworkExtra) throws Exception {
    fixture = new LocalFixture(1, c -> c);
    s = new JsonScheduler(fixture.url());
    s.subscribeNew(frameworkExtra);
    return Json.offers(s.next("OFFERS")).get(0).getAsJsonObject();
  }

  @AfterMethod(alwaysRun = true)
  public void stop() throws Exception {
    if (s != null) {
      s.close();
    }
    if (fixture != null) {
      fixture.close();
      fixture.deleteWorkDir();
    }
  }

  private String accept(JsonElement offerId, String operations) throws Exception {
    return String.valueOf(s.call(Json.accept(s.frameworkId, offerId, operations, 0)).statusCode());
  }

  @Test
  public void invalidOfferLosesTheTasksWithoutUuid() throws Exception {
    JsonObject offer = start("");
    String task = Json.task("t1", offer.get("agent_id"), "e1", CMD, SMALL, null);
    assertThat(accept(offer.get("id"), Json.launch(task))).isEqualTo("202");
    s.nextUpdate("t1", "TASK_RUNNING");
    // The same offer again: single use.
    String t2 = Json.task("t2", offer.get("agent_id"), "e1", CMD, SMALL, null);
    accept(offer.get("id"), Json.launch(t2));
    JsonObject lost = s.nextUpdate("t2", "TASK_LOST");
    assertThat(lost.get("reason").getAsString()).isEqualTo("REASON_INVALID_OFFERS");
    assertThat(lost.get("source").getAsString()).isEqualTo("SOURCE_MASTER");
    assertThat(lost.has("uuid")).isFalse();
  }

  @Test
  public void partitionAwareFrameworksGetDropped() throws Exception {
    JsonObject offer = start(",\"capabilities\":[{\"type\":\"PARTITION_AWARE\"}]");
    String task = Json.task("t1", offer.get("agent_id"), "e1", CMD, SMALL, null);
    accept(com.google.gson.JsonParser.parseString("{\"value\":\"no-such-offer\"}"),
        Json.launch(task));
    assertThat(s.nextUpdate("t1", "TASK_DROPPED").get("reason").getAsString())
        .isEqualTo("REASON_INVALID_OFFERS");
  }

  @Test
  public void badTasksGetTaskErrorAndGoodOnesRun() throws Exception {
    JsonObject offer = start("");
    JsonElement agent = offer.get("agent_id");
    String good = Json.task("ok", agent, "e1", CMD, SMALL, null);
    String dup = Json.task("ok", agent, "e1", CMD, SMALL, null);
    String big = Json.task("big", agent, "e1", CMD, Json.scalar("cpus", 64), null);
    String incompatible = Json.task("inc", agent, "e1", "{\"value\":\"other\"}", SMALL, null);
    String command = "{\"name\":\"c\",\"task_id\":{\"value\":\"cmd\"},\"agent_id\":" + agent
        + ",\"command\":{\"value\":\"sleep 1\"},\"resources\":[" + SMALL + "]}";
    String badId = Json.task("a/b", agent, "e1", CMD, SMALL, null);
    accept(offer.get("id"), Json.launch(good, dup, big, incompatible, command, badId));
    assertThat(s.nextUpdate("ok", "TASK_ERROR").get("message").getAsString()).contains("duplicate");
    for (String id : new String[] {"big", "inc", "cmd", "a/b"}) {
      JsonObject error = s.nextUpdate(id, "TASK_ERROR");
      assertThat(error.get("reason").getAsString()).isEqualTo("REASON_TASK_INVALID");
      assertThat(error.has("uuid")).isFalse();
    }
    s.nextUpdate("ok", "TASK_RUNNING");
  }

  @Test
  public void operationsAreSequentialAndNotAtomic() throws Exception {
    JsonObject offer = start(",\"role\":\"zk\",\"principal\":\"zk-fw\"");
    JsonElement agent = offer.get("agent_id");
    // Reserving for another role is dropped, so the LAUNCH that needs the reservation fails...
    String badReserve = "{\"type\":\"RESERVE\",\"reserve\":{\"resources\":["
        + Json.reservedScalar("cpus", 1, "other", "zk-fw") + "]}}";
    String needsReservation = Json.task("t1", agent, "e1", CMD,
        Json.reservedScalar("cpus", 1, "zk", "zk-fw") + "," + Json.scalar("mem", 64), null);
    // ...while a later valid operation still applies.
    String goodReserve = "{\"type\":\"RESERVE\",\"reserve\":{\"resources\":["
        + Json.reservedScalar("mem", 128, "zk", "zk-fw") + "]}}";
    accept(offer.get("id"), badReserve + "," + Json.launch(needsReservation) + "," + goodReserve);
    assertThat(s.nextUpdate("t1", "TASK_ERROR").get("message").getAsString()).contains("more");
    JsonObject next = s.next(e -> e.get("type").getAsString().equals("OFFERS")
        && e.toString().contains("\"role\":\"zk\""), "offer with the reservation");
    assertThat(next.toString()).contains("\"principal\":\"zk-fw\"");
    assertThat(next.toString()).doesNotContain("\"other\"");
  }

  @Test
  public void reservationPrincipalMustMatch() throws Exception {
    JsonObject offer = start(",\"role\":\"zk\",\"principal\":\"zk-fw\"");
    String reserve = "{\"type\":\"RESERVE\",\"reserve\":{\"resources\":["
        + Json.reservedScalar("cpus", 1, "zk", "intruder") + "]}}";
    String create = "{\"type\":\"CREATE\",\"create\":{\"volumes\":["
        + Json.volume(10, "zk", "zk-fw", "v1", "data") + "]}}";
    accept(offer.get("id"), reserve + "," + create);
    JsonObject next = Json.offers(s.next("OFFERS")).get(0).getAsJsonObject();
    assertThat(next.toString()).doesNotContain("intruder").doesNotContain("\"v1\"");
  }

  @Test
  public void multiRoleAndRefinementFormats() throws Exception {
    JsonObject offer = start(",\"roles\":[\"zk\"],\"principal\":\"p\",\"capabilities\":["
        + "{\"type\":\"MULTI_ROLE\"},{\"type\":\"RESERVATION_REFINEMENT\"}]");
    assertThat(offer.getAsJsonObject("allocation_info").get("role").getAsString()).isEqualTo("zk");
    String reserve = "{\"type\":\"RESERVE\",\"reserve\":{\"resources\":[{\"name\":\"cpus\","
        + "\"type\":\"SCALAR\",\"scalar\":{\"value\":1},\"allocation_info\":{\"role\":\"zk\"},"
        + "\"reservations\":[{\"type\":\"DYNAMIC\",\"role\":\"zk\",\"principal\":\"p\"}]}]}}";
    accept(offer.get("id"), reserve);
    JsonObject next = s.next(e -> e.get("type").getAsString().equals("OFFERS")
        && e.toString().contains("reservations"), "offer with reservations[]");
    assertThat(next.toString()).contains("\"DYNAMIC\"").doesNotContain("\"role\":\"zk\",\"reservation\"");
  }

  @Test
  public void executorResourcesAndIdsWhileTheExecutorLives() throws Exception {
    JsonObject offer = start("");
    String task = "{\"name\":\"t\",\"task_id\":{\"value\":\"t1\"},\"agent_id\":"
        + offer.get("agent_id") + ",\"executor\":{\"executor_id\":{\"value\":\"e1\"},\"command\":"
        + CMD + ",\"resources\":[" + Json.scalar("cpus", 0.5) + "]},\"resources\":[" + SMALL + "]}";
    accept(offer.get("id"), Json.launch(task));
    s.acknowledge(s.nextUpdate("t1", "TASK_RUNNING"));
    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"KILL\","
        + "\"kill\":{\"task_id\":{\"value\":\"t1\"}}}");
    s.acknowledge(s.nextUpdate("t1", "TASK_KILLED"));
    // Decline everything outstanding in one call, so one offer holds all that is free:
    // 2 cpus minus the live executor's 0.5.
    Await.until(() -> fixture.local.master().stateJson().getAsJsonArray("offers").size() == 2,
        "the remainder and the freed task resources offered");
    StringBuilder ids = new StringBuilder();
    for (JsonElement o : fixture.local.master().stateJson().getAsJsonArray("offers")) {
      ids.append(ids.length() == 0 ? "" : ",").append("{\"value\":\"")
          .append(o.getAsJsonObject().get("id").getAsString()).append("\"}");
    }
    s.clearBacklog();
    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"DECLINE\","
        + "\"decline\":{\"offer_ids\":[" + ids + "],\"filters\":{\"refuse_seconds\":0}}}");
    JsonObject next = s.next(e -> e.get("type").getAsString().equals("OFFERS")
        && e.toString().contains("\"value\":1.5"), "offer without the executor's cpus");
    assertThat(next.toString()).contains("\"executor_ids\":[{\"value\":\"e1\"}]");
  }

  @Test
  public void suppressAndRevive() throws Exception {
    JsonObject offer = start("");
    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"SUPPRESS\"}");
    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"DECLINE\","
        + "\"decline\":{\"offer_ids\":[" + offer.get("id") + "],\"filters\":{\"refuse_seconds\":0}}}");
    Thread.sleep(600); // absence of offers over several allocation intervals
    assertThat(s.events.stream().noneMatch(e -> e.get("type").getAsString().equals("OFFERS")))
        .isTrue();
    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"REVIVE\"}");
    s.next("OFFERS");
  }
}

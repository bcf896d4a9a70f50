package org.exhibitormesos.mesos.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.exhibitormesos.mesos.local.testing.Await;
import org.exhibitormesos.mesos.local.testing.Json;
import org.exhibitormesos.mesos.local.testing.JsonScheduler;
import org.exhibitormesos.mesos.local.testing.ProcessFixture;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

/**
 * Conformance with real executor processes (a tiny Java executor using MesosExecutorClient), driven
 * by a plain-HTTP JSON scheduler: launch, status updates, kill, executor exit and FAILURE, and a
 * persistent volume that outlives its task.
 */
public class ProcessConformanceTest {
  private ProcessFixture fixture;
  private JsonScheduler s;

  @AfterMethod(alwaysRun = true)
  public void stop() throws Exception {
    if (s != null) {
      s.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  public void launchesACustomExecutorProcess() throws Exception {
    fixture = new ProcessFixture(1, c -> c);
    Path archive = Files.createDirectories(fixture.workDir.resolve("artifacts"))
        .resolve("notes.txt");
    Files.writeString(archive, "fetched");
    s = new JsonScheduler(fixture.url());
    s.subscribeNew(",\"failover_timeout\":60");
    JsonObject offer = Json.offers(s.next("OFFERS")).get(0).getAsJsonObject();
    String command = ProcessFixture.javaExecutorCommand().replaceFirst("\\{", "{\"uris\":[{"
        + "\"value\":\"file://" + archive + "\",\"output_file\":\"conf/notes.txt\"}],");
    String task = Json.task("t1", offer.get("agent_id"), "e1", command,
        Json.scalar("cpus", 0.5) + "," + Json.scalar("mem", 128), "env MESOS_AGENT_ENDPOINT");
    assertThat(s.call(Json.accept(s.frameworkId, offer.get("id"), Json.launch(task), 0))
        .statusCode()).isEqualTo(202);
    JsonObject running = s.nextUpdate("t1", "TASK_RUNNING");
    assertThat(running.get("message").getAsString()).startsWith("127.0.0.2:");
    assertThat(running.get("source").getAsString()).isEqualTo("SOURCE_EXECUTOR");
    s.acknowledge(running);
    Path sandbox = sandbox(fixture.workDir);
    assertThat(sandbox.resolve("stdout")).exists();
    assertThat(Files.readString(sandbox.resolve("stdout"))).contains("test executor started");
    assertThat(sandbox.resolve("conf/notes.txt")).hasContent("fetched");

    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"KILL\","
        + "\"kill\":{\"task_id\":{\"value\":\"t1\"}}}");
    s.acknowledge(s.nextUpdate("t1", "TASK_KILLED"));
    JsonObject failure = s.next("FAILURE").getAsJsonObject("failure");
    assertThat(failure.getAsJsonObject("executor_id").get("value").getAsString()).isEqualTo("e1");
    assertThat(failure.get("status").getAsInt()).isEqualTo(0);
  }

  @Test
  public void volumeOutlivesItsTask() throws Exception {
    fixture = new ProcessFixture(1, c -> c);
    s = new JsonScheduler(fixture.url());
    s.subscribeNew(",\"role\":\"zk\",\"principal\":\"zk-fw\",\"failover_timeout\":60");
    JsonObject offer = Json.offers(s.next("OFFERS")).get(0).getAsJsonObject();
    JsonElement agent = offer.get("agent_id");
    String reserve = "{\"type\":\"RESERVE\",\"reserve\":{\"resources\":["
        + Json.reservedScalar("cpus", 1, "zk", "zk-fw") + ","
        + Json.reservedScalar("mem", 256, "zk", "zk-fw") + ","
        + Json.reservedScalar("disk", 64, "zk", "zk-fw") + "]}}";
    String volume = Json.volume(64, "zk", "zk-fw", "v1", "data");
    String create = "{\"type\":\"CREATE\",\"create\":{\"volumes\":[" + volume + "]}}";
    String taskResources = Json.reservedScalar("cpus", 0.5, "zk", "zk-fw") + ","
        + Json.reservedScalar("mem", 128, "zk", "zk-fw") + "," + volume;
    String t1 = Json.task("t1", agent, "e1", ProcessFixture.shellExecutorCommand(), taskResources,
        "write data/hello.txt hi-from-t1");
    s.call(Json.accept(s.frameworkId, offer.get("id"), reserve + "," + create + ","
        + Json.launch(t1), 0));
    JsonObject running = s.nextUpdate("t1", "TASK_RUNNING");
    assertThat(running.get("message").getAsString()).isEqualTo("wrote data/hello.txt");
    s.acknowledge(running);

    // A volume in use cannot be destroyed: the DESTROY is dropped.
    JsonObject withVolume = nextOfferWith(s, "\"zk\"");
    s.call(Json.accept(s.frameworkId, withVolume.get("id"), "{\"type\":\"DESTROY\",\"destroy\":"
        + "{\"volumes\":[" + volume + "]}}", 0));
    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"KILL\","
        + "\"kill\":{\"task_id\":{\"value\":\"t1\"}}}");
    s.acknowledge(s.nextUpdate("t1", "TASK_KILLED"));
    s.next("FAILURE");

    JsonObject again = nextOfferWith(s, "\"v1\"");
    assertThat(again.toString()).contains("\"container_path\":\"data\"");
    String t2 = Json.task("t2", agent, "e2", ProcessFixture.javaExecutorCommand(), taskResources,
        "read data/hello.txt");
    s.call(Json.accept(s.frameworkId, again.get("id"), Json.launch(t2), 0));
    JsonObject read = s.nextUpdate("t2", "TASK_RUNNING");
    assertThat(read.get("message").getAsString()).isEqualTo("hi-from-t1");
    s.acknowledge(read);
    s.call("{\"framework_id\":{\"value\":\"" + s.frameworkId + "\"},\"type\":\"KILL\","
        + "\"kill\":{\"task_id\":{\"value\":\"t2\"}}}");
    s.acknowledge(s.nextUpdate("t2", "TASK_KILLED"));
    s.next("FAILURE");

    // Idle now: DESTROY deletes the data, then UNRESERVE returns the resources.
    Path dir = fixture.workDir.resolve("agents/127.0.0.2/volumes/roles/zk/v1");
    assertThat(dir.resolve("hello.txt")).hasContent("hi-from-t1");
    JsonObject idle = nextOfferWith(s, "\"v1\"");
    s.call(Json.accept(s.frameworkId, idle.get("id"), "{\"type\":\"DESTROY\",\"destroy\":"
        + "{\"volumes\":[" + volume + "]}}", 0));
    Await.until(() -> !Files.exists(dir), "volume directory deleted");
  }

  private static JsonObject nextOfferWith(JsonScheduler s, String text) throws Exception {
    JsonObject event = s.next(e -> e.get("type").getAsString().equals("OFFERS")
        && e.toString().contains(text), "offer containing " + text);
    for (JsonElement o : Json.offers(event)) {
      if (o.toString().contains(text)) {
        return o.getAsJsonObject();
      }
    }
    throw new AssertionError("no offer with " + text);
  }

  private static Path sandbox(Path workDir) throws Exception {
    try (Stream<Path> s = Files.walk(workDir)) {
      return s.filter(p -> p.getParent() != null && p.getParent().getFileName().toString()
          .equals("runs")).findFirst().orElseThrow();
    }
  }
}

package org.exhibitormesos.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.server.Task;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class StateCodecTest {
  private final StateCodec codec = new StateCodec();

  @Test
  public void everyFieldRoundTrips() throws Exception {
    ClusterState state = StateFixtures.everyField();
    byte[] bytes = codec.encode(state);
    assertThat(codec.decode(bytes)).isEqualTo(state);
    assertThat(codec.encode(codec.decode(bytes))).isEqualTo(bytes);
  }

  @Test
  public void initialStateRoundTrips() throws Exception {
    ClusterState state = ClusterState.initial("abcdefghijklmnopqrstuvwxyz");
    assertThat(codec.decode(codec.encode(state))).isEqualTo(state);
  }

  @Test
  public void aTaskWrittenWithoutItsLaunchKindDecodesAsUnknown() throws Exception {
    JsonObject doc = JsonParser.parseString(new String(codec.encode(StateFixtures.everyField()), StandardCharsets.UTF_8))
        .getAsJsonObject();
    JsonObject task = doc.getAsJsonArray("servers").get(0).getAsJsonObject().getAsJsonObject("task");
    assertThat(task.get("launchedAs").getAsString()).isEqualTo("RESTART");
    task.remove("launchedAs");

    ClusterState decoded = codec.decode(doc.toString().getBytes(StandardCharsets.UTF_8));
    Task t = decoded.server(ServerId.of(0)).orElseThrow().task().orElseThrow();
    assertThat(t.launchedAs()).isEmpty();
    assertThat(t.taskId()).isEqualTo("exhibitor-0-aaaa");
    assertThat(new String(codec.encode(decoded), StandardCharsets.UTF_8)).doesNotContain("launchedAs");
  }

  @Test
  public void documentCarriesItsSchemaVersionAndReadableTimes() {
    String json = new String(codec.encode(StateFixtures.everyField()), StandardCharsets.UTF_8);
    assertThat(json).contains("\"schemaVersion\": 1").contains("\"launchedAt\": \"2026-03-01T10:15:30.123Z\"");
  }

  @Test
  public void secretStaysOutOfToString() {
    assertThat(StateFixtures.everyField().toString()).doesNotContain("0123456789abcdef0123");
  }

  @DataProvider
  public Object[][] broken() {
    return new Object[][] {
      {"", "not valid JSON"},
      {"{\"schemaVersion\": 1", "not valid JSON"},
      {"[]", "expected a JSON object"},
      {"{}", "state field schemaVersion: expected a whole number >= 1, found nothing"},
      {"{\"schemaVersion\": \"1\"}", "state field schemaVersion"},
      {"{\"schemaVersion\": 9}", "state schema 9 is newer than this exhibitor-mesos understands (1)"},
      {"{\"schemaVersion\": 1}", "state field ensemble: expected an object, found nothing"},
      {"{\"schemaVersion\": 1} trailing", "not valid JSON"},
    };
  }

  @Test(dataProvider = "broken")
  public void brokenDocumentsAreRefusedWithTheReason(String text, String message) {
    assertThatThrownBy(() -> codec.decode(text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StateFormatException.class).hasMessageContaining(message);
  }

  @DataProvider
  public Object[][] brokenFields() {
    return new Object[][] {
      {"servers.0.id", "300", "state field servers[0]: invalid server id: server id 300 is out of range 0..254"},
      {"servers.0.settings.cpus", "\"lots\"", "state field servers[0].settings.cpus: expected a number, found \"lots\""},
      {"servers.0.settings.memMb", "-1", "state field servers[0].settings: invalid settings: invalid mem -1.0"},
      {"servers.0.observed", "\"Flying\"", "state field servers[0].observed: expected one of"},
      {"servers.0.task.ports.client", "70000", "state field servers[0].task.ports: invalid ports: port 70000 is outside 1..65535"},
      {"servers.0.task.launchedAs", "\"REBOOT\"", "state field servers[0].task.launchedAs: expected one of"},
      {"servers.0.task.launchedAt", "\"3pm\"", "state field servers[0].task.launchedAt: expected an ISO-8601 UTC instant"},
      {"servers.1.identity.myid", "0", "state field servers[1]: invalid server: myid 0 is outside 1..254"},
      {"servers.0.settings.stickinessPeriod", "\"10 minutes\"", "expected an ISO-8601 duration"},
      {"servers.0.settings.adminPorts", "\"1..x\"", "invalid port range '1..x'"},
      {"ensemble.superSecret", "\"short\"", "state field ensemble: invalid ensemble: the super-user secret must have at least 16 characters"},
      {"ensemble.nextMyid", "1.5", "state field ensemble.nextMyid: expected a whole number"},
      {"mode", "\"hybrid\"", "invalid mode 'hybrid'; accepted: native, exhibitor"},
      {"releases.0.role", "\"*\"", "state field releases[0]: invalid reservation: role * cannot hold reservations"},
    };
  }

  @Test(dataProvider = "brokenFields")
  public void brokenFieldsAreNamed(String path, String value, String message) {
    JsonObject doc = JsonParser.parseString(new String(codec.encode(StateFixtures.everyField()), StandardCharsets.UTF_8))
        .getAsJsonObject();
    set(doc, path, value);
    assertThatThrownBy(() -> codec.decode(doc.toString().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StateFormatException.class).hasMessageContaining(message);
  }

  @Test
  public void duplicateServersAreRefused() {
    JsonObject doc = JsonParser.parseString(new String(codec.encode(StateFixtures.everyField()), StandardCharsets.UTF_8))
        .getAsJsonObject();
    doc.getAsJsonArray("servers").add(doc.getAsJsonArray("servers").get(0).deepCopy());
    assertThatThrownBy(() -> codec.decode(doc.toString().getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("server 0 appears twice");
  }

  private static void set(JsonObject doc, String path, String value) {
    List<String> parts = List.of(path.split("\\."));
    com.google.gson.JsonElement node = doc;
    for (String p : parts.subList(0, parts.size() - 1)) {
      node = p.matches("\\d+") ? node.getAsJsonArray().get(Integer.parseInt(p)) : node.getAsJsonObject().get(p);
    }
    node.getAsJsonObject().add(parts.get(parts.size() - 1), JsonParser.parseString(value));
  }
}

package org.exhibitormesos.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.exhibitormesos.core.config.Command;
import org.exhibitormesos.core.config.ConfigOption;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class ApiJsonTest {

  static StatusView fullStatus() {
    ServerView running = new ServerView(0, "Running", ServerView.DESIRED_ACTIVE, null, "slave0",
        "exhibitor-0-1b2c", 1, new PortsView(2181, 2888, 3888, 31000), "http://slave0:31000/commands/",
        "hostname=unique", 0.2, 256, 1024, "volume exhibitor-0-data",
        new ServerConfigView(Map.of("servo", "true"), Map.of("client-port", "2181"),
            Map.of("configchangebackoff", "10000", "failover-delay", "5s")));
    ServerView waiting = new ServerView(1, "Pending", ServerView.DESIRED_ACTIVE,
        "no offer matches: hostname doesn't match unique", null, null, null, null, null, "hostname=unique",
        0.2, 256, 1024, null, ServerConfigView.EMPTY);
    EnsembleView ensemble = new EnsembleView("slave0:2181", 1, "100000003",
        List.of(new MemberView(1, "slave0", MemberView.Role.PARTICIPANT, MemberView.Mode.LEADER)));
    return new StatusView("fw-1", StatusView.MODE_NATIVE, List.of(running, waiting), ensemble);
  }

  @DataProvider
  public Object[][] responses() {
    return new Object[][] {
        {ApiResponse.ok("Started servers 0..1", fullStatus())},
        {ApiResponse.ok("", new StatusView(null, StatusView.MODE_EXHIBITOR, List.of(), null))},
        {ApiResponse.<StatusView>refused("unknown server 7")},
    };
  }

  @Test(dataProvider = "responses")
  public void roundTrips(ApiResponse<StatusView> response) {
    String json = ApiJson.write(response);

    assertThat(ApiJson.readStatusResponse(json)).isEqualTo(response);
    assertThat(ApiJson.write(ApiJson.readStatusResponse(json))).isEqualTo(json);
  }

  @Test
  public void writesTheFieldsTheApiDefines() {
    var root = JsonParser.parseString(ApiJson.write(ApiResponse.ok("Added servers 0", fullStatus())))
        .getAsJsonObject();

    assertThat(root.keySet()).containsExactly("success", "message", "value");
    var value = root.getAsJsonObject("value");
    assertThat(value.keySet()).containsExactly("frameworkId", "mode", "servers", "ensemble");
    var server = value.getAsJsonArray("servers").get(0).getAsJsonObject();
    assertThat(server.keySet()).containsExactly("id", "state", "desired", "hostname", "taskId", "myid", "ports",
        "endpoint", "constraints", "cpu", "mem", "disk", "volume", "config");
    assertThat(server.getAsJsonObject("ports").keySet()).containsExactly("client", "peer", "election", "admin");
    assertThat(server.getAsJsonObject("config").keySet()).containsExactly("exhibitor", "sharedOverrides", "framework");
    assertThat(value.getAsJsonArray("servers").get(1).getAsJsonObject().get("reason").getAsString())
        .startsWith("no offer matches");
    var ensemble = value.getAsJsonObject("ensemble");
    assertThat(ensemble.keySet()).containsExactly("connectString", "quorum", "configVersion", "members");
    assertThat(ensemble.getAsJsonArray("members").get(0).toString())
        .isEqualTo("{\"myid\":1,\"host\":\"slave0\",\"role\":\"participant\",\"mode\":\"leader\"}");
  }

  @Test
  public void doesNotEscapeConstraintsOrUrls() {
    assertThat(ApiJson.write(fullStatus())).contains("\"constraints\":\"hostname=unique\"");
  }

  @Test
  public void missingCollectionsReadAsEmpty() {
    ApiResponse<StatusView> r = ApiJson.readStatusResponse(
        "{\"success\":true,\"value\":{\"mode\":\"native\",\"servers\":[{\"id\":3,\"state\":\"Added\","
            + "\"desired\":\"inactive\"}],\"ensemble\":{\"quorum\":0}}}");

    assertThat(r.message()).isEmpty();
    ServerView s = r.value().servers().get(0);
    assertThat(s.config()).isEqualTo(ServerConfigView.EMPTY);
    assertThat(s.ports()).isNull();
    assertThat(s.constraints()).isEmpty();
    assertThat(r.value().ensemble().members()).isEmpty();
    assertThat(r.value().ensemble().connectString()).isEmpty();
  }

  @DataProvider
  public Object[][] notAnswers() {
    return new Object[][] {{""}, {"not json"}, {"[1,2]"}, {"{\"success\":\"maybe\"}"},
        {"{\"success\":true,\"value\":{\"servers\":[]}}"}};
  }

  @Test(dataProvider = "notAnswers")
  public void refusesWhatIsNotAnAnswer(String body) {
    assertThatThrownBy(() -> ApiJson.readStatusResponse(body)).isInstanceOf(JsonParseException.class);
  }

  @Test
  public void routesAndParameters() {
    assertThat(ApiRoutes.ALL).containsExactly("/api/status", "/api/add", "/api/config", "/api/start",
        "/api/stop", "/api/remove");
    assertThat(ApiRoutes.optionParameters(Command.ADD))
        .containsExactlyInAnyOrder("cpu", "mem", "disk", "constraints", "configchangebackoff", "port");
    assertThat(ApiRoutes.optionParameters(Command.CONFIG)).hasSize(ConfigOption.values().length)
        .contains("timeout", "zoo-cfg-extra", "failover-max-tries");
  }
}

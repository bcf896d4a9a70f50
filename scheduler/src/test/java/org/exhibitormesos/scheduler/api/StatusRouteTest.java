package org.exhibitormesos.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.exhibitormesos.core.api.ApiResponse;
import org.exhibitormesos.core.api.StatusView;
import org.exhibitormesos.core.state.ServerMode;
import org.testng.annotations.Test;

/** {@code /api/status} over real HTTP: the field names issue 5 lists, readable by the CLI's reader. */
public class StatusRouteTest extends ApiTestBase {

  @Test
  public void statusJsonHasTheDocumentedFieldNames() {
    control.setState(StatusFixtures.state(ServerMode.NATIVE));
    control.setLive(Optional.of(StatusFixtures.live()));
    HttpResponse<String> r = client.get("/api/status");
    ApiResponse<StatusView> answer = ok(r);
    assertThat(answer.value().servers()).hasSize(4);

    JsonObject root = JsonParser.parseString(r.body()).getAsJsonObject();
    assertThat(root.keySet()).containsExactlyInAnyOrder("success", "message", "value");
    JsonObject value = root.getAsJsonObject("value");
    assertThat(value.keySet()).containsExactlyInAnyOrder("frameworkId", "mode", "servers", "ensemble");
    JsonObject pending = value.getAsJsonArray("servers").get(2).getAsJsonObject();
    assertThat(pending.keySet()).contains("id", "state", "desired", "reason", "constraints", "cpu", "mem", "disk",
        "config");
    JsonObject running = value.getAsJsonArray("servers").get(0).getAsJsonObject();
    assertThat(running.keySet()).containsExactlyInAnyOrder("id", "state", "desired", "hostname", "taskId", "myid",
        "ports", "endpoint", "constraints", "cpu", "mem", "disk", "volume", "config");
    assertThat(running.getAsJsonObject("ports").keySet()).containsExactlyInAnyOrder("client", "peer", "election",
        "admin");
    assertThat(running.getAsJsonObject("config").keySet()).containsExactlyInAnyOrder("exhibitor", "sharedOverrides",
        "framework");
    JsonObject ensemble = value.getAsJsonObject("ensemble");
    assertThat(ensemble.keySet()).containsExactlyInAnyOrder("connectString", "quorum", "configVersion", "members");
    assertThat(ensemble.getAsJsonArray("members").get(0).getAsJsonObject().keySet())
        .containsExactlyInAnyOrder("myid", "host", "role", "mode");
    assertThat(ensemble.getAsJsonArray("members").get(0).getAsJsonObject().get("mode").getAsString())
        .isEqualTo("leader");
    assertThat(ensemble.get("configVersion").getAsString()).isEqualTo("100000003");
  }
}

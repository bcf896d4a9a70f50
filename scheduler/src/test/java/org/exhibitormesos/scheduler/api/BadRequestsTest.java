package org.exhibitormesos.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Function;
import org.exhibitormesos.core.api.ApiResponse;
import org.exhibitormesos.core.api.StatusView;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.state.ClusterState;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Bad requests over real HTTP: each gets its 4xx with {@code success: false} and a message naming
 * the parameter, and changes nothing.
 */
public class BadRequestsTest extends ApiTestBase {
  private static final String BIG = "x".repeat(ApiServer.DEFAULT_MAX_BODY_BYTES + 1);

  private static Object[] row(String what, int status, String named, Function<ApiClient, HttpResponse<String>> call) {
    return new Object[] {what, status, named, call};
  }

  @DataProvider
  public static Object[][] badRequests() {
    return new Object[][] {
        row("unknown server", 409, "unknown servers 7", c -> c.get("/api/start?id=7")),
        row("unknown server by JSON", 409, "unknown servers 3..4", c -> c.postJson("/api/config", "{\"id\":\"3..4\"}")),
        row("existing server", 409, "already exist", c -> c.get("/api/add?id=0")),
        row("add *", 409, "*", c -> c.postForm("/api/add", "id=*")),
        row("malformed id", 400, "parameter 'id'", c -> c.get("/api/start?id=0..x")),
        row("malformed id by form", 400, "parameter 'id'", c -> c.postForm("/api/stop", "id=1%2C%2C2")),
        row("id out of range", 400, "parameter 'id'", c -> c.postJson("/api/remove", "{\"id\": 300}")),
        row("missing id", 400, "missing parameter 'id'", c -> c.get("/api/start")),
        row("missing id on add", 400, "missing parameter 'id'", c -> c.postForm("/api/add", "cpu=1")),
        row("empty id", 400, "parameter 'id'", c -> c.get("/api/remove?id=")),
        row("bad number", 400, "cpu", c -> c.get("/api/add?id=5&cpu=abc")),
        row("negative number", 400, "mem", c -> c.postJson("/api/config", "{\"id\":\"0\",\"mem\":-1}")),
        row("bad constraint", 400, "constraints", c -> c.get("/api/add?id=5&constraints=hostname%3Dbogus")),
        row("bad duration", 400, "parameter 'timeout'", c -> c.get("/api/start?id=0&timeout=5x")),
        row("negative duration", 400, "parameter 'timeout'", c -> c.postForm("/api/stop", "id=0&timeout=-1s")),
        row("bad duration option", 400, "stickiness-period", c -> c.get("/api/config?id=0&stickiness-period=soon")),
        row("unknown config key", 400, "colour", c -> c.get("/api/config?id=0&colour=red")),
        row("config key add does not take", 400, "loglines", c -> c.get("/api/add?id=5&loglines=5")),
        row("unknown parameter on start", 400, "cpu", c -> c.get("/api/start?id=0&cpu=1")),
        row("parameter on status", 400, "verbose", c -> c.get("/api/status?verbose=1")),
        row("bad force", 400, "parameter 'force'", c -> c.get("/api/stop?id=0&force=yes")),
        row("id twice", 400, "'id'", c -> c.get("/api/start?id=0&id=1")),
        row("id in query and body", 400, "'id'", c -> c.postForm("/api/start?id=0", "id=1")),
        row("id twice in JSON", 400, "'id'", c -> c.postJson("/api/start", "{\"id\":\"0\",\"id\":\"1\"}")),
        row("bad percent-encoding", 400, "malformed form body", c -> c.postForm("/api/start", "id=%zz")),
        row("malformed JSON", 400, "JSON", c -> c.postJson("/api/start", "{\"id\": ")),
        row("JSON array", 400, "JSON", c -> c.postJson("/api/start", "[\"0\"]")),
        row("JSON trailing text", 400, "JSON", c -> c.postJson("/api/start", "{\"id\":\"0\"} x")),
        row("JSON object value", 400, "'id'", c -> c.postJson("/api/start", "{\"id\":{\"from\":0}}")),
        row("JSON null value", 400, "'id'", c -> c.postJson("/api/start", "{\"id\":null}")),
        row("unsupported body", 415, "text/plain", c -> c.send(HttpRequest.newBuilder(c.uri("/api/start"))
            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("id=0")))),
        row("oversized body", 413, "limit", c -> c.postForm("/api/config", "id=0&headingtext=" + BIG)),
        row("wrong method", 405, "PUT", c -> c.method("PUT", "/api/start?id=0")),
        row("wrong method on status", 405, "DELETE", c -> c.method("DELETE", "/api/status")),
        row("unknown route", 404, "/api/nope", c -> c.get("/api/nope?id=0")),
        row("unknown route at the root", 404, "/", c -> c.get("/")),
    };
  }

  @Test(dataProvider = "badRequests")
  public void isRefusedNamingTheParameterAndChangesNothing(String what, int status, String named,
      Function<ApiClient, HttpResponse<String>> call) {
    ok(client.get("/api/add?id=0..2"));
    control.markRunning(0, "host0", new Ports(31000, 31001, 31002, 31003));
    ClusterState before = control.state();
    int accepted = control.accepted();

    HttpResponse<String> response = call.apply(client);
    ApiResponse<StatusView> answer = read(response);

    assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
    assertThat(answer.success()).as(what).isFalse();
    assertThat(answer.value()).as(what).isNull();
    assertThat(answer.message()).as(what).contains(named);
    assertThat(control.state()).as(what + ": state unchanged").isEqualTo(before);
    assertThat(control.accepted()).as(what).isEqualTo(accepted);
    if (status == 405) {
      assertThat(response.headers().firstValue("Allow")).isPresent();
    }
    // The connection is still usable (or a new one is): the server answers the next request.
    ok(client.get("/api/status"));
  }
}

package org.exhibitormesos.mesos.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.http.recordio.RecordIODecoder;
import org.exhibitormesos.mesos.local.testing.LocalFixture;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** Protobuf streams, Accept negotiation, executor endpoint codes, fault routes over HTTP. */
public class WireFormatTest {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .build();
  private LocalFixture fixture;

  @BeforeMethod
  public void start() throws Exception {
    fixture = new LocalFixture(2, c -> c);
  }

  @AfterMethod(alwaysRun = true)
  public void stop() throws Exception {
    fixture.close();
    fixture.deleteWorkDir();
  }

  private HttpRequest.Builder post(String url, byte[] body, String contentType) {
    return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  @Test
  public void protobufStreamWhenOnlyProtobufIsAccepted() throws Exception {
    byte[] subscribe = Call.newBuilder().setType(Call.Type.SUBSCRIBE).setSubscribe(
        Call.Subscribe.newBuilder().setFrameworkInfo(FrameworkInfo.newBuilder().setUser("u")
            .setName("n"))).build().toByteArray();
    HttpResponse<InputStream> r = http.send(post(fixture.url() + "/master/api/v1/scheduler",
        subscribe, "application/x-protobuf").header("Accept", "application/x-protobuf").build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
    assertThat(r.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    assertThat(r.headers().firstValue("Content-Length")).isEmpty();
    RecordIODecoder decoder = new RecordIODecoder(1 << 20);
    List<Event> events = new ArrayList<>();
    try (InputStream in = r.body()) {
      byte[] buf = new byte[4096];
      while (events.size() < 3) {
        int n = in.read(buf);
        for (byte[] record : decoder.feed(java.util.Arrays.copyOf(buf, n))) {
          events.add(Event.parseFrom(record));
        }
      }
    }
    assertThat(events.get(0).getType()).isEqualTo(Event.Type.SUBSCRIBED);
    assertThat(events.get(1).getType()).isEqualTo(Event.Type.HEARTBEAT);
    assertThat(events.get(0).getSubscribed().getMasterInfo().getVersion()).isEqualTo("1.11.0");
  }

  @Test
  public void acceptNegotiation() throws Exception {
    byte[] subscribe = ("{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":\"u\","
        + "\"name\":\"n\"}}}").getBytes();
    HttpResponse<String> r = http.send(post(fixture.url() + "/api/v1/scheduler", subscribe,
        "application/json").header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(406);
    HttpResponse<String> missing = http.send(post(fixture.url() + "/api/v1/scheduler",
        "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"name\":\"n\"}}}".getBytes(),
        "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("user");
    HttpResponse<String> unknown = http.send(post(fixture.url() + "/api/v1/scheduler",
        "{\"framework_id\":{\"value\":\"x\"}}".getBytes(), "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(501);
  }

  @Test
  public void executorEndpointCodes() throws Exception {
    var agent = fixture.local.agents().get(1).endpoint();
    String url = "http://" + agent + "/api/v1/executor";
    byte[] update = ("{\"type\":\"UPDATE\",\"framework_id\":{\"value\":\"f\"},\"executor_id\":"
        + "{\"value\":\"e\"},\"update\":{\"status\":{\"task_id\":{\"value\":\"t\"},"
        + "\"state\":\"TASK_RUNNING\"}}}").getBytes();
    assertThat(http.send(post(url, update, "application/json").build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
    assertThat(http.send(post(url, update, "text/plain").build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
    assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    assertThat(agent.host()).isEqualTo("127.0.0.3");
  }

  @Test
  public void faultRoutesOverHttp() throws Exception {
    HttpResponse<String> remove = http.send(post(fixture.url() + "/faults/agents/1/remove",
        new byte[0], "text/plain").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(remove.statusCode()).isEqualTo(200);
    assertThat(fixture.local.master().agentActive(1)).isFalse();
    assertThat(http.send(post(fixture.url() + "/faults/agents/1/restore", new byte[0],
        "text/plain").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(fixture.local.master().agentActive(1)).isTrue();
    String before = fixture.local.master().masterInfo().getId();
    assertThat(http.send(post(fixture.url() + "/faults/master/failover", new byte[0],
        "text/plain").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(fixture.local.master().masterInfo().getId()).isNotEqualTo(before);
    assertThat(http.send(post(fixture.url() + "/faults/process-group-cleanup?enabled=maybe",
        new byte[0], "text/plain").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(400);
    assertThat(http.send(post(fixture.url() + "/faults/frameworks/nope/drop-subscription",
        new byte[0], "text/plain").build(), HttpResponse.BodyHandlers.ofString()).body())
        .contains("not subscribed");
    assertThat(http.send(post(fixture.url() + "/faults/drop-events?types=MESSAGE,FAILURE",
        new byte[0], "text/plain").build(), HttpResponse.BodyHandlers.ofString()).body())
        .contains("MESSAGE", "FAILURE");
    assertThat(http.send(post(fixture.url() + "/faults/drop-events", new byte[0], "text/plain")
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    HttpResponse<String> state = http.send(HttpRequest.newBuilder(URI.create(fixture.url()
        + "/state")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(state.body()).contains("\"hostname\":\"127.0.0.2\"", "\"active\":true");
  }
}

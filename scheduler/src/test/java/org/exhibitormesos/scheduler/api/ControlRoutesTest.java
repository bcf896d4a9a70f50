package org.exhibitormesos.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.exhibitormesos.core.api.ApiResponse;
import org.exhibitormesos.core.api.ServerView;
import org.exhibitormesos.core.api.StatusView;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Ports;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** Every control route over real HTTP, as GET with a query, POST with a form and POST with JSON. */
public class ControlRoutesTest extends ApiTestBase {
  private ScheduledExecutorService later;

  @BeforeMethod
  public void startLater() {
    later = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterMethod(alwaysRun = true)
  public void stopLater() {
    later.shutdownNow();
  }

  private static Ports ports(int i) {
    return new Ports(31000 + 10 * i, 31001 + 10 * i, 31002 + 10 * i, 31003 + 10 * i);
  }

  private void running(int... ids) {
    for (int id : ids) {
      control.markRunning(id, "host" + id, ports(id));
    }
  }

  @Test
  public void healthAnswersOk() {
    HttpResponse<String> get = client.get("/health");
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo("ok");
    assertThat(client.method("HEAD", "/health").statusCode()).isEqualTo(200);
  }

  @Test
  public void statusOfAnEmptySchedulerByEveryForm() {
    for (HttpResponse<String> r : List.of(client.get("/api/status"), client.postForm("/api/status", ""),
        client.postJson("/api/status", "{}"))) {
      ApiResponse<StatusView> answer = ok(r);
      assertThat(answer.value().mode()).isEqualTo("native");
      assertThat(answer.value().servers()).isEmpty();
      assertThat(answer.value().ensemble()).isNull();
      assertThat(answer.value().frameworkId()).isNull();
    }
  }

  @Test
  public void addByQueryFormAndJsonWithTheOriginalsMessage() {
    ApiResponse<StatusView> byQuery = ok(client.get("/api/add?id=0..2&cpu=0.5&mem=512"));
    assertThat(byQuery.message()).isEqualTo("Added servers 0..2");
    assertThat(byQuery.value().servers()).extracting(ServerView::id).containsExactly(0, 1, 2);
    assertThat(byQuery.value().servers()).allSatisfy(s -> {
      assertThat(s.state()).isEqualTo("Added");
      assertThat(s.desired()).isEqualTo("inactive");
      assertThat(s.cpu()).isEqualTo(0.5);
      assertThat(s.mem()).isEqualTo(512);
      assertThat(s.constraints()).isEqualTo("hostname=unique");
    });

    ApiResponse<StatusView> byForm = ok(client.postForm("/api/add", "id=3&constraints=hostname%3Dunique%2Crack%3Dlike%3Aa.*"));
    assertThat(byForm.message()).isEqualTo("Added servers 3");
    assertThat(byForm.value().servers()).singleElement()
        .satisfies(s -> assertThat(s.constraints()).isEqualTo("hostname=unique,rack=like:a.*"));

    ApiResponse<StatusView> byJson = ok(client.postJson("/api/add", "{\"id\": 4, \"cpu\": 0.3, \"disk\": 2048}"));
    assertThat(byJson.message()).isEqualTo("Added servers 4");
    assertThat(byJson.value().servers()).singleElement().satisfies(s -> {
      assertThat(s.cpu()).isEqualTo(0.3);
      assertThat(s.disk()).isEqualTo(2048);
    });
    assertThat(control.state().servers()).hasSize(5);
  }

  @Test
  public void configByQueryFormAndJson() {
    ok(client.get("/api/add?id=0..2"));
    ApiResponse<StatusView> byQuery = ok(client.get("/api/config?id=0&loglines=500&timeout=30000"));
    assertThat(byQuery.message()).isEqualTo("Updated configuration for servers 0");
    assertThat(byQuery.value().servers()).singleElement().satisfies(s -> assertThat(s.config().exhibitor())
        .containsEntry("loglines", "500").containsEntry("timeout", "30000"));

    ApiResponse<StatusView> byForm = ok(client.postForm("/api/config", "id=1..2&client-port=2181&java-options=-Xmx1g%3B-Da%3Db"));
    assertThat(byForm.message()).isEqualTo("Updated configuration for servers 1..2");
    assertThat(byForm.value().servers()).hasSize(2).allSatisfy(s -> {
      assertThat(s.config().sharedOverrides()).containsEntry("client-port", "2181");
      assertThat(s.config().framework()).containsEntry("java-options", "-Xmx1g;-Da=b");
    });

    ApiResponse<StatusView> byJson = ok(client.postJson("/api/config", "{\"id\": \"*\", \"stickiness-period\": \"5m\"}"));
    assertThat(byJson.message()).isEqualTo("Updated configuration for servers 0..2");
    assertThat(byJson.value().servers()).hasSize(3)
        .allSatisfy(s -> assertThat(s.config().framework()).containsEntry("stickiness-period", "5m")
            .containsEntry("configchangebackoff", "10000"));
  }

  @Test
  public void startWithTimeoutZeroSchedulesAndAnswersAtOnce() {
    ok(client.get("/api/add?id=0..2"));
    ApiResponse<StatusView> answer = ok(client.get("/api/start?id=0..2&timeout=0"));
    assertThat(answer.message()).isEqualTo("Scheduled servers 0..2");
    assertThat(answer.value().servers()).hasSize(3).allSatisfy(s -> {
      assertThat(s.state()).isEqualTo("Pending");
      assertThat(s.desired()).isEqualTo("active");
      assertThat(s.reason()).isEqualTo("waiting for an offer");
    });
  }

  @Test
  public void startWaitsForAllServersInParallel() {
    ok(client.postForm("/api/add", "id=0..2"));
    later.schedule(() -> running(0), 50, TimeUnit.MILLISECONDS);
    later.schedule(() -> running(2), 150, TimeUnit.MILLISECONDS);
    later.schedule(() -> running(1), 250, TimeUnit.MILLISECONDS);
    long began = System.nanoTime();
    ApiResponse<StatusView> answer = ok(client.postForm("/api/start", "id=0..2&timeout=30s"));
    assertThat(System.nanoTime() - began).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
    assertThat(answer.message()).isEqualTo("Started servers 0..2");
    assertThat(answer.value().servers()).extracting(ServerView::state).containsOnly("Running");
    assertThat(answer.value().ensemble().connectString()).isEqualTo("host0:31000,host1:31010,host2:31020");
  }

  @Test
  public void startByJsonWithTheDefaultTimeout() {
    ok(client.postJson("/api/add", "{\"id\": \"0\"}"));
    later.schedule(() -> running(0), 100, TimeUnit.MILLISECONDS);
    ApiResponse<StatusView> answer = ok(client.postJson("/api/start", "{\"id\": \"0\"}"));
    assertThat(answer.message()).isEqualTo("Started servers 0");
  }

  @Test
  public void startThatTimesOutSaysWhichServersAreNotThereAndWhy() {
    ok(client.get("/api/add?id=0..2"));
    later.schedule(() -> running(0), 20, TimeUnit.MILLISECONDS);
    HttpResponse<String> r = client.get("/api/start?id=0..2&timeout=400ms");
    ApiResponse<StatusView> answer = read(r);
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(answer.success()).isFalse();
    assertThat(answer.message()).startsWith("Timed out after 400ms waiting for servers 1..2 to run: ")
        .contains("server 1 is Pending (waiting for an offer)", "server 2 is Pending (waiting for an offer)");
    assertThat(answer.value().servers()).extracting(ServerView::state).containsExactly("Running", "Pending", "Pending");
    assertThat(control.state().server(ServerId.of(1)).orElseThrow().observed()).isEqualTo(ObservedState.PENDING);
  }

  @Test
  public void stopWaitsUntilTheServerStoppedAndRefusesLosingTheQuorum() {
    ok(client.get("/api/add?id=0..2"));
    running(0, 1, 2);
    later.schedule(() -> control.markStopped(1), 200, TimeUnit.MILLISECONDS);
    ApiResponse<StatusView> stopped = ok(client.get("/api/stop?id=1"));
    assertThat(stopped.message()).isEqualTo("Stopped servers 1");
    assertThat(stopped.value().servers()).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo("Added");
      assertThat(s.desired()).isEqualTo("inactive");
    });

    HttpResponse<String> refused = client.postForm("/api/stop", "id=2");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(read(refused).message()).contains("quorum", "--force");
    assertThat(control.state().server(ServerId.of(2)).orElseThrow().observed()).isEqualTo(ObservedState.RUNNING);

    ApiResponse<StatusView> forced = ok(client.postJson("/api/stop", "{\"id\": 2, \"force\": true, \"timeout\": \"0\"}"));
    assertThat(forced.message()).isEqualTo("Stopping servers 2");
    assertThat(forced.value().servers()).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo("Stopping"));
  }

  @Test
  public void stopOfServersThatDoNotRunAnswersAtOnce() {
    ok(client.get("/api/add?id=0..1"));
    ok(client.get("/api/start?id=0..1&timeout=0"));
    ApiResponse<StatusView> answer = ok(client.postJson("/api/stop", "{\"id\": \"*\"}"));
    assertThat(answer.message()).isEqualTo("Stopped servers 0..1");
  }

  @Test
  public void removeByEveryFormListsNoServers() {
    ok(client.get("/api/add?id=0..2"));
    ApiResponse<StatusView> byQuery = ok(client.get("/api/remove?id=0"));
    assertThat(byQuery.message()).isEqualTo("Removed servers 0");
    assertThat(byQuery.value().servers()).isEmpty();
    assertThat(ok(client.postForm("/api/remove", "id=1")).message()).isEqualTo("Removed servers 1");
    assertThat(ok(client.postJson("/api/remove", "{\"id\": \"2\", \"force\": false}")).message())
        .isEqualTo("Removed servers 2");
    assertThat(control.state().servers()).isEmpty();
  }

  @Test
  public void malformedPercentEncodingInTheQueryIs400() {
    String answer = client.raw("GET /api/start?id=%zz HTTP/1.1");
    assertThat(answer).startsWith("HTTP/1.1 400 ").contains("malformed query", "\"success\":false");
  }

  @Test
  public void theJdkClientsDefaultHttp2UpgradeIsAnsweredOverHttp1() throws Exception {
    java.net.http.HttpClient h2 = java.net.http.HttpClient.newHttpClient();
    HttpResponse<String> r = h2.send(java.net.http.HttpRequest.newBuilder(client.uri("/api/add"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("id=0")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ok(r).message()).isEqualTo("Added servers 0");
    assertThat(ok(h2.send(java.net.http.HttpRequest.newBuilder(client.uri("/api/status")).build(),
        HttpResponse.BodyHandlers.ofString())).value().servers()).hasSize(1);
  }

  @Test
  public void cannotActIs503AndChangesNothing() {
    ok(client.get("/api/add?id=0"));
    control.setUnavailable("not subscribed to Mesos yet");
    HttpResponse<String> r = client.get("/api/start?id=0");
    ApiResponse<StatusView> answer = read(r);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(answer.success()).isFalse();
    assertThat(answer.message()).contains("not subscribed to Mesos yet");
    assertThat(control.state().server(ServerId.of(0)).orElseThrow().observed()).isEqualTo(ObservedState.ADDED);
  }

  @Test
  public void badAddOptionsAre400EvenWhenTheSchedulerCannotAct() {
    control.setUnavailable("not subscribed to Mesos yet");
    HttpResponse<String> r = client.get("/api/add?id=0&cpu=lots");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(read(r).message()).contains("cpu");
  }
}

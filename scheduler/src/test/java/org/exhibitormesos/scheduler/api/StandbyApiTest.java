package org.exhibitormesos.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.ServerMode;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** The standby's HTTP answers over real HTTP: reads from the stored state, writes to the leader. */
public class StandbyApiTest {
  private static final String OWN = "http://127.0.0.1:1";

  private final AtomicReference<Optional<ClusterState>> stored = new AtomicReference<>(Optional.empty());
  private final AtomicReference<Optional<String>> leader = new AtomicReference<>(Optional.empty());
  private final AtomicReference<Exception> readFailure = new AtomicReference<>();
  private StandbyApi standby;
  private ApiClient client;

  @BeforeMethod
  public void start() throws IOException {
    stored.set(Optional.empty());
    leader.set(Optional.empty());
    readFailure.set(null);
    standby = new StandbyApi(new StandbyApi.Setup(ApiServer.Settings.of("127.0.0.1", 0), OWN, "zk:h:1/s-leader",
        () -> {
          if (readFailure.get() != null) {
            throw readFailure.get();
          }
          return stored.get();
        }, leader::get, new StatusViews(ServerMode.NATIVE)));
    standby.start();
    client = new ApiClient(standby.port());
  }

  @AfterMethod(alwaysRun = true)
  public void stop() {
    standby.close();
  }

  @Test
  public void statusIsReadFromTheStoredStateEachTime() {
    HttpResponse<String> none = client.get("/api/status");
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(none.body()).contains("\"servers\":[]").doesNotContain("fw-1");

    stored.set(Optional.of(StatusFixtures.state(ServerMode.NATIVE)));
    HttpResponse<String> some = client.get("/api/status");
    assertThat(some.statusCode()).isEqualTo(200);
    assertThat(some.body()).contains("\"frameworkId\":\"fw-1\"").contains("\"success\":true");
    assertThat(client.get("/health").body()).isEqualTo("ok");
  }

  @Test
  public void writesAreRedirectedToTheLeaderWithTheirPathAndQuery() {
    leader.set(Optional.of("http://127.0.0.9:7000"));
    HttpResponse<String> get = client.get("/api/start?id=0..2&timeout=0");
    assertThat(get.statusCode()).isEqualTo(307);
    assertThat(get.headers().firstValue("Location")).contains("http://127.0.0.9:7000/api/start?id=0..2&timeout=0");
    assertThat(get.body()).contains("stands by").contains("http://127.0.0.9:7000");

    HttpResponse<String> post = client.postForm("/api/add", "id=3");
    assertThat(post.statusCode()).isEqualTo(307);
    assertThat(post.headers().firstValue("Location")).contains("http://127.0.0.9:7000/api/add");
  }

  @Test
  public void writesAre503WhenNoLeaderIsKnownOrThisOneIsTakingOver() {
    HttpResponse<String> unknown = client.get("/api/stop?id=1");
    assertThat(unknown.statusCode()).isEqualTo(503);
    assertThat(unknown.body()).contains("no leading scheduler is known in zk:h:1/s-leader");
    assertThat(unknown.headers().firstValue("Location")).isEmpty();

    leader.set(Optional.of(OWN));
    HttpResponse<String> self = client.get("/api/stop?id=1");
    assertThat(self.statusCode()).isEqualTo(503);
    assertThat(self.body()).contains("taking over");
  }

  @Test
  public void anUnreadableStoreIs503AndUnknownRoutes404() {
    readFailure.set(new IOException("connection loss"));
    HttpResponse<String> status = client.get("/api/status");
    assertThat(status.statusCode()).isEqualTo(503);
    assertThat(status.body()).contains("connection loss");
    assertThat(client.get("/api/nosuch").statusCode()).isEqualTo(404);
    assertThat(client.get("/api/status?bogus=1").statusCode()).isEqualTo(400);
  }
}

package org.exhibitormesos.mesos.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.http.Credentials;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.master.StaticMasterDetector;
import org.exhibitormesos.mesos.local.testing.Await;
import org.exhibitormesos.mesos.local.testing.ClientScheduler;
import org.exhibitormesos.mesos.local.testing.LocalFixture;
import org.exhibitormesos.mesos.local.testing.Protos;
import org.testng.annotations.Test;

/** The optional behaviours, off by default: a standby master's 307 and HTTP Basic auth. */
public class OptionalFeaturesTest {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private static final String SUBSCRIBE = "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\""
      + ":{\"user\":\"u\",\"name\":\"n\"%s}}}";

  private HttpResponse<String> post(String url, String body, String authorization)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  public void standbyMasterRedirectsToTheLeader() throws Exception {
    try (LocalFixture fixture = new LocalFixture(1, c -> c)) {
      HostAndPort standby = fixture.local.startStandby("127.0.0.1", 0);
      HttpResponse<String> r = post("http://" + standby + "/master/api/v1/scheduler",
          String.format(SUBSCRIBE, ""), null);
      assertThat(r.statusCode()).isEqualTo(307);
      assertThat(r.headers().firstValue("Location"))
          .hasValue("//" + fixture.local.masterEndpoint() + "/master/api/v1/scheduler");
      HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(URI.create("http://"
          + standby + "/redirect")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(redirect.statusCode()).isEqualTo(307);
      assertThat(redirect.headers().firstValue("Location"))
          .hasValue("//" + fixture.local.masterEndpoint());
      try (ClientScheduler scheduler = new ClientScheduler(new StaticMasterDetector(
          List.of(standby)), Protos.framework(false))) {
        Event.Subscribed s = Await.next(scheduler.subscriptions, x -> true, "SUBSCRIBED");
        assertThat(s.getMasterInfo().getPort()).isEqualTo(fixture.local.masterEndpoint().port());
      }
      fixture.deleteWorkDir();
    }
  }

  @Test
  public void basicAuthenticationWhenCredentialsAreConfigured() throws Exception {
    Credentials good = new Credentials("zk-fw", "secret");
    try (LocalFixture fixture = new LocalFixture(1, c -> c.withCredentials(List.of(good)))) {
      String url = fixture.url() + "/api/v1/scheduler";
      HttpResponse<String> none = post(url, String.format(SUBSCRIBE, ""), null);
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate"))
          .hasValue("Basic realm=\"mesos-master-scheduler\"");
      assertThat(post(url, String.format(SUBSCRIBE, ""), "Basic " + Base64.getEncoder()
          .encodeToString("zk-fw:wrong".getBytes())).statusCode()).isEqualTo(401);
      assertThat(post(url, String.format(SUBSCRIBE, ",\"principal\":\"other\""),
          good.authorizationHeader()).statusCode()).isEqualTo(400);
      try (ClientScheduler scheduler = new ClientScheduler(new StaticMasterDetector(
          List.of(fixture.local.masterEndpoint())), Protos.framework(false),
          c -> c.withCredentials(good))) {
        Await.next(scheduler.subscriptions, x -> true, "SUBSCRIBED");
        scheduler.send(Call.newBuilder().setType(Call.Type.REVIVE).build());
      }
      fixture.deleteWorkDir();
    }
  }
}

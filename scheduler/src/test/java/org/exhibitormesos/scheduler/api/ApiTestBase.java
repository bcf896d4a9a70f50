package org.exhibitormesos.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.exhibitormesos.core.api.ApiJson;
import org.exhibitormesos.core.api.ApiResponse;
import org.exhibitormesos.core.api.StatusView;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.scheduler.artifacts.ArtifactFolder;
import org.exhibitormesos.scheduler.artifacts.ArtifactServer;
import org.exhibitormesos.scheduler.loop.InMemoryClusterControl;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;

/**
 * A real {@link ApiServer} on 127.0.0.1 with an ephemeral port over an
 * {@link InMemoryClusterControl}, for each test method; every answer is checked for the secret.
 */
abstract class ApiTestBase {
  protected InMemoryClusterControl control;
  protected ApiServer server;
  protected ApiClient client;
  protected Path artifactsDir;
  private final List<String> bodies = new ArrayList<>();

  @BeforeMethod
  public void startServer() throws IOException {
    artifactsDir = Files.createTempDirectory("api-artifacts");
    control = new InMemoryClusterControl(Clock.systemUTC());
    server = new ApiServer(new ApiServer.Settings("127.0.0.1", 0, ApiServer.DEFAULT_MAX_BODY_BYTES,
        Duration.ofMillis(20)), control, new StatusViews(ServerMode.NATIVE),
        new ArtifactServer(new ArtifactFolder(artifactsDir)), Clock.systemUTC());
    server.start();
    client = new ApiClient(server.port());
    bodies.clear();
  }

  @AfterMethod(alwaysRun = true)
  public void stopServer() throws IOException {
    if (server != null) {
      server.close();
    }
    if (artifactsDir != null) {
      try (Stream<Path> files = Files.walk(artifactsDir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    assertThat(bodies).as("no answer shows the ensemble secret")
        .noneMatch(b -> b.contains(InMemoryClusterControl.SECRET));
  }

  /** The answer's envelope, after checking that the CLI can read it and that it is no internal error. */
  protected ApiResponse<StatusView> read(HttpResponse<String> response) {
    bodies.add(response.body());
    assertThat(response.statusCode()).as("status of %s", response.body()).isNotEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/json"));
    return ApiJson.readStatusResponse(response.body());
  }

  /** Reads a 200 answer. */
  protected ApiResponse<StatusView> ok(HttpResponse<String> response) {
    ApiResponse<StatusView> answer = read(response);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(answer.success()).isTrue();
    return answer;
  }
}

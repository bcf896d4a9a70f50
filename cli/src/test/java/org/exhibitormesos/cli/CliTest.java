package org.exhibitormesos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.cli.CliRun.resource;
import static org.exhibitormesos.cli.CliRun.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibitormesos.core.api.ApiRoutes;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Every command against a fake control API: what is sent, what is printed, how it exits. */
public class CliTest {
  private FakeApiServer api;

  @BeforeMethod
  public void startApi() {
    api = new FakeApiServer();
  }

  @AfterMethod(alwaysRun = true)
  public void stopApi() {
    api.close();
  }

  private String[] withApi(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("-a");
    all.add(api.url());
    return all.toArray(String[]::new);
  }

  @DataProvider
  public Object[][] commands() {
    return new Object[][] {
        {new String[] {"status"}, ApiRoutes.STATUS, Map.of(), "status"},
        {new String[] {"status"}, ApiRoutes.STATUS, Map.of(), "empty"},
        {new String[] {"status"}, ApiRoutes.STATUS, Map.of(), "status-exhibitor"},
        {new String[] {"add", "0..1", "--cpu", "0.5", "-m", "512"}, ApiRoutes.ADD,
            Map.of("id", "0..1", "cpu", "0.5", "mem", "512"), "add"},
        {new String[] {"config", "0", "--configtype", "zookeeper", "--servo", "true", "--timeout", "15000",
            "--zkconfigconnect", "zk1:2181", "--java-options", "-Xmx256m"}, ApiRoutes.CONFIG,
            Map.of("id", "0", "configtype", "zookeeper", "servo", "true", "timeout", "15000",
                "zkconfigconnect", "zk1:2181", "java-options", "-Xmx256m"), "config"},
        {new String[] {"start", "0", "--timeout", "30s"}, ApiRoutes.START, Map.of("id", "0", "timeout", "30s"),
            "start"},
        {new String[] {"start", "0", "--timeout", "0"}, ApiRoutes.START, Map.of("id", "0", "timeout", "0"),
            "start-scheduled"},
        {new String[] {"stop", "0", "--force"}, ApiRoutes.STOP, Map.of("id", "0", "force", "true"), "stop"},
        {new String[] {"remove", "0"}, ApiRoutes.REMOVE, Map.of("id", "0"), "remove"},
    };
  }

  @Test(dataProvider = "commands")
  public void sendsTheRouteAndParametersAndPrintsTheOriginalsOutput(String[] args, String route,
      Map<String, String> params, String fixture) {
    api.answer(route, 200, resource("api/" + fixture + ".json"));

    CliRun r = run(withApi(args));

    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    String golden = fixture.equals("empty") ? "status-empty" : fixture;
    assertThat(r.out()).isEqualTo(resource("golden/" + golden + ".txt"));
    FakeApiServer.Request request = api.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(route);
    assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
    assertThat(request.form()).isEqualTo(params);
  }

  @Test(dataProvider = "commands")
  public void jsonPrintsTheAnswerUnchanged(String[] args, String route, Map<String, String> params, String fixture) {
    String body = resource("api/" + fixture + ".json");
    api.answer(route, 200, body);
    List<String> withJson = new ArrayList<>(List.of(withApi(args)));
    withJson.add("--json");

    CliRun r = run(withJson.toArray(String[]::new));

    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).isEqualTo(body.endsWith("\n") ? body : body + "\n");
    assertThat(api.onlyRequest().form()).isEqualTo(params);
  }

  @Test
  public void aRefusalExitsOneWithTheSchedulersMessage() {
    api.answer(ApiRoutes.STOP, 409, resource("api/refused.json"));

    CliRun r = run(withApi("stop", "1"));

    assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("Error: stopping servers 1 would leave 1 of 3 voters serving, fewer than the "
        + "quorum of 2; use --force to stop anyway\n");
  }

  @Test
  public void aRefusalWithJsonStillPrintsTheAnswer() {
    api.answer(ApiRoutes.START, 400, "{\"success\":false,\"message\":\"unknown server 7\"}");

    CliRun r = run(withApi("start", "7", "--json"));

    assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
    assertThat(r.out()).isEqualTo("{\"success\":false,\"message\":\"unknown server 7\"}\n");
    assertThat(r.err()).isEqualTo("Error: unknown server 7\n");
  }

  @Test
  public void somethingOtherThanAnAnswerIsAFailure() {
    CliRun r = run(withApi("status"));

    assertThat(r.exit()).isEqualTo(ExitCode.FAILED);
    assertThat(r.err()).isEqualTo("Error: the scheduler answered HTTP 404 with something other than an API "
        + "answer: Not Found: /api/status\n");
  }

  @Test
  public void aClosedPortIsUnreachable() throws IOException {
    int port = closedPort();

    CliRun r = run("status", "-a", "http://127.0.0.1:" + port);

    assertThat(r.exit()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(r.err()).isEqualTo("Error: cannot reach the scheduler at http://127.0.0.1:" + port
        + "/api/status: connection refused\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  public void anUnknownHostIsUnreachable() {
    CliRun r = run("remove", "0", "-a", "http://no-such-host.invalid:7000");

    assertThat(r.exit()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(r.err()).isEqualTo("Error: cannot reach the scheduler at http://no-such-host.invalid:7000"
        + "/api/remove: unknown host no-such-host.invalid\n");
  }

  @Test
  public void noAnswerInTimeIsUnreachable() {
    api.hang(ApiRoutes.STATUS);

    CliRun r = run(base -> new HttpApiClient(base, Duration.ofMillis(300)), Map.of(), withApi("status"));

    assertThat(r.exit()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(r.err()).isEqualTo("Error: cannot reach the scheduler at " + api.url()
        + "/api/status: timed out: no answer within 300ms\n");
  }

  @Test
  public void theApiUrlComesFromEmApiWhenNotGiven() throws IOException {
    api.answer(ApiRoutes.STATUS, 200, resource("api/empty.json"));

    assertThat(run(Map.of("EM_API", api.url()), "status").exit()).isEqualTo(ExitCode.OK);
    String hostPort = api.url().substring("http://".length());
    assertThat(run(Map.of("EM_API", hostPort + "/"), "status").exit()).isEqualTo(ExitCode.OK);
    CliRun flagWins = run(Map.of("EM_API", "http://127.0.0.1:" + closedPort()), "status", "-a", api.url());
    assertThat(flagWins.exit()).isEqualTo(ExitCode.OK);
    assertThat(api.requests()).hasSize(3);
  }

  @Test
  public void withoutAnApiUrlItSaysHowToSetIt() {
    CliRun r = run("status");

    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("Error: no scheduler API URL: pass -a/--api http://HOST:PORT or set "
        + "EM_API=http://HOST:PORT");
  }

  @DataProvider
  public Object[][] badUrls() {
    return new Object[][] {{"ftp://m:7000"}, {"http://"}, {"http://m:7000?x=1"}, {"http://m:70 00"}};
  }

  @Test(dataProvider = "badUrls")
  public void aMalformedApiUrlIsAUsageError(String url) {
    CliRun r = run("status", "-a", url);

    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("Error: invalid API URL '" + url + "' from --api");
  }

  @Test
  public void usageErrorsSendNothing() {
    for (String[] args : List.of(new String[] {"start", "0..x"}, new String[] {"add", "0", "--cpu", "lots"},
        new String[] {"config", "0", "--timeout", "30s"}, new String[] {"stop", "0", "--forse"})) {
      CliRun r = run(withApi(args));
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
      assertThat(r.err()).startsWith("Error: ").contains("Run 'exhibitor-mesos help " + args[0] + "'");
    }
    assertThat(api.requests()).isEmpty();
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

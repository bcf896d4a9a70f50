package org.exhibitormesos.mesos.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.exhibitormesos.mesos.local.process.RunMarkers;
import org.exhibitormesos.mesos.local.testing.Await;
import org.exhibitormesos.mesos.local.testing.Json;
import org.exhibitormesos.mesos.local.testing.JsonScheduler;
import org.exhibitormesos.mesos.local.testing.ProcessFixture;
import org.testng.annotations.Test;

/** Faults with real executor processes: agent loss kills them; SIGTERM of mesos-local too. */
public class ProcessFaultsTest {
  private static long executorPid(String masterUrl) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(masterUrl + "/state")).GET().build(), HttpResponse.BodyHandlers.ofString());
    JsonObject state = JsonParser.parseString(r.body()).getAsJsonObject();
    for (var a : state.getAsJsonArray("agents")) {
      for (var e : a.getAsJsonObject().getAsJsonArray("executors")) {
        long pid = e.getAsJsonObject().get("pid").getAsLong();
        if (pid > 0) {
          return pid;
        }
      }
    }
    return -1;
  }

  private static void launch(JsonScheduler s) throws Exception {
    s.subscribeNew(",\"failover_timeout\":60");
    JsonObject offer = Json.offers(s.next("OFFERS")).get(0).getAsJsonObject();
    String task = Json.task("t1", offer.get("agent_id"), "e1", ProcessFixture.javaExecutorCommand(),
        Json.scalar("cpus", 0.5) + "," + Json.scalar("mem", 128), null);
    s.call(Json.accept(s.frameworkId, offer.get("id"), Json.launch(task), 0));
    s.acknowledge(s.nextUpdate("t1", "TASK_RUNNING"));
  }

  @Test
  public void agentLossKillsItsExecutorProcesses() throws Exception {
    try (ProcessFixture fixture = new ProcessFixture(1, c -> c);
        JsonScheduler s = new JsonScheduler(fixture.url())) {
      launch(s);
      long pid = executorPid(fixture.url());
      assertThat(ProcessHandle.of(pid)).isPresent();
      fixture.local.faults().removeAgent(0);
      Await.until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true),
          "executor process " + pid + " killed");
      JsonObject lost = s.nextUpdate("t1", "TASK_LOST");
      assertThat(lost.get("reason").getAsString()).isEqualTo("REASON_AGENT_REMOVED");
      s.next(e -> e.get("type").getAsString().equals("FAILURE")
          && !e.getAsJsonObject("failure").has("executor_id"), "agent FAILURE");
    }
  }

  @Test
  public void sigtermOfTheMainKillsEveryExecutor() throws Exception {
    Path dir = Files.createTempDirectory("mesos-local-sigterm");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-cp",
        System.getProperty("java.class.path"), MesosLocalMain.class.getName(), "--agents", "1",
        "--port", "0", "--work-dir", dir.toString(), "--heartbeat", "1"));
    Process main = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(main.getInputStream(),
          StandardCharsets.UTF_8));
      String url = null;
      String line;
      while (url == null && (line = out.readLine()) != null) {
        int at = line.indexOf("mesos-local master: ");
        if (at >= 0) {
          url = line.substring(at + "mesos-local master: ".length()).split(" ")[0];
        }
      }
      assertThat(url).startsWith("http://127.0.0.1:");
      Thread drain = new Thread(() -> {
        try {
          out.lines().forEach(l -> { });
        } catch (java.io.UncheckedIOException closed) {
          // the process ended
        }
      });
      drain.setDaemon(true);
      drain.start();
      long pid;
      try (JsonScheduler s = new JsonScheduler(url)) {
        launch(s);
        pid = executorPid(url);
      }
      String marker = RunMarkers.markerOf(pid).orElseThrow();
      main.destroy(); // SIGTERM
      assertThat(main.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Await.until(Duration.ofSeconds(10), () -> RunMarkers.find(marker).isEmpty(),
          "no process of run " + marker);
    } finally {
      main.destroyForcibly();
    }
  }
}

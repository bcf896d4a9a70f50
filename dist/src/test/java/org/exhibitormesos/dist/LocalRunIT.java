package org.exhibitormesos.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.exhibitormesos.mesos.local.process.RunMarkers;
import org.testng.ITestContext;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

/**
 * The built distribution's {@code bin/exhibitor-mesos local} as an operator runs it: a 3-server
 * ensemble on its own loopback block and work dir, a znode written through the printed connection
 * string, SIGTERM, nothing left running, then a second run on the same work dir that brings the
 * ensemble back with the znode.
 */
public class LocalRunIT {
  private static final Path HOME = Path.of(System.getProperty("dist.home"));
  private static final Duration FORMED = Duration.ofSeconds(240);
  private static final String ZNODE = "/local-it";

  private final List<String> markers = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  private Path work;

  @Test(timeOut = 900_000)
  public void localRunsAnEnsembleStopsCleanlyAndBringsItBackWithItsData() throws Exception {
    work = Files.createTempDirectory("local-it");
    int block = ThreadLocalRandom.current().nextInt(64, 200);
    byte[] data = ("written through local's connection string " + Instant.now()).getBytes(StandardCharsets.UTF_8);

    Run first = start(block, "first.out");
    String connect = first.awaitFormed();
    assertThat(connect.split(",")).hasSize(3).allMatch(h -> h.startsWith("127.0." + block + "."));
    assertThat(first.output()).contains("added and started servers 0..2");
    assertThat(health(first.api())).isEqualTo(200);
    try (ZooKeeper zk = connect(connect)) {
      createRetrying(zk, data);
    }
    first.stopAndCheckNothingIsLeft();

    Run second = start(block, "second.out");
    String again = second.awaitFormed();
    assertThat(second.output()).contains("the state has 3 servers: adding none").doesNotContain("added and started");
    try (ZooKeeper zk = connect(again)) {
      assertThat(readRetrying(zk)).isEqualTo(data);
    }
    second.stopAndCheckNothingIsLeft();
  }

  @AfterClass(alwaysRun = true)
  public void cleanUp(ITestContext context) throws Exception {
    for (Process p : processes) {
      p.destroyForcibly();
    }
    markers.forEach(RunMarkers::killAll);
    // Kept after a failure: local.log and the sandboxes tell what happened.
    if (work != null && context.getFailedTests().size() == 0) {
      try (Stream<Path> paths = Files.walk(work)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private Run start(int block, String outName) throws IOException {
    Path out = work.resolve(outName);
    ProcessBuilder builder = new ProcessBuilder(HOME.resolve("bin/exhibitor-mesos").toString(), "local",
        "--work-dir", work.resolve("local").toString(), "--api-port", "0", "--agent-address-block", "127.0." + block)
        .redirectErrorStream(true).redirectOutput(out.toFile());
    builder.environment().put("EM_JAVA_OPTS", "-Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    builder.environment().remove("EM_API");
    Process process = builder.start();
    processes.add(process);
    return new Run(process, out);
  }

  private final class Run {
    private final Process process;
    private final Path out;

    Run(Process process, Path out) {
      this.process = process;
      this.out = out;
    }

    String output() {
      try {
        return Files.readString(out, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }

    /** Waits for "ensemble formed"; the last connection string printed until then. */
    String awaitFormed() throws InterruptedException {
      Instant deadline = Instant.now().plus(FORMED);
      while (Instant.now().isBefore(deadline)) {
        String text = output();
        if (text.contains("ensemble formed") && text.contains("ZooKeeper connection string: ")) {
          String[] lines = text.split("\n");
          String connect = "";
          for (String line : lines) {
            int at = line.indexOf("ZooKeeper connection string: ");
            if (at >= 0) {
              connect = line.substring(at + "ZooKeeper connection string: ".length()).trim();
            }
          }
          if (connect.split(",").length == 3) {
            return connect;
          }
        }
        assertThat(process.isAlive()).as("local still runs; its output:\n" + text).isTrue();
        Thread.sleep(500);
      }
      throw new AssertionError("no ensemble within " + FORMED + "; output:\n" + output());
    }

    String api() {
      for (String line : output().split("\n")) {
        if (line.strip().startsWith("export EM_API=")) {
          return line.strip().substring("export EM_API=".length());
        }
      }
      throw new AssertionError("no 'export EM_API=' line in:\n" + output());
    }

    /** SIGTERM; the run stops in order and nothing it started is left. */
    void stopAndCheckNothingIsLeft() throws Exception {
      String marker = Files.readString(work.resolve("local").resolve("run-marker"), StandardCharsets.UTF_8).trim();
      markers.add(marker);
      assertThat(RunMarkers.find(marker)).as("executors of this run").isNotEmpty();
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("local stopped after SIGTERM").isTrue();
      assertThat(process.exitValue()).isEqualTo(143);
      assertThat(output()).contains("stopping: the scheduler first").contains(" stopped\n");
      assertThat(RunMarkers.find(marker)).as("processes of run " + marker).isEmpty();
      assertThat(processesMentioning(work.toString())).as("processes naming the work dir").isEmpty();
      assertThat(work.resolve("local").resolve("run-marker")).doesNotExist();
      // In order: the scheduler stopped before mesos-local killed the executors.
      String log = Files.readString(work.resolve("local").resolve("local.log"), StandardCharsets.UTF_8);
      String lastRun = log.substring(log.lastIndexOf("local run " + marker));
      assertThat(lastRun).contains("LocalRun - scheduler stopped", "executor processes of run " + marker + " stopped",
          "mesos-local stopped");
      assertThat(lastRun.indexOf("LocalRun - scheduler stopped"))
          .isLessThan(lastRun.indexOf("executor processes of run " + marker + " stopped"));
    }
  }

  /** Processes (other than this JVM) whose command line names {@code text}. */
  private static List<String> processesMentioning(String text) {
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses().filter(p -> p.pid() != self)
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .filter(line -> line.contains(text)).toList();
  }

  private static int health(String api) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api
        + "/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  private static ZooKeeper connect(String connect) throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk = new ZooKeeper(connect, 30_000, e -> {
      if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
        connected.countDown();
      }
    });
    if (!connected.await(60, TimeUnit.SECONDS)) {
      zk.close();
      throw new AssertionError("no ZooKeeper session with " + connect);
    }
    return zk;
  }

  private static void createRetrying(ZooKeeper zk, byte[] data) throws Exception {
    retrying(() -> {
      try {
        zk.create(ZNODE, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
      } catch (KeeperException.NodeExistsException e) {
        // an earlier try was applied, its answer lost
      }
      return Optional.of(true);
    });
  }

  private static byte[] readRetrying(ZooKeeper zk) throws Exception {
    return retrying(() -> {
      zk.sync(ZNODE, (rc, path, ctx) -> { }, null);
      return Optional.of(zk.getData(ZNODE, false, null));
    });
  }

  interface ZkCall<T> {
    Optional<T> call() throws KeeperException, InterruptedException;
  }

  /** Retries connection losses (a member may still be joining) for up to a minute. */
  private static <T> T retrying(ZkCall<T> call) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      try {
        return call.call().orElseThrow();
      } catch (KeeperException.ConnectionLossException e) {
        if (Instant.now().isAfter(deadline)) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }
}

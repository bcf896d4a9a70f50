package org.exhibitormesos.bench.ours;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.exhibitormesos.bench.floor.LoadAverage;

/**
 * {@code run-footprint.sh}: resident memory of the scheduler process holding 255 servers. One
 * mesos-local agent too small for any server (0.1 cpus, 64 MB) keeps offering, so the servers, once
 * started, wait and every offer is evaluated against all 255 of them. Prints {@code VmRSS} (and the
 * peak, {@code VmHWM}) from {@code /proc} after subscribing, after {@code add 0..254}, and after
 * {@code start 0..254} plus 30 s of offers and status requests.
 *
 * <p>Flags: {@code --scheduler-jar JAR}, {@code --artifacts DIR} (default {@code bench/target/ours/}),
 * {@code --scheduler-jvm "-Xmx128m"} (space-separated, default the launcher's), {@code --work-dir DIR}.
 */
public final class FootprintMain {
  private static final int SERVERS = 255;

  private FootprintMain() {
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of("bench", "target", "ours", "scheduler.jar");
    Path artifacts = Path.of("bench", "target", "ours", "artifacts");
    List<String> jvm = SchedulerJvm.DEFAULT_OPTIONS;
    Path work = Path.of(System.getProperty("java.io.tmpdir"));
    String what = "scheduler";
    List<String> variants = List.of("", "", "");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--scheduler-jar" -> jar = Path.of(args[i + 1]);
        case "--artifacts" -> artifacts = Path.of(args[i + 1]);
        case "--scheduler-jvm" -> jvm = List.of(args[i + 1].trim().split("\\s+"));
        case "--work-dir" -> work = Path.of(args[i + 1]);
        case "--measure" -> what = args[i + 1];
        case "--executor-variants" -> variants = List.of(args[i + 1].split("\\|", -1));
        default -> {
          System.err.println("unknown flag " + args[i]
              + "; accepted: --scheduler-jar JAR --artifacts DIR --scheduler-jvm OPTIONS --work-dir DIR"
              + " --measure scheduler|executor --executor-variants 'OPTS|OPTS|OPTS'");
          System.exit(2);
        }
      }
    }
    if (args.length % 2 != 0) {
      System.err.println(args[args.length - 1] + " needs a value");
      System.exit(2);
    }
    Files.createDirectories(work);
    FrameworkEnsemble.Artifacts ours = new FrameworkEnsemble.Artifacts(jar, artifacts, jvm);
    System.out.println("scheduler JVM options " + jvm + "; load average " + LoadAverage.now());
    if (what.equals("executor")) {
      if (variants.size() != 3) {
        System.err.println("--executor-variants takes three java-options separated by |, got " + variants.size());
        System.exit(2);
      }
      executors(ours, work, variants);
    } else {
      scheduler(ours, work);
    }
    System.out.println("load average " + LoadAverage.now());
  }

  /**
   * Three servers started and serving, then RSS of each executor and ZooKeeper every 10 s for 30 s.
   * Server i's executor gets {@code variants.get(i)} as its {@code java-options} (appended to the
   * scheduler's defaults, so the last of a repeated option wins), to compare settings in one run.
   */
  private static void executors(FrameworkEnsemble.Artifacts ours, Path work, List<String> variants)
      throws Exception {
    try (FrameworkEnsemble fw = FrameworkEnsemble.start(Files.createTempDirectory(work, "footprint-"), 3, ours,
        false)) {
      for (int id = 0; id < 3; id++) {
        String options = variants.get(id).strip();
        System.out.println("server " + id + " executor java-options: '" + options + "'");
        fw.api().command("/api/add", "id=" + id + "&mem=160");
        if (!options.isEmpty()) {
          fw.api().command("/api/config", "id=" + id + "&java-options=" + ControlApi.encode(options));
        }
      }
      fw.api().command("/api/start", "id=0..2&timeout=120s");
      for (int round = 0; round <= 3; round++) {
        StringBuilder line = new StringBuilder(round * 10 + " s after start:");
        for (int id = 0; id < 3; id++) {
          ProcessHandle zk = fw.zooKeeperOf(id).orElseThrow();
          long executor = zk.parent().orElseThrow().pid();
          line.append(String.format("  server %d executor VmRSS %s MB (VmHWM %s), ZooKeeper %s MB", id,
              mb(ProcessTree.rssKb(executor)), mb(ProcessTree.statusKb(executor, "VmHWM:")),
              mb(ProcessTree.rssKb(zk.pid()))));
        }
        System.out.println(line);
        if (round == 0) {
          for (int id = 0; id < 3; id++) {
            long executor = fw.zooKeeperOf(id).orElseThrow().parent().orElseThrow().pid();
            System.out.println("server " + id + " executor command line: " + String.join(" ",
                ProcessTree.arguments(ProcessHandle.of(executor).orElseThrow())));
          }
        }
        if (round < 3) {
          Thread.sleep(10_000);
        }
      }
    }
  }

  private static void scheduler(FrameworkEnsemble.Artifacts ours, Path work) throws Exception {
    try (FrameworkEnsemble fw = FrameworkEnsemble.start(Files.createTempDirectory(work, "footprint-"), 1,
        a -> a.withResources(0.1, 64, 1024), ours, false)) {
      print("subscribed, empty state", fw.schedulerPid());
      String all = "0.." + (SERVERS - 1);
      fw.api().command("/api/add", "id=" + all + "&constraints="
          + ControlApi.encode("hostname=unique,rack=groupBy:5"));
      print("after add " + all, fw.schedulerPid());
      fw.api().commandAsync("/api/start", "id=" + all + "&timeout=1s");
      long end = System.nanoTime() + 30_000_000_000L;
      int statuses = 0;
      while (System.nanoTime() - end < 0) {
        fw.status();
        statuses++;
        Thread.sleep(500);
      }
      int waiting = (int) ControlApi.servers(fw.status()).size();
      print("after start " + all + " and 30 s of offers (" + waiting + " servers, " + statuses
          + " status requests)", fw.schedulerPid());
    }
  }

  private static void print(String when, long pid) {
    System.out.printf("%-70s VmRSS %s MB, VmHWM %s MB%n", when, mb(ProcessTree.rssKb(pid)),
        mb(ProcessTree.statusKb(pid, "VmHWM:")));
  }

  private static String mb(OptionalLong kb) {
    return kb.isPresent() ? Long.toString(kb.getAsLong() / 1024) : "?";
  }
}

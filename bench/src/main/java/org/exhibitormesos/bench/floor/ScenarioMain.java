package org.exhibitormesos.bench.floor;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibitormesos.bench.ours.FrameworkEnsemble;
import org.exhibitormesos.bench.ours.OursSide;

/**
 * {@code run-scenarios.sh}: times quorum, follower recovery and leader failover of bare ZooKeeper
 * ensembles (the floor) and prints median and spread per ensemble size.
 *
 * <p>Flags: {@code --servers 3,5} (ensemble sizes), {@code --runs 5} (recorded runs per size after
 * one warm-up), {@code --zookeeper-lib DIR} (the servers' jars, default
 * {@code bench/target/zookeeper-lib}), {@code --work-dir DIR} (default the system temp directory),
 * {@code --sides floor,ours} (which sides, interleaved in this order), {@code --scheduler-jar JAR}
 * and {@code --artifacts DIR} (what "ours" runs, default {@code bench/target/ours/}),
 * {@code --keep true} (keep ours' run directories). With both sides it prints the ratio ours/floor
 * of the medians and the spread of the pairwise ratios. Exit status 2 on a bad flag.
 */
public final class ScenarioMain {
  private ScenarioMain() {
  }

  /** The validated flags. */
  record Options(List<Integer> servers, int runs, Path zookeeperLib, Path workDir, List<String> sides,
      Path schedulerJar, Path artifacts, boolean keep) {
    Options {
      servers = List.copyOf(servers);
      sides = List.copyOf(sides);
      for (String side : sides) {
        if (!side.equals("floor") && !side.equals("ours")) {
          throw new IllegalArgumentException("--sides takes floor and/or ours, e.g. floor,ours; got " + side);
        }
      }
      if (sides.isEmpty()) {
        throw new IllegalArgumentException("--sides needs at least one of floor, ours");
      }
      for (int n : servers) {
        if (n != 3 && n != 5) {
          throw new IllegalArgumentException("--servers takes 3 and/or 5, e.g. 3,5; got " + n);
        }
      }
      if (runs < 1) {
        throw new IllegalArgumentException("--runs needs a positive number, got " + runs);
      }
    }

    static Options parse(String[] args) {
      List<Integer> servers = List.of(3, 5);
      int runs = 5;
      Path lib = Path.of("bench", "target", "zookeeper-lib");
      Path work = Path.of(System.getProperty("java.io.tmpdir"));
      List<String> sides = List.of("floor", "ours");
      Path schedulerJar = Path.of("bench", "target", "ours", "scheduler.jar");
      Path artifacts = Path.of("bench", "target", "ours", "artifacts");
      boolean keep = false;
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String value = args[++i];
        try {
          switch (flag) {
            case "--servers" -> {
              List<Integer> list = new ArrayList<>();
              for (String part : value.split(",")) {
                list.add(Integer.parseInt(part.trim()));
              }
              servers = list;
            }
            case "--runs" -> runs = Integer.parseInt(value);
            case "--zookeeper-lib" -> lib = Path.of(value);
            case "--work-dir" -> work = Path.of(value);
            case "--sides" -> sides = List.of(value.split(","));
            case "--scheduler-jar" -> schedulerJar = Path.of(value);
            case "--artifacts" -> artifacts = Path.of(value);
            case "--keep" -> keep = Boolean.parseBoolean(value);
            default -> throw new IllegalArgumentException("unknown flag " + flag
                + "; accepted: --servers 3,5 --runs N --zookeeper-lib DIR --work-dir DIR --sides floor,ours"
                + " --scheduler-jar JAR --artifacts DIR --keep true|false");
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(flag + " takes a number (or 3,5 for --servers), got '" + value + "'", e);
        }
      }
      return new Options(servers, runs, lib, work, sides, schedulerJar, artifacts, keep);
    }
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    run(options, System.out);
  }

  /** Runs every size, sides interleaved, and prints the summary with ratios and footprints. */
  static Map<String, Map<Metric, Samples>> run(Options options, PrintStream out) throws Exception {
    Files.createDirectories(options.workDir());
    List<Side> sides = new ArrayList<>();
    OursSide ours = null;
    for (String name : options.sides()) {
      if (name.equals("floor")) {
        sides.add(new FloorSide(options.zookeeperLib(), options.workDir()));
      } else {
        ours = new OursSide(new FrameworkEnsemble.Artifacts(options.schedulerJar(), options.artifacts(),
            List.of("-Xmx128m")), options.workDir(), options.keep());
        sides.add(ours);
      }
    }
    Interleaved runs = new Interleaved(sides, out);
    Map<String, Map<Metric, Samples>> last = Map.of();
    StringBuilder summary = new StringBuilder();
    for (int servers : options.servers()) {
      summary.append(String.format("load average before %d servers: %s%n", servers, LoadAverage.now()));
      last = runs.run(servers, options.runs());
      summary.append(String.format("load average after %d servers: %s%n", servers, LoadAverage.now()));
      last.forEach((side, byMetric) -> byMetric.forEach((metric, samples) -> summary.append(
          String.format("%d servers  %-6s %-22s %s%n", servers, side, metric.label(), samples.summary()))));
      Map<Metric, Samples> floor = last.get("floor");
      Map<Metric, Samples> mine = last.get("ours");
      if (floor != null && mine != null) {
        floor.forEach((metric, f) -> {
          Samples o = mine.get(metric);
          if (o != null) {
            summary.append(String.format("%d servers  ratio  %-22s %s%n", servers, metric.label(), Ratio.of(o, f)));
          }
        });
      }
    }
    out.println();
    out.print(summary);
    if (ours != null) {
      out.println();
      out.println("footprint at the end of each ours run (RSS, MB): executors | ZooKeepers | scheduler");
      for (OursSide.Footprint f : ours.footprints()) {
        out.printf("%d servers: %s | %s | %d%n", f.servers(), mb(f.executors()), mb(f.zookeepers()), f.scheduler() / 1024);
      }
    }
    return last;
  }

  private static List<Long> mb(List<Long> kb) {
    return kb.stream().map(k -> k / 1024).toList();
  }

  /** Ratio ours/floor: of the medians, and the spread of the run-by-run (pairwise) ratios. */
  record Ratio(double ofMedians, double min, double max) {
    static Ratio of(Samples ours, Samples floor) {
      double min = Double.MAX_VALUE;
      double max = 0;
      int n = Math.min(ours.values().size(), floor.values().size());
      for (int i = 0; i < n; i++) {
        double r = (double) ours.values().get(i).toNanos() / floor.values().get(i).toNanos();
        min = Math.min(min, r);
        max = Math.max(max, r);
      }
      return new Ratio((double) ours.median().toNanos() / floor.median().toNanos(), min, max);
    }

    @Override
    public String toString() {
      return String.format("ours/floor %.2fx (pairwise %.2f..%.2f)", ofMedians, min, max);
    }
  }
}

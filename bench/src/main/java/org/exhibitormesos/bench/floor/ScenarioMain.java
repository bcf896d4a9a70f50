package org.exhibitormesos.bench.floor;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code run-scenarios.sh}: times quorum, follower recovery and leader failover of bare ZooKeeper
 * ensembles (the floor) and prints median and spread per ensemble size.
 *
 * <p>Flags: {@code --servers 3,5} (ensemble sizes), {@code --runs 5} (recorded runs per size after
 * one warm-up), {@code --zookeeper-lib DIR} (the servers' jars, default
 * {@code bench/target/zookeeper-lib}), {@code --work-dir DIR} (default the system temp directory).
 * Exit status 2 on a bad flag.
 */
public final class ScenarioMain {
  private ScenarioMain() {
  }

  /** The validated flags. */
  record Options(List<Integer> servers, int runs, Path zookeeperLib, Path workDir) {
    Options {
      servers = List.copyOf(servers);
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
            default -> throw new IllegalArgumentException("unknown flag " + flag
                + "; accepted: --servers 3,5 --runs N --zookeeper-lib DIR --work-dir DIR");
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(flag + " takes a number (or 3,5 for --servers), got '" + value + "'", e);
        }
      }
      return new Options(servers, runs, lib, work);
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

  /** Runs every size and prints the summary; the sides are wired here (only the floor so far). */
  static Map<String, Map<Metric, Samples>> run(Options options, PrintStream out) throws Exception {
    Files.createDirectories(options.workDir());
    Interleaved runs = new Interleaved(List.of(new FloorSide(options.zookeeperLib(), options.workDir())), out);
    Map<String, Map<Metric, Samples>> last = Map.of();
    StringBuilder summary = new StringBuilder();
    for (int servers : options.servers()) {
      last = runs.run(servers, options.runs());
      last.forEach((side, byMetric) -> byMetric.forEach((metric, samples) -> summary.append(
          String.format("%d servers  %-6s %-18s %s%n", servers, side, metric.label(), samples.summary()))));
    }
    out.println();
    out.print(summary);
    return last;
  }
}

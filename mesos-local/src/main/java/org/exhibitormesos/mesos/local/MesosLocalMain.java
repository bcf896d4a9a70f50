package org.exhibitormesos.mesos.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.exhibitormesos.mesos.local.resources.Ranges;

/**
 * {@code exhibitor-mesos mesos-local}: runs a master and agents until SIGTERM / Ctrl-C, which (like
 * JVM exit) kills every process it started.
 */
public final class MesosLocalMain {
  static final String USAGE = """
      Usage: exhibitor-mesos mesos-local [options]
        --agents N               number of agents (default 3), on 127.0.0.2, 127.0.0.3, ...
        --port P                 master port on the master address (default 5050; 0 = any free port)
        --address IP             master address (default 127.0.0.1)
        --zk zk://H:P/path       register the master in ZooKeeper like a real master
        --work-dir DIR           agents' work dirs, sandboxes and volumes (default: a new temp dir)
        --cpus C --mem MB --disk MB   resources of every agent (default 2, 2048, 10240)
        --ports [B-E]            port range of every agent (default [31000-32000])
        --attributes A;B         attributes of every agent, e.g. rack:r1;zone:a; '{i}' is replaced
                                 by the agent index
        --heartbeat SECONDS      scheduler heartbeat interval (default 15)
        --no-process-group-cleanup   kill only executors' direct children, not their groups
      """;

  private MesosLocalMain() {}

  public static void main(String[] args) throws Exception {
    MesosLocalConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("Error: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (config == null) {
      System.out.print(USAGE);
      return;
    }
    MesosLocal local = MesosLocal.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      local.close();
      stopped.countDown();
    }, "mesos-local-shutdown"));
    print(local, System.out);
    stopped.await();
  }

  static void print(MesosLocal local, PrintStream out) {
    out.println("mesos-local master: " + local.masterUrl() + " (id "
        + local.master().masterInfo().getId() + ")"
        + (local.zkNode() == null ? "" : ", registered in ZooKeeper as " + local.zkNode()));
    for (MesosLocal.AgentView a : local.agents()) {
      out.println("agent " + a.index() + ": " + a.id() + " at " + a.endpoint() + " resources "
          + a.resources() + (a.attributes().isEmpty() ? "" : " attributes " + a.attributes())
          + " work dir " + a.workDir());
    }
    out.flush();
  }

  /** The config, or null for --help. */
  static MesosLocalConfig parse(String[] args) throws IOException {
    int agents = 3;
    int port = 5050;
    String address = "127.0.0.1";
    String zk = null;
    Path workDir = null;
    double cpus = 2;
    double mem = 2048;
    double disk = 10240;
    String ports = null;
    String attributes = "";
    Duration heartbeat = Duration.ofSeconds(15);
    boolean cleanup = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> {
          return null;
        }
        case "--agents" -> agents = integer(a, value(args, ++i, a), 1, 200);
        case "--port" -> port = integer(a, value(args, ++i, a), 0, 65535);
        case "--address" -> address = value(args, ++i, a);
        case "--zk" -> zk = value(args, ++i, a);
        case "--work-dir" -> workDir = Path.of(value(args, ++i, a));
        case "--cpus" -> cpus = number(a, value(args, ++i, a));
        case "--mem" -> mem = number(a, value(args, ++i, a));
        case "--disk" -> disk = number(a, value(args, ++i, a));
        case "--ports" -> ports = value(args, ++i, a);
        case "--attributes" -> attributes = value(args, ++i, a);
        case "--heartbeat" -> heartbeat = Duration.ofMillis((long) (number(a, value(args, ++i, a))
            * 1000));
        case "--no-process-group-cleanup" -> cleanup = false;
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    if (workDir == null) {
      workDir = Files.createTempDirectory("mesos-local-");
    }
    List<AgentConfig> list = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      AgentConfig c = AgentConfig.defaults(i).withResources(cpus, mem, disk)
          .withAttributes(attributes.replace("{i}", Integer.toString(i)));
      if (ports != null) {
        try {
          c = c.withPorts(Ranges.parse(ports));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--ports '" + ports + "' is invalid: expected [B-E]");
        }
      }
      list.add(c);
    }
    MesosLocalConfig config = MesosLocalConfig.defaults(workDir, agents).withAgents(list)
        .withMaster(address, port).withHeartbeat(heartbeat).withCleanupProcessGroups(cleanup);
    return zk == null ? config : config.withZk(zk);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int integer(String option, String v, int min, int max) {
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " '" + v + "' is invalid: expected a number in "
          + min + ".." + max);
    }
  }

  private static double number(String option, String v) {
    try {
      double d = Double.parseDouble(v);
      if (!(d >= 0)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " '" + v + "' is invalid: expected a number >= 0");
    }
  }
}

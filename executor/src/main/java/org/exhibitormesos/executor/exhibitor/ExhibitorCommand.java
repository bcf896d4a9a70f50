package org.exhibitormesos.executor.exhibitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhibitormesos.core.launch.ExhibitorSettings;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.executor.process.ProcessSpec;
import org.exhibitormesos.executor.zookeeper.Installation;

/**
 * Exhibitor's process: its JVM, its flags, and the environment {@code zkServer.sh} and
 * {@code jps} read.
 *
 * <p>Nothing outlives the executor: Exhibitor runs under the parent-watch launcher with the
 * executor's stdin pipe (it halts when the executor is gone); ZooKeeper, which Exhibitor starts
 * through {@code zkServer.sh} and so cannot get that pipe, runs under the same launcher watching
 * a FIFO only the executor holds open for writing ({@code EXHIBITOR_MESOS_PARENT_FIFO}).
 *
 * <p>Java 17 and one-machine fixes: {@code ClassTailor.noOptimize} (Jersey's JAXB otherwise fails
 * on Java 17 and the HTTP API is dead); Jetty bound to the task's address by the bundle's launcher;
 * {@code localhost} mapped to the task's address through {@code -Djdk.net.hosts.file}, since
 * Exhibitor checks ZooKeeper at {@code localhost:<clientPort>} and ZooKeeper listens on the task's
 * address only; a per-task {@code jps} first on {@code PATH}, since Exhibitor kills the first
 * {@code QuorumPeerMain} that {@code jps} lists.
 */
public final class ExhibitorCommand {
  /** The parent-watch launcher, from the ZooKeeper distribution's {@code lib/}. */
  static final String WATCH_LAUNCHER = "org.exhibitormesos.zklauncher.ParentWatchLauncher";
  /** Bound of each of Exhibitor's stdout and stderr files in the sandbox. */
  public static final long MAX_OUTPUT_BYTES = 10L * 1024 * 1024;
  /** How often Exhibitor looks for shared-config changes unless the operator says otherwise. */
  public static final String DEFAULT_CONFIG_CHECK_MS = "2000";

  private ExhibitorCommand() {}

  /**
   * The process spec.
   *
   * @param hostsFile the hosts file mapping {@code localhost} (see {@link ExhibitorFiles})
   * @param path the executor's {@code PATH}, to which the distribution's {@code bin/} and Java's
   *     {@code bin/} are prepended
   */
  public static ProcessSpec of(LaunchSpec spec, ExhibitorLayout layout, Installation install,
      ExhibitorBundle bundle, String path) {
    ExhibitorSettings exhibitor = spec.exhibitor().orElseThrow();
    List<String> cmd = new ArrayList<>();
    cmd.add(install.java().toString());
    cmd.add("-Xmx" + exhibitor.heapMb() + "m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Dcom.sun.xml.bind.v2.bytecode.ClassTailor.noOptimize=true");
    cmd.add("-Djdk.net.hosts.file=" + layout.hostsFile());
    cmd.add("-Dexhibitormesos.bindHost=" + spec.host());
    cmd.add("-cp");
    cmd.add(bundle.classpath() + ":" + install.zookeeperHome().resolve("lib")
        .resolve(Installation.LAUNCHER_JAR));
    cmd.add(WATCH_LAUNCHER);
    cmd.add(ExhibitorBundle.MAIN);
    cmd.addAll(flags(spec, layout));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", install.binDirectory() + ":" + install.java().getParent() + ":" + path);
    env.put("EXHIBITOR_MESOS_RUN_DIR", layout.runDir().toString());
    env.put("EXHIBITOR_MESOS_PARENT_FIFO", layout.parentWatchFifo().toString());
    env.put("EXHIBITOR_MESOS_ZK_HOST", spec.host());
    env.put("EXHIBITOR_MESOS_JAVA", install.java().toString());
    env.put("EXHIBITOR_MESOS_ZK_HEAP_MB", Integer.toString(spec.zookeeper().heapMb()));
    env.put("EXHIBITOR_MESOS_ZK_JVM_OPTS", String.join(" ", spec.zookeeper().jvmOptions()));
    if (spec.zookeeper().log4jProperties().isPresent()) {
      env.put("EXHIBITOR_MESOS_ZK_LOG4J", layout.zooKeeperLog4j().toString());
    }
    return new ProcessSpec("exhibitor", cmd, env, layout.sandbox(),
        layout.sandbox().resolve("exhibitor.out"), layout.sandbox().resolve("exhibitor.err"),
        MAX_OUTPUT_BYTES);
  }

  /**
   * Exhibitor's flags: the operator's pass-through flags, then the ones the executor owns.
   * {@code configtype} defaults to {@code file} with {@code --fsconfigdir} on the volume,
   * {@code configcheckms} to {@value #DEFAULT_CONFIG_CHECK_MS}, {@code hostname} to the task's
   * host; {@code --port} is always the task's admin port and {@code --defaultconfig} the file the
   * executor writes.
   */
  static List<String> flags(LaunchSpec spec, ExhibitorLayout layout) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("configtype", "file");
    flags.put("configcheckms", DEFAULT_CONFIG_CHECK_MS);
    flags.put("hostname", spec.host());
    flags.putAll(spec.exhibitor().orElseThrow().flags());
    if (flags.get("configtype").equals("file")) {
      flags.put("fsconfigdir", layout.configDir().toString());
    }
    flags.put("port", Integer.toString(spec.ports().admin()));
    flags.put("defaultconfig", layout.defaultConfig().toString());
    List<String> out = new ArrayList<>();
    flags.forEach((name, value) -> {
      out.add("--" + name);
      out.add(value);
    });
    return out;
  }
}

package org.exhibitormesos.executor.zookeeper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibitormesos.core.ensemble.SuperDigest;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.executor.process.ProcessSpec;

/** The ZooKeeper process for a launch spec: command line, working directory, output files. */
public final class ZooKeeperCommand {
  /** ZooKeeper's main class, started through the parent-watch launcher. */
  public static final String MAIN = "org.apache.zookeeper.server.quorum.QuorumPeerMain";
  static final String LAUNCHER = "org.exhibitormesos.zklauncher.ParentWatchLauncher";
  /** Bound of each of ZooKeeper's stdout and stderr files in the sandbox. */
  public static final long MAX_OUTPUT_BYTES = 10L * 1024 * 1024;

  private ZooKeeperCommand() {}

  /**
   * The process spec. JVM options from {@code java-environment} come first, so the heap cap
   * ({@code -Xmx}, the last one wins) and the framework's own properties override them.
   *
   * @param log4jConfig the log4j2 configuration file ZooKeeper uses
   */
  public static ProcessSpec of(LaunchSpec spec, ZooKeeperLayout layout, Installation install,
      Path log4jConfig) {
    List<String> cmd = new ArrayList<>();
    cmd.add(install.java().toString());
    cmd.addAll(spec.zookeeper().jvmOptions());
    cmd.add("-Xmx" + spec.zookeeper().heapMb() + "m");
    cmd.add("-Dzookeeper.log.dir=" + layout.sandbox());
    cmd.add("-Dlog4j2.configurationFile=" + log4jConfig);
    // No Jetty in the distribution; never let an AdminServer bind 0.0.0.0.
    cmd.add("-Dzookeeper.admin.enableServer=false");
    spec.zookeeper().superDigest().ifPresent(d ->
        cmd.add("-Dzookeeper.DigestAuthenticationProvider.superDigest=" + SuperDigest.USER + ":"
            + d));
    cmd.add("-cp");
    cmd.add(install.classpath());
    cmd.add(LAUNCHER);
    cmd.add(MAIN);
    cmd.add(layout.zooCfgArgument());
    return new ProcessSpec("zookeeper", cmd, Map.of(), layout.home(),
        layout.sandbox().resolve("zookeeper.out"), layout.sandbox().resolve("zookeeper.err"),
        MAX_OUTPUT_BYTES);
  }
}

package org.exhibitormesos.executor.exhibitor;

import java.nio.file.Path;
import org.exhibitormesos.core.launch.LaunchSpec;

/**
 * Where one Exhibitor-mode server's files are. What must survive a relaunch lives under
 * {@link #home()} (the persistent volume when there is one): ZooKeeper's data and transaction
 * logs, Exhibitor's shared config ({@code --fsconfigdir}) and its log index. What belongs to one
 * run lives in the sandbox: the default config and hosts file the executor writes, ZooKeeper's pid
 * file, output and log, and the parent-watch FIFO.
 *
 * @param sandbox the task sandbox
 * @param home {@code <sandbox>/<volume>}, else {@code <sandbox>/zookeeper}
 * @param dataDir ZooKeeper's snapshots and {@code myid}: {@code home/data}, or the operator's
 *     {@code zookeeper-data-directory} (servers without a volume only)
 * @param logDir ZooKeeper's transaction logs: {@code home/txlog}, or the operator's
 *     {@code zookeeper-log-directory}, else the data directory
 * @param runDir {@code <sandbox>/exhibitor-run}: pid file, ZooKeeper's output and log, FIFO
 */
public record ExhibitorLayout(Path sandbox, Path home, Path dataDir, Path logDir, Path runDir) {
  /** The directory name under the sandbox for servers without a volume. */
  public static final String SANDBOX_HOME = "zookeeper";

  /** The layout for {@code spec} in {@code sandbox}. */
  public static ExhibitorLayout of(Path sandbox, LaunchSpec spec) {
    Path root = sandbox.toAbsolutePath().normalize();
    Path home = root.resolve(spec.volume().orElse(SANDBOX_HOME));
    Path data = spec.zookeeper().dataDirectory().map(d -> root.resolve(d).normalize())
        .orElse(home.resolve("data"));
    Path log = spec.zookeeper().logDirectory().map(d -> root.resolve(d).normalize())
        .orElse(data);
    return new ExhibitorLayout(root, home, data, log, root.resolve("exhibitor-run"));
  }

  /** Exhibitor's shared config directory ({@code --fsconfigdir}). */
  public Path configDir() {
    return home.resolve("exhibitor");
  }

  /** Exhibitor's log index. */
  public Path indexDir() {
    return home.resolve("exhibitor-index");
  }

  /** The default config the executor writes ({@code --defaultconfig}). */
  public Path defaultConfig() {
    return runDir.resolve("exhibitor-defaults.properties");
  }

  /** The hosts file mapping {@code localhost} to the task's address for Exhibitor's JVM. */
  public Path hostsFile() {
    return runDir.resolve("hosts");
  }

  /** The FIFO ZooKeeper's launcher watches. */
  public Path parentWatchFifo() {
    return runDir.resolve("parent-watch.fifo");
  }

  /** The operator's log4j2 configuration for ZooKeeper, when there is one. */
  public Path zooKeeperLog4j() {
    return runDir.resolve("zookeeper-log4j2.properties");
  }

  /** Where {@code zkServer.sh} writes ZooKeeper's pid. */
  public Path zooKeeperPidFile() {
    return runDir.resolve("zookeeper.pid");
  }
}

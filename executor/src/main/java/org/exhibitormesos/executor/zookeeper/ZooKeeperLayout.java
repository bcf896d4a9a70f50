package org.exhibitormesos.executor.zookeeper;

import java.nio.file.Path;
import java.util.Optional;
import org.exhibitormesos.core.launch.LaunchSpec;

/**
 * Where one server's files are. ZooKeeper runs with {@link #home()} as its working directory and
 * {@code conf/zoo.cfg} as its argument, and every path inside {@code home} is written into
 * {@code zoo.cfg} relative to it. That matters because the sandbox path changes with every run
 * (it contains the container id) while the volume's contents stay: ZooKeeper rewrites
 * {@code zoo.cfg} and its dynamic files itself, and with relative paths what it writes stays valid
 * when the task is relaunched on the same volume in a new sandbox.
 *
 * @param sandbox the task sandbox ({@code MESOS_SANDBOX})
 * @param home {@code <sandbox>/<volume>} with a persistent volume, else {@code <sandbox>/zookeeper}
 * @param dataDir snapshots and {@code myid}: {@code home/data}, or the operator's directory
 *     (servers without a volume only; relative to the sandbox)
 * @param dataLogDir transaction logs, if the operator gave a separate directory
 */
public record ZooKeeperLayout(Path sandbox, Path home, Path dataDir, Optional<Path> dataLogDir) {
  /** The directory name under the sandbox for servers without a volume. */
  public static final String SANDBOX_HOME = "zookeeper";

  /** The layout for {@code spec} in {@code sandbox}. */
  public static ZooKeeperLayout of(Path sandbox, LaunchSpec spec) {
    Path root = sandbox.toAbsolutePath().normalize();
    Path home = root.resolve(spec.volume().orElse(SANDBOX_HOME));
    Path data = spec.zookeeper().dataDirectory().map(d -> root.resolve(d).normalize())
        .orElse(home.resolve("data"));
    Optional<Path> log = spec.zookeeper().logDirectory().map(d -> root.resolve(d).normalize());
    return new ZooKeeperLayout(root, home, data, log);
  }

  public Path confDir() {
    return home.resolve("conf");
  }

  public Path zooCfg() {
    return confDir().resolve("zoo.cfg");
  }

  /** The initial dynamic file; ZooKeeper later writes {@code zoo.cfg.dynamic.<version>}. */
  public Path initialDynamicFile() {
    return confDir().resolve("zoo.cfg.dynamic");
  }

  /** Where transaction logs go: {@link #dataLogDir()} or else {@link #dataDir()}. */
  public Path transactionLogDir() {
    return dataLogDir.orElse(dataDir);
  }

  /** The form ZooKeeper should read for {@code path}: relative when inside {@link #home()}. */
  public String forZooKeeper(Path path) {
    Path p = path.toAbsolutePath().normalize();
    return p.startsWith(home) ? home.relativize(p).toString() : p.toString();
  }

  /** The {@code zoo.cfg} argument ZooKeeper is started with (relative to {@link #home()}). */
  public String zooCfgArgument() {
    return forZooKeeper(zooCfg());
  }
}

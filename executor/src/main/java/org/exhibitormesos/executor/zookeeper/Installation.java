package org.exhibitormesos.executor.zookeeper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Java and the ZooKeeper distribution a server runs with, found in the sandbox where the
 * Mesos fetcher extracted them.
 *
 * @param java the {@code java} binary
 * @param zookeeperHome the distribution's root, holding {@code zookeeper*.jar}, {@code lib/*.jar},
 *     {@code conf/log4j2.xml} and {@code bin/zkServer.sh} (the layout Exhibitor can drive)
 */
public record Installation(Path java, Path zookeeperHome) {
  /** The launcher jar's name inside {@code lib/}. */
  public static final String LAUNCHER_JAR = "exhibitor-mesos-zk-launcher.jar";

  /**
   * Finds them. Java: a JDK or JRE extracted into the sandbox ({@code <dir>/bin/java} or
   * {@code <dir>/<dir>/bin/java}) wins, since the scheduler only ships one on purpose; else
   * {@code $JAVA_HOME/bin/java}; else the executor's own Java. ZooKeeper: a directory under the
   * sandbox (at most three levels deep) holding a {@code zookeeper-3*.jar} and
   * {@code lib/}{@value #LAUNCHER_JAR}; {@code zookeeper-dist/} is looked at first.
   *
   * @throws LaunchException naming what is missing
   */
  public static Installation find(Path sandbox, Map<String, String> env) throws LaunchException {
    return new Installation(java(sandbox, env), zookeeper(sandbox));
  }

  /** The classpath: every jar at the root (ZooKeeper's own), then every jar of {@code lib/}. */
  public String classpath() {
    return zookeeperHome + "/*:" + zookeeperHome.resolve("lib") + "/*";
  }

  /** The {@code zkServer.sh} Exhibitor runs. */
  public Path zkServerScript() {
    return zookeeperHome.resolve("bin").resolve("zkServer.sh");
  }

  /** The directory holding the per-task {@code jps}, first on Exhibitor's {@code PATH}. */
  public Path binDirectory() {
    return zookeeperHome.resolve("bin");
  }

  public Path log4jConfig() {
    return zookeeperHome.resolve("conf").resolve("log4j2.xml");
  }

  static Path java(Path sandbox, Map<String, String> env) throws LaunchException {
    try {
      Optional<Path> shipped = dirs(sandbox, 2).stream()
          .map(d -> d.resolve("bin").resolve("java")).filter(Files::isExecutable).findFirst();
      if (shipped.isPresent()) {
        return shipped.get();
      }
    } catch (IOException e) {
      throw new LaunchException("cannot look for a Java in " + sandbox + ": " + e, e);
    }
    String javaHome = env.get("JAVA_HOME");
    if (javaHome != null && !javaHome.isBlank()
        && Files.isExecutable(Path.of(javaHome, "bin", "java"))) {
      return Path.of(javaHome, "bin", "java");
    }
    Path own = Path.of(System.getProperty("java.home"), "bin", "java");
    if (Files.isExecutable(own)) {
      return own;
    }
    throw new LaunchException("no Java found: none extracted in the sandbox " + sandbox
        + ", JAVA_HOME=" + javaHome);
  }

  static Path zookeeper(Path sandbox) throws LaunchException {
    Path preferred = sandbox.resolve("zookeeper-dist");
    if (isDistribution(preferred)) {
      return preferred;
    }
    try {
      for (Path dir : dirs(sandbox, 3)) {
        if (isDistribution(dir)) {
          return dir;
        }
      }
    } catch (IOException e) {
      throw new LaunchException("cannot look for ZooKeeper in " + sandbox + ": " + e, e);
    }
    throw new LaunchException("no ZooKeeper distribution in the sandbox " + sandbox
        + ": expected a directory with zookeeper-3*.jar and lib/" + LAUNCHER_JAR
        + " (is zookeeper-dist.tar.gz among the executor's URIs?)");
  }

  private static boolean isDistribution(Path dir) {
    if (!Files.isRegularFile(dir.resolve("lib").resolve(LAUNCHER_JAR))) {
      return false;
    }
    try (Stream<Path> jars = Files.list(dir)) {
      return jars.map(p -> p.getFileName().toString())
          .anyMatch(n -> n.startsWith("zookeeper-3") && n.endsWith(".jar"));
    } catch (IOException e) {
      return false;
    }
  }

  // Directories under root down to maxDepth, sorted, so the choice is stable.
  private static List<Path> dirs(Path root, int maxDepth) throws IOException {
    try (Stream<Path> walk = Files.walk(root, maxDepth)) {
      return walk.filter(p -> !p.equals(root)).filter(Files::isDirectory).sorted().toList();
    }
  }
}

package org.exhibitormesos.bench.floor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How the bare servers' JVMs are launched: the same for every server of every run.
 *
 * @param javaBinary the {@code java} executable
 * @param options JVM options (heap cap, GC, logging configuration)
 * @param classPath ZooKeeper and its run-time dependencies
 */
record ServerJvm(Path javaBinary, List<String> options, String classPath) {
  /** The heap each server gets, as the issue prescribes. */
  static final String HEAP = "-Xmx128m";

  ServerJvm {
    Objects.requireNonNull(javaBinary, "javaBinary");
    options = List.copyOf(options);
    Objects.requireNonNull(classPath, "classPath");
  }

  /**
   * This JVM's {@code java}, {@value #HEAP}, the serial collector (two cores, several JVMs) and the
   * jars of {@code libDir}.
   *
   * @param libDir a directory of jars: ZooKeeper, metrics-core, snappy-java, log4j2 (the bench
   *     module's {@code target/zookeeper-lib})
   * @param log4jConfig the servers' log4j2 configuration file
   * @throws IllegalArgumentException if {@code libDir} holds no ZooKeeper jar
   */
  static ServerJvm fromLibDir(Path libDir, Path log4jConfig) {
    try (var jars = Files.list(libDir)) {
      List<Path> list = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
      if (list.stream().noneMatch(p -> p.getFileName().toString().startsWith("zookeeper-"))) {
        throw new IllegalArgumentException("no zookeeper-*.jar in " + libDir
            + "; build the bench module first (mvn -pl bench -am verify)");
      }
      String classPath = String.join(java.io.File.pathSeparator, list.stream().map(Path::toString).toList());
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      return new ServerJvm(java, List.of(HEAP, "-XX:+UseSerialGC",
          "-Dlog4j2.configurationFile=" + log4jConfig), classPath);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot list " + libDir + ": " + e.getMessage(), e);
    }
  }
}

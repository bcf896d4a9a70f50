package org.exhibitormesos.scheduler.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.scheduler.artifacts.ArtifactServer;
import org.exhibitormesos.scheduler.mesos.ExecutorArtifacts;

/**
 * Finds the executor jar, the ZooKeeper distribution and (Exhibitor mode) the Exhibitor bundle in
 * the artifacts folder the scheduler serves.
 */
final class Artifacts {
  private Artifacts() {
  }

  /**
   * @param baseUrl the scheduler's API URL, {@code http://host:port}, where agents fetch them
   * @throws InvalidInputException naming the folder and what is missing
   */
  static ExecutorArtifacts find(Path folder, String baseUrl) {
    return find(folder, baseUrl, false);
  }

  /**
   * @param exhibitor whether the servers run in Exhibitor mode, which also needs the Exhibitor
   *     bundle ({@code exhibitor-mesos-exhibitor-bundle-<version>-bundle.tar.gz})
   * @throws InvalidInputException naming the folder and what is missing
   */
  static ExecutorArtifacts find(Path folder, String baseUrl, boolean exhibitor) {
    String jar = one(folder, "executor jar", n -> n.contains("executor") && n.endsWith("-all.jar"));
    String dist = one(folder, "ZooKeeper distribution", n -> n.endsWith("zookeeper-dist.tar.gz"));
    Optional<String> bundle = Optional.empty();
    if (exhibitor) {
      bundle = Optional.of(baseUrl + ArtifactServer.path(one(folder, "Exhibitor bundle",
          n -> n.contains("exhibitor-bundle") && n.endsWith(".tar.gz"))));
    }
    return new ExecutorArtifacts(baseUrl + ArtifactServer.path(jar), jar, baseUrl + ArtifactServer.path(dist),
        ExecutorArtifacts.LOW_MEMORY_JVM, bundle);
  }

  private static String one(Path folder, String what, java.util.function.Predicate<String> match) {
    List<String> names;
    try (Stream<Path> files = Files.list(folder)) {
      names = files.map(p -> p.getFileName().toString()).filter(match).sorted().toList();
    } catch (IOException e) {
      throw new InvalidInputException("cannot list the artifacts folder " + folder + ": " + e.getMessage());
    }
    if (names.isEmpty()) {
      throw new InvalidInputException("no " + what + " in the artifacts folder " + folder
          + " (expected exhibitor-mesos-executor-<version>-all.jar and "
          + "exhibitor-mesos-executor-<version>-zookeeper-dist.tar.gz, and in Exhibitor mode "
          + "exhibitor-mesos-exhibitor-bundle-<version>-bundle.tar.gz); set --artifacts");
    }
    return names.get(names.size() - 1);
  }
}

package org.exhibitormesos.executor.exhibitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.exhibitormesos.executor.zookeeper.LaunchException;

/**
 * The Exhibitor bundle the Mesos fetcher extracted into the sandbox: a directory whose
 * {@code lib/} holds Exhibitor 1.5.6's jars and {@value #LAUNCHER_JAR}.
 *
 * @param home the bundle's root ({@code exhibitor-bundle/} as packed)
 */
public record ExhibitorBundle(Path home) {
  /** The launcher jar's name inside {@code lib/}. */
  public static final String LAUNCHER_JAR = "exhibitor-mesos-exhibitor-launcher.jar";
  /** The launcher's main class. */
  public static final String MAIN = "org.exhibitormesos.exhibitorlauncher.BoundExhibitorMain";

  /**
   * Finds it: {@code <sandbox>/exhibitor-bundle} first, else any directory at most three levels
   * deep with {@code lib/}{@value #LAUNCHER_JAR} and an {@code exhibitor-standalone-*.jar}.
   *
   * @throws LaunchException naming what is missing
   */
  public static ExhibitorBundle find(Path sandbox) throws LaunchException {
    Path preferred = sandbox.resolve("exhibitor-bundle");
    if (isBundle(preferred)) {
      return new ExhibitorBundle(preferred);
    }
    try (Stream<Path> walk = Files.walk(sandbox, 3)) {
      List<Path> dirs = walk.filter(Files::isDirectory).sorted().toList();
      for (Path dir : dirs) {
        if (isBundle(dir)) {
          return new ExhibitorBundle(dir);
        }
      }
    } catch (IOException e) {
      throw new LaunchException("cannot look for the Exhibitor bundle in " + sandbox + ": " + e, e);
    }
    throw new LaunchException("no Exhibitor bundle in the sandbox " + sandbox
        + ": expected a directory with lib/" + LAUNCHER_JAR
        + " (is exhibitor-bundle.tar.gz among the executor's URIs?)");
  }

  /** Exhibitor's classpath: every jar of {@code lib/}. */
  public String classpath() {
    return home.resolve("lib") + "/*";
  }

  private static boolean isBundle(Path dir) {
    Path lib = dir.resolve("lib");
    if (!Files.isRegularFile(lib.resolve(LAUNCHER_JAR))) {
      return false;
    }
    try (Stream<Path> jars = Files.list(lib)) {
      return jars.map(p -> p.getFileName().toString())
          .anyMatch(n -> n.startsWith("exhibitor-standalone-") && n.endsWith(".jar"));
    } catch (IOException e) {
      return false;
    }
  }
}

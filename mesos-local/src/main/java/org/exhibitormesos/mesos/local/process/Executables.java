package org.exhibitormesos.mesos.local.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the system tools this package runs ({@code setsid}, {@code kill}, {@code tar}). */
final class Executables {
  private static final List<Path> DIRECTORIES =
      List.of(Path.of("/usr/bin"), Path.of("/bin"), Path.of("/usr/sbin"), Path.of("/sbin"));

  private Executables() {}

  /**
   * The absolute path of {@code name} in the standard system directories (independent of the JVM's
   * {@code PATH}, so a user's shadowing {@code kill} is never picked).
   *
   * @throws IllegalStateException naming the tool and the package that provides it
   */
  static String find(String name) {
    for (Path dir : DIRECTORIES) {
      Path candidate = dir.resolve(name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException("'" + name + "' not found in " + DIRECTORIES
        + "; mesos-local needs util-linux (setsid), procps (kill) and tar");
  }
}

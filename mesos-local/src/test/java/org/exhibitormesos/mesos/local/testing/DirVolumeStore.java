package org.exhibitormesos.mesos.local.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.exhibitormesos.mesos.local.agent.VolumeStore;

/** Test stand-in for the agent's volume directories: plain dirs, symlinked into sandboxes. */
public final class DirVolumeStore implements VolumeStore {
  private final Path root;

  public DirVolumeStore(Path agentWorkDir) {
    this.root = agentWorkDir.resolve("volumes").resolve("roles");
  }

  @Override
  public Path create(String role, String persistenceId) throws IOException {
    return Files.createDirectories(path(role, persistenceId));
  }

  @Override
  public void destroy(String role, String persistenceId) throws IOException {
    Path p = path(role, persistenceId);
    if (Files.exists(p)) {
      try (Stream<Path> s = Files.walk(p)) {
        for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(x);
        }
      }
    }
  }

  @Override
  public boolean exists(String role, String persistenceId) {
    return Files.isDirectory(path(role, persistenceId));
  }

  @Override
  public Path path(String role, String persistenceId) {
    return root.resolve(role.replace('/', ' ')).resolve(persistenceId);
  }

  @Override
  public void mount(Path volume, Path sandbox, String containerPath) throws IOException {
    Path link = sandbox.resolve(containerPath);
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, volume);
  }
}

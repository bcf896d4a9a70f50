package org.exhibitormesos.mesos.local.agent;

import java.io.IOException;
import java.nio.file.Path;
import org.exhibitormesos.mesos.local.process.VolumeDirectories;

/** {@link VolumeStore} on the agent's {@code volumes/roles/<role>/<id>} directories. */
public final class DirectoryVolumeStore implements VolumeStore {
  private final VolumeDirectories dirs;

  public DirectoryVolumeStore(Path agentWorkDir) {
    this.dirs = new VolumeDirectories(agentWorkDir);
  }

  @Override
  public Path create(String role, String persistenceId) throws IOException {
    return dirs.create(role, persistenceId);
  }

  @Override
  public void destroy(String role, String persistenceId) throws IOException {
    dirs.destroy(role, persistenceId);
  }

  @Override
  public boolean exists(String role, String persistenceId) {
    return dirs.exists(role, persistenceId);
  }

  @Override
  public Path path(String role, String persistenceId) {
    return dirs.path(role, persistenceId);
  }

  @Override
  public void mount(Path volume, Path sandbox, String containerPath) throws IOException {
    dirs.mount(volume, sandbox, containerPath);
  }
}

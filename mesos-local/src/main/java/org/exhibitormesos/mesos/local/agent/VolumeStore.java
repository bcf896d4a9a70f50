package org.exhibitormesos.mesos.local.agent;

import java.io.IOException;
import java.nio.file.Path;

/** Persistent volume directories of one agent, per (role, persistence id). */
public interface VolumeStore {
  /** Creates (or keeps) the directory and returns it. */
  Path create(String role, String persistenceId) throws IOException;

  /** Deletes the directory and its data. */
  void destroy(String role, String persistenceId) throws IOException;

  boolean exists(String role, String persistenceId);

  Path path(String role, String persistenceId);

  /** Makes {@code volume} visible at {@code <sandbox>/<containerPath>}. */
  void mount(Path volume, Path sandbox, String containerPath) throws IOException;
}

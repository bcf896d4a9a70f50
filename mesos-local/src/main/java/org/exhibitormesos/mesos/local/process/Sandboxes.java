package org.exhibitormesos.mesos.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Sandbox directories laid out as a real agent lays them out: {@code <agentWorkDir>/slaves/
 * <agentId>/frameworks/<frameworkId>/executors/<executorId>/runs/<containerId>}.
 */
public final class Sandboxes {
  private static final Logger LOG = LogManager.getLogger(Sandboxes.class);

  private Sandboxes() {}

  /** The sandbox path, without touching the file system. */
  public static Path path(Path agentWorkDir, String agentId, String frameworkId, String executorId,
      String containerId) {
    return agentWorkDir
        .resolve("slaves").resolve(PathSegments.require("agentId", agentId))
        .resolve("frameworks").resolve(PathSegments.require("frameworkId", frameworkId))
        .resolve("executors").resolve(PathSegments.require("executorId", executorId))
        .resolve("runs").resolve(PathSegments.require("containerId", containerId));
  }

  /**
   * Creates the sandbox and its parents (idempotent) and returns it.
   *
   * @throws IllegalArgumentException if an id is not a single path component
   */
  public static Path create(Path agentWorkDir, String agentId, String frameworkId,
      String executorId, String containerId) throws IOException {
    Path sandbox = path(agentWorkDir, agentId, frameworkId, executorId, containerId);
    Files.createDirectories(sandbox);
    LOG.info("sandbox for executor {} of framework {} on agent {}: {}", executorId, frameworkId,
        agentId, sandbox);
    return sandbox;
  }
}

package org.exhibitormesos.mesos.local.agent;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts executor containers for the agents. {@link #start} may block (fetching URIs), so the master
 * calls it off its state thread.
 */
public interface ExecutorRuntime extends AutoCloseable {
  /**
   * Creates the sandbox directory of {@code launch} (fast, called on the state thread).
   *
   * @throws IOException if the directory cannot be created
   */
  Path createSandbox(ExecutorLaunch launch) throws IOException;

  /**
   * Fetches the executor's URIs into {@code sandbox} and starts the command there, with stdout and
   * stderr files and the agent's environment variables.
   *
   * @throws LaunchFailedException when fetching or starting fails (the tasks then fail with
   *     {@code REASON_CONTAINER_LAUNCH_FAILED})
   */
  RunningExecutor start(ExecutorLaunch launch, Path sandbox) throws LaunchFailedException;

  /** Turns the killing of whole process groups on or off for executors started from now on. */
  default void setProcessGroupCleanup(boolean on) {}

  /** Kills every process this runtime started. Idempotent. */
  @Override
  void close();
}

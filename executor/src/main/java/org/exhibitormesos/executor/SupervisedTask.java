package org.exhibitormesos.executor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.launch.LaunchSpec;

/**
 * One server task of an executor: ZooKeeper alone ({@link ServerTask}) or Exhibitor supervising
 * ZooKeeper ({@link ExhibitorTask}). Every method runs on the executor's task thread. Exactly one
 * terminal update is sent per task.
 */
interface SupervisedTask {
  String id();

  boolean isDone();

  /** Prepares files and starts the processes for {@code spec}; failures become TASK_FAILED. */
  void start(LaunchSpec spec, Path sandbox, Map<String, String> env);

  /** Stops every process of the task and sends TASK_KILLED. */
  void kill(Optional<Duration> grace, String why) throws InterruptedException;

  /** The executor cannot go on: stop every process, no update possible. */
  void abandon() throws InterruptedException;
}

package org.exhibitormesos.mesos.local.master;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.exhibitormesos.mesos.local.agent.RunningExecutor;
import org.exhibitormesos.mesos.local.resources.Resources;

/** An executor container on an agent. Confined to the state thread. */
final class Executor {
  enum Phase { LAUNCHING, STARTED, SUBSCRIBED, TERMINATING, TERMINATED }

  final Agent agent;
  final Framework framework;
  final ExecutorInfo info;
  final String containerId;
  final Resources resources;
  Path sandbox;
  Phase phase = Phase.LAUNCHING;
  RunningExecutor process;
  ExecutorStream stream;
  /** Tasks of this executor by id: queued ones ({@code !delivered}) and delivered ones. */
  final Map<String, Task> tasks = new LinkedHashMap<>();
  ScheduledFuture<?> registrationTimer;
  ScheduledFuture<?> killTimer;
  /** Set when the framework is being removed: no task updates on exit. */
  boolean frameworkRemoved;

  Executor(Agent agent, Framework framework, ExecutorInfo info, String containerId,
      Resources resources) {
    this.agent = agent;
    this.framework = framework;
    this.info = info;
    this.containerId = containerId;
    this.resources = resources;
  }

  String idValue() {
    return info.getExecutorId().getValue();
  }

  boolean holdsResources() {
    return phase != Phase.TERMINATED;
  }

  boolean subscribed() {
    return phase == Phase.SUBSCRIBED && stream != null;
  }

  void send(org.apache.mesos.v1.executor.Protos.Event event) {
    if (stream != null) {
      stream.send(event);
    }
  }
}

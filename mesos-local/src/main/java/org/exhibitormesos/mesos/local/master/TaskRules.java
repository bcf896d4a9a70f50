package org.exhibitormesos.mesos.local.master;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.exhibitormesos.mesos.local.resources.ResourceFormats;

/** Task validation the master performs before launching (reference 4.6); errors -> TASK_ERROR. */
final class TaskRules {
  private TaskRules() {}

  /** Mesos' ID rules: non-empty, at most 255 chars, not . or .., no / \ or control characters. */
  static Optional<String> id(String kind, String id) {
    if (id.isEmpty()) {
      return Optional.of(kind + " ID must not be empty");
    }
    if (id.length() > 255) {
      return Optional.of(kind + " ID '" + id + "' is longer than 255 characters");
    }
    if (id.equals(".") || id.equals("..")) {
      return Optional.of(kind + " ID '" + id + "' must not be '.' or '..'");
    }
    for (char c : id.toCharArray()) {
      if (c == '/' || c == '\\' || Character.isISOControl(c)) {
        return Optional.of(kind + " ID '" + id + "' contains an invalid character");
      }
    }
    return Optional.empty();
  }

  static Optional<String> validate(Framework fw, Agent agent, TaskInfo task, Set<String> launching) {
    Optional<String> idError = id("Task", task.getTaskId().getValue());
    if (idError.isPresent()) {
      return idError;
    }
    String id = task.getTaskId().getValue();
    if (fw.tasks.containsKey(id) || fw.unreachableTasks.containsKey(id) || launching.contains(id)) {
      return Optional.of("Task has duplicate ID: " + id);
    }
    if (!task.getAgentId().equals(agent.id)) {
      return Optional.of("Task uses agent " + task.getAgentId().getValue()
          + " but the offer is on agent " + agent.idValue());
    }
    if (task.hasKillPolicy() && task.getKillPolicy().hasGracePeriod()
        && task.getKillPolicy().getGracePeriod().getNanoseconds() < 0) {
      return Optional.of("Task's kill policy must have a non-negative grace period");
    }
    if (task.getResourcesCount() == 0) {
      return Optional.of("Task uses no resources");
    }
    if (task.hasExecutor() == task.hasCommand()) {
      return Optional.of("Task should have at least one (but not both) of CommandInfo or "
          + "ExecutorInfo present");
    }
    if (task.hasCommand()) {
      return Optional.of("Command tasks need the built-in command executor, which mesos-local "
          + "does not provide; use a custom executor");
    }
    Optional<String> resources = resources(task.getResourcesList());
    if (resources.isPresent()) {
      return resources;
    }
    ExecutorInfo executor = task.getExecutor();
    Optional<String> execId = id("Executor", executor.getExecutorId().getValue());
    if (execId.isPresent()) {
      return execId;
    }
    if (executor.hasFrameworkId() && !executor.getFrameworkId().equals(fw.id)) {
      return Optional.of("ExecutorInfo has an invalid FrameworkID (Actual: "
          + executor.getFrameworkId().getValue() + " vs Expected: " + fw.idValue() + ")");
    }
    if (!executor.hasCommand()) {
      return Optional.of("Executor '" + executor.getExecutorId().getValue()
          + "' has no CommandInfo");
    }
    if (executor.getType() != ExecutorInfo.Type.CUSTOM
        && executor.getType() != ExecutorInfo.Type.UNKNOWN) {
      return Optional.of("Executor '" + executor.getExecutorId().getValue()
          + "' must be of type CUSTOM for LAUNCH");
    }
    if (executor.hasContainer()) {
      return Optional.of("ContainerInfo is not supported by mesos-local (no containerizer)");
    }
    Optional<String> execResources = resources(executor.getResourcesList());
    if (execResources.isPresent()) {
      return execResources;
    }
    for (Resource r : executor.getResourcesList()) {
      if (r.hasShared()) {
        return Optional.of("Executor resources must not be shared");
      }
    }
    Executor running = agent.executor(fw.idValue(), executor.getExecutorId().getValue());
    if (running != null && !compatible(running.info, executor, fw)) {
      return Optional.of("ExecutorInfo is not compatible with the ExecutorInfo of the running "
          + "executor '" + executor.getExecutorId().getValue() + "'");
    }
    return Optional.empty();
  }

  private static Optional<String> resources(java.util.List<Resource> resources) {
    Set<String> persistenceIds = new HashSet<>();
    for (Resource r : resources) {
      if (ResourceFormats.mixesFormats(r)) {
        return Optional.of("Resource " + r.getName()
            + " mixes 'role'/'reservation' with 'reservations'");
      }
      if (r.hasRevocable()) {
        return Optional.of("Revocable resources are not offered by mesos-local");
      }
      if (ResourceFormats.isPersistentVolume(r)
          && !persistenceIds.add(r.getDisk().getPersistence().getId())) {
        return Optional.of("Persistence ID '" + r.getDisk().getPersistence().getId()
            + "' is not unique");
      }
    }
    return Optional.empty();
  }

  /** Mesos requires the same ExecutorInfo (the master fills in framework_id before comparing). */
  private static boolean compatible(ExecutorInfo running, ExecutorInfo given, Framework fw) {
    ExecutorInfo normalized = given.hasFrameworkId() ? given
        : given.toBuilder().setFrameworkId(fw.id).build();
    ExecutorInfo old = running.hasFrameworkId() ? running
        : running.toBuilder().setFrameworkId(fw.id).build();
    return normalized.equals(old);
  }
}

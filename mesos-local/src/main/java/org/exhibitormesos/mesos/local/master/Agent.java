package org.exhibitormesos.mesos.local.master;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.local.AgentConfig;
import org.exhibitormesos.mesos.local.agent.AgentCheckpoint;
import org.exhibitormesos.mesos.local.agent.VolumeStore;
import org.exhibitormesos.mesos.local.resources.ResourceFormats;
import org.exhibitormesos.mesos.local.resources.Resources;

/**
 * An emulated agent: its resources (with dynamic reservations and volumes applied), its executors
 * and their tasks. Confined to the state thread.
 */
final class Agent {
  final int index;
  final AgentConfig config;
  final Path workDir;
  final HostAndPort endpoint;
  final AgentCheckpoint checkpoint;
  final VolumeStore volumes;
  AgentID id;
  AgentInfo info;
  /** Everything the agent has, reservations and volumes applied. */
  Resources total;
  boolean active;
  /** Executors by {@link #executorKey}. */
  final Map<String, Executor> executors = new LinkedHashMap<>();

  Agent(int index, AgentConfig config, Path workDir, HostAndPort endpoint, VolumeStore volumes) {
    this.index = index;
    this.config = config;
    this.workDir = workDir;
    this.endpoint = endpoint;
    this.checkpoint = new AgentCheckpoint(workDir);
    this.volumes = volumes;
  }

  String idValue() {
    return id.getValue();
  }

  static String executorKey(String frameworkId, String executorId) {
    return frameworkId + "/" + executorId;
  }

  Executor executor(String frameworkId, String executorId) {
    return executors.get(executorKey(frameworkId, executorId));
  }

  /** The dynamically reserved resources and volumes, as checkpointed. */
  List<Resource> checkpointed() {
    return total.toList().stream().filter(ResourceFormats::isDynamicallyReserved).toList();
  }

  /** Persist reservations and volumes after every change of {@link #total}. */
  void saveCheckpoint() {
    checkpoint.save(checkpointed());
  }

  /** Resources held by live executors and non-terminal tasks. */
  Resources used() {
    Resources used = Resources.empty();
    for (Executor e : executors.values()) {
      if (e.holdsResources()) {
        used = used.plus(e.resources);
      }
      for (Task t : e.tasks.values()) {
        if (!Tasks.isTerminal(t.state)) {
          used = used.plus(t.resources);
        }
      }
    }
    return used;
  }

  /** Persistence ids of volumes used by non-terminal tasks or live executors. */
  boolean volumeInUse(String persistenceId) {
    return used().toList().stream().anyMatch(r -> ResourceFormats.isPersistentVolume(r)
        && r.getDisk().getPersistence().getId().equals(persistenceId));
  }
}

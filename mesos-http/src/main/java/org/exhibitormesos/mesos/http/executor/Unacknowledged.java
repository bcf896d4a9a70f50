package org.exhibitormesos.mesos.http.executor;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * The executor's reliable-delivery bookkeeping: every update sent and not yet ACKNOWLEDGED by the
 * agent, and every launched task none of whose updates has been ACKNOWLEDGED yet. Both go into the
 * next SUBSCRIBE so a restarted agent loses nothing. Thread safe; keeps insertion order.
 */
final class Unacknowledged {
  private final Map<UUID, PendingUpdate> updates = new LinkedHashMap<>();
  private final Map<TaskID, TaskInfo> tasks = new LinkedHashMap<>();

  /** Tracks {@code status}, which must carry a 16-byte uuid. */
  synchronized PendingUpdate add(TaskStatus status) {
    UUID uuid = TaskStatusUuids.fromBytes(status.getUuid());
    PendingUpdate pending = new PendingUpdate(uuid, status, new CompletableFuture<>());
    updates.put(uuid, pending);
    return pending;
  }

  synchronized void launched(TaskInfo task) {
    tasks.put(task.getTaskId(), task);
  }

  /**
   * Handles an ACKNOWLEDGED event: forgets the update and the task.
   *
   * @return true if the uuid belonged to a tracked update
   */
  boolean acknowledged(TaskID taskId, ByteString uuid) {
    PendingUpdate pending;
    synchronized (this) {
      tasks.remove(taskId);
      pending = uuid.size() == 16 ? updates.remove(TaskStatusUuids.fromBytes(uuid)) : null;
    }
    if (pending == null) {
      return false;
    }
    pending.acknowledged().complete(null);
    return true;
  }

  /** Drops an update the agent refused; it would be refused again in SUBSCRIBE. */
  void rejected(UUID uuid, Throwable cause) {
    PendingUpdate pending;
    synchronized (this) {
      pending = updates.remove(uuid);
    }
    if (pending != null) {
      pending.acknowledged().completeExceptionally(cause);
    }
  }

  synchronized boolean contains(UUID uuid) {
    return updates.containsKey(uuid);
  }

  synchronized List<PendingUpdate> updates() {
    return List.copyOf(updates.values());
  }

  synchronized List<TaskInfo> tasks() {
    return List.copyOf(tasks.values());
  }

  /** Fails every pending acknowledgement (the client gave up or closed); keeps the records. */
  void failAll(Throwable cause) {
    List<PendingUpdate> all;
    synchronized (this) {
      all = new ArrayList<>(updates.values());
    }
    all.forEach(p -> p.acknowledged().completeExceptionally(cause));
  }
}

package org.exhibitormesos.mesos.local.master;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * SUBSCRIBE, disconnection, failover timeout and removal (TEARDOWN) of frameworks.
 */
final class FrameworkLifecycle {
  private static final Logger LOG = LogManager.getLogger(FrameworkLifecycle.class);
  private final MasterState state;
  private final Allocator allocator;
  private final StatusUpdates updates;
  private final Containers containers;
  private final Map<SchedulerStream, ScheduledFuture<?>> heartbeats = new ConcurrentHashMap<>();

  FrameworkLifecycle(MasterState state, Allocator allocator, StatusUpdates updates,
      Containers containers) {
    this.state = state;
    this.allocator = allocator;
    this.updates = updates;
    this.containers = containers;
  }

  void subscribe(Call call, Optional<String> streamIdHeader, SchedulerStream stream) {
    if (streamIdHeader.isPresent()) {
      stream.reject(400, "Subscribe calls should not include the 'Mesos-Stream-Id' header");
      return;
    }
    if (!call.hasSubscribe()) {
      stream.reject(400, "Expecting 'subscribe' to be present");
      return;
    }
    FrameworkInfo info = call.getSubscribe().getFrameworkInfo();
    if (info.hasId() != call.hasFrameworkId()
        || (info.hasId() && !info.getId().equals(call.getFrameworkId()))) {
      stream.reject(400, "'framework_id' differs from 'subscribe.framework_info.id'");
      return;
    }
    Optional<String> invalid = FrameworkRules.validate(info, call.getSubscribe());
    if (invalid.isEmpty() && info.hasId() && state.removedFrameworks.contains(info.getId().getValue())) {
      invalid = Optional.of("Framework has been removed");
    }
    String streamId = UUID.randomUUID().toString();
    if (invalid.isPresent()) {
      LOG.info("SUBSCRIBE of framework {} refused: {}", info.hasId() ? info.getId().getValue()
          : "(new)", invalid.get());
      stream.open(streamId);
      stream.send(Statuses.error(invalid.get()));
      stream.close();
      return;
    }
    Framework fw = info.hasId() ? state.frameworks.get(info.getId().getValue()) : null;
    if (fw == null) {
      FrameworkID id = info.hasId() ? info.getId()
          : FrameworkID.newBuilder().setValue(state.nextFrameworkId()).build();
      fw = new Framework(state, id, info.toBuilder().setId(id).build());
      state.frameworks.put(id.getValue(), fw);
      LOG.info("framework {} ({}) registered", id.getValue(), info.getName());
    } else {
      FrameworkInfo old = fw.info;
      // user, checkpoint and principal cannot change; Mesos ignores such changes.
      FrameworkInfo.Builder merged = info.toBuilder().setUser(old.getUser())
          .setCheckpoint(old.getCheckpoint());
      if (old.hasPrincipal()) {
        merged.setPrincipal(old.getPrincipal());
      }
      fw.info = merged.build();
      if (fw.stream != null) {
        LOG.info("framework {} failed over to a new subscription", fw.idValue());
        SchedulerStream oldStream = fw.stream;
        fw.stream = null;
        stopHeartbeat(oldStream);
        oldStream.send(Statuses.error("Framework failed over"));
        oldStream.close();
      }
      if (fw.failoverTimer != null) {
        fw.failoverTimer.cancel(false);
        fw.failoverTimer = null;
      }
      allocator.discardOffersOf(fw);
      LOG.info("framework {} resubscribed", fw.idValue());
    }
    fw.suppressedRoles.clear();
    fw.suppressedRoles.addAll(call.getSubscribe().getSuppressedRolesList());
    fw.stream = stream;
    fw.streamId = streamId;
    Framework subscribed = fw;
    stream.onClosed(() -> state.post(() -> disconnected(subscribed, stream)));
    stream.open(streamId);
    stream.send(Event.newBuilder().setType(Event.Type.SUBSCRIBED)
        .setSubscribed(Event.Subscribed.newBuilder().setFrameworkId(fw.id)
            .setHeartbeatIntervalSeconds(state.config.heartbeatInterval().toMillis() / 1000.0)
            .setMasterInfo(state.masterInfo))
        .build());
    fw.send(Statuses.heartbeat());
    long hb = state.config.heartbeatInterval().toMillis();
    heartbeats.put(stream, state.loop.scheduleAtFixedRate(() -> {
      if (!state.droppedEvents.contains(Event.Type.HEARTBEAT)) {
        stream.send(Statuses.heartbeat());
      }
    }, hb, hb, TimeUnit.MILLISECONDS));
    updates.resend(fw);
    allocator.allocateSoon();
  }

  /** The subscription connection is gone: deactivate and arm the failover timeout. */
  void disconnected(Framework fw, SchedulerStream stream) {
    stopHeartbeat(stream);
    if (fw.stream != stream) {
      return;
    }
    fw.stream = null;
    fw.streamId = null;
    allocator.discardOffersOf(fw);
    Duration timeout = Duration.ofMillis((long) (fw.info.getFailoverTimeout() * 1000));
    LOG.info("framework {} disconnected; failover timeout {}", fw.idValue(), timeout);
    if (timeout.isZero()) {
      remove(fw, "failover timeout 0 expired");
      return;
    }
    fw.failoverTimer = state.loop.schedule(() -> {
      fw.failoverTimer = null;
      if (!fw.connected()) {
        remove(fw, "failover timeout " + timeout + " expired");
      }
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** TEARDOWN or failover timeout: executors shut down, tasks dropped without updates. */
  void remove(Framework fw, String reason) {
    LOG.info("removing framework {}: {}", fw.idValue(), reason);
    state.frameworks.remove(fw.idValue());
    state.removedFrameworks.add(fw.idValue());
    if (fw.failoverTimer != null) {
      fw.failoverTimer.cancel(false);
    }
    allocator.discardOffersOf(fw);
    if (fw.stream != null) {
      SchedulerStream s = fw.stream;
      fw.stream = null;
      stopHeartbeat(s);
      s.close();
    }
    for (Task t : List.copyOf(fw.tasks.values())) {
      t.state = org.apache.mesos.v1.Protos.TaskState.TASK_KILLED;
      updates.forget(t);
    }
    Set<Executor> executors = new HashSet<>();
    for (Agent a : state.agents) {
      a.executors.values().stream().filter(e -> e.framework == fw).forEach(executors::add);
    }
    for (Executor e : executors) {
      e.frameworkRemoved = true;
      containers.shutdown(e);
    }
    allocator.allocateSoon();
  }

  /** Master failover: every stream dropped, failover timers forgotten (MESOS-4659). */
  void dropAll() {
    for (Framework fw : state.frameworks.values()) {
      if (fw.failoverTimer != null) {
        fw.failoverTimer.cancel(false);
        fw.failoverTimer = null;
      }
      if (fw.stream != null) {
        SchedulerStream s = fw.stream;
        fw.stream = null;
        fw.streamId = null;
        stopHeartbeat(s);
        s.close();
      }
    }
  }

  /** Closes one framework's subscription connection, as a network failure would. */
  boolean dropStream(Framework fw) {
    if (fw.stream == null) {
      return false;
    }
    SchedulerStream s = fw.stream;
    s.close();
    disconnected(fw, s);
    return true;
  }

  void stopHeartbeats() {
    heartbeats.values().forEach(f -> f.cancel(false));
    heartbeats.clear();
  }

  private void stopHeartbeat(SchedulerStream s) {
    ScheduledFuture<?> f = heartbeats.remove(s);
    if (f != null) {
      f.cancel(false);
    }
  }
}

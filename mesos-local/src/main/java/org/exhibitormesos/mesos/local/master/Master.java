package org.exhibitormesos.mesos.local.master;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.local.MesosLocalConfig;
import org.exhibitormesos.mesos.local.agent.ExecutorRuntime;
import org.exhibitormesos.mesos.local.agent.VolumeStore;

/**
 * The emulated master and its agents' logic. One thread (the state loop) owns all state; every
 * public method posts to it and is safe to call from any thread (HTTP handlers, tests). Does no I/O
 * until {@link #start}.
 */
public final class Master implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(Master.class);
  private final MasterState state;
  private final Function<Path, VolumeStore> volumes;
  private final Allocator allocator;
  private final StatusUpdates updates;
  private final Containers containers;
  private final FrameworkLifecycle lifecycle;
  private final SchedulerApi schedulerApi;
  private final ExecutorApi executorApi;
  private final AgentRegistry agents;
  private volatile boolean closed;

  /**
   * @param runtime starts executors (owned by the caller, closed by it after this master)
   * @param volumes the volume store of an agent, given its work dir
   */
  public Master(MesosLocalConfig config, Clock clock, ExecutorRuntime runtime,
      Function<Path, VolumeStore> volumes) {
    ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mesos-local-master");
      t.setDaemon(true);
      return t;
    });
    this.state = new MasterState(Objects.requireNonNull(config), clock, loop,
        Objects.requireNonNull(runtime));
    this.volumes = Objects.requireNonNull(volumes);
    this.allocator = new Allocator(state);
    this.updates = new StatusUpdates(state, allocator);
    this.containers = new Containers(state, updates, allocator);
    this.lifecycle = new FrameworkLifecycle(state, allocator, updates, containers);
    AcceptProcessor accepts = new AcceptProcessor(state, allocator, containers);
    Reconciler reconciler = new Reconciler(state);
    this.schedulerApi = new SchedulerApi(state, allocator, accepts, updates, reconciler, containers,
        lifecycle);
    this.executorApi = new ExecutorApi(state, updates, containers);
    this.agents = new AgentRegistry(state, allocator, containers, updates);
  }

  /** Registers the agents (recovering their checkpointed resources) and starts allocating. */
  public void start(HostAndPort masterEndpoint, List<HostAndPort> agentEndpoints) {
    if (agentEndpoints.size() != state.config.agents().size()) {
      throw new IllegalArgumentException("one endpoint per configured agent is needed");
    }
    await(() -> {
      state.newMasterIdentity(masterEndpoint);
      for (int i = 0; i < agentEndpoints.size(); i++) {
        Path dir = state.config.agentWorkDir(i);
        Agent agent = new Agent(i, state.config.agents().get(i), dir, agentEndpoints.get(i),
            volumes.apply(dir));
        state.agents.add(agent);
        agents.register(agent);
      }
      allocator.start();
      LOG.info("master {} started at {} with {} agent(s)", state.masterId, masterEndpoint,
          agentEndpoints.size());
      return null;
    });
  }

  // ---- scheduler API ----

  public void subscribe(Call call, Optional<String> streamId, SchedulerStream stream) {
    post(() -> lifecycle.subscribe(call, streamId, stream), () -> stream.reject(503,
        "Master is shutting down"));
  }

  public CompletableFuture<Answer> call(Call call, Optional<String> streamId) {
    return call(call, streamId, Optional.empty());
  }

  /** A call made with HTTP authentication as {@code principal}. */
  public CompletableFuture<Answer> call(Call call, Optional<String> streamId,
      Optional<String> principal) {
    return supply(() -> schedulerApi.call(call, streamId, principal));
  }

  // ---- executor API ----

  public void executorSubscribe(int agent, org.apache.mesos.v1.executor.Protos.Call call,
      ExecutorStream stream) {
    post(() -> executorApi.subscribe(state.agents.get(agent), call, stream),
        () -> stream.reject(503, "Agent is shutting down"));
  }

  public CompletableFuture<Answer> executorCall(int agent,
      org.apache.mesos.v1.executor.Protos.Call call) {
    return supply(() -> executorApi.call(state.agents.get(agent), call));
  }

  // ---- queries ----

  public JsonObject stateJson() {
    return await(() -> StateJson.of(state, allocator));
  }

  public MasterInfo masterInfo() {
    return await(() -> state.masterInfo);
  }

  /** The id of agent {@code index} (configuration order). */
  public String agentId(int index) {
    return await(() -> state.agents.get(index).idValue());
  }

  public boolean agentActive(int index) {
    return await(() -> state.agents.get(index).active);
  }

  // ---- fault injection ----

  /** Agent loss: its executors are killed; schedulers see RESCIND, FAILURE and LOST/UNREACHABLE. */
  public void removeAgent(int index) {
    await(() -> {
      agents.remove(state.agents.get(index));
      return null;
    });
  }

  /** The removed agent comes back (same id, same work dir, no executors). */
  public void restoreAgent(int index) {
    await(() -> {
      Agent a = state.agents.get(index);
      if (!a.active) {
        agents.register(a);
      }
      return null;
    });
  }

  /**
   * Master failover: every subscription stream is dropped, offers and failover timers are
   * forgotten, tasks and agents are kept; the master gets a new identity.
   */
  public MasterInfo failover() {
    return await(() -> {
      LOG.info("master {} failing over", state.masterId);
      lifecycle.dropAll();
      allocator.discard(state.offers.values());
      state.newMasterIdentity(state.endpoint);
      LOG.info("master {} is now leading", state.masterId);
      return state.masterInfo;
    });
  }

  /**
   * Drops every scheduler event of these types from now on (empty set: deliver all again).
   * Mesos only guarantees at-most-once delivery for everything but status updates; dropping
   * UPDATE exercises the retry of unacknowledged updates, dropping HEARTBEAT the client's watchdog.
   */
  public void dropEvents(java.util.Set<org.apache.mesos.v1.scheduler.Protos.Event.Type> types) {
    state.droppedEvents = java.util.Set.copyOf(types);
    LOG.info("scheduler events dropped from now on: {}", types.isEmpty() ? "none" : types);
  }

  /** Closes the subscription connection of one framework; false if it had none. */
  public boolean dropSubscription(String frameworkId) {
    return await(() -> {
      Framework fw = state.frameworks.get(frameworkId);
      return fw != null && lifecycle.dropStream(fw);
    });
  }

  /** Closes every executor connection of agent {@code index}; returns how many. */
  public int dropExecutorConnections(int index) {
    return await(() -> {
      int n = 0;
      for (Executor e : state.agents.get(index).executors.values()) {
        if (e.stream != null) {
          e.stream.close();
          n++;
        }
      }
      LOG.info("dropped {} executor connection(s) on agent {}", n, state.agents.get(index).idValue());
      return n;
    });
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      await(() -> {
        allocator.stop();
        lifecycle.stopHeartbeats();
        for (Agent a : state.agents) {
          containers.killAll(a);
        }
        lifecycle.dropAll();
        return null;
      });
    } catch (RuntimeException e) {
      LOG.warn("error while stopping the master", e);
    }
    closed = true;
    containers.close();
    state.loop.shutdownNow();
    LOG.info("master stopped");
  }

  private void post(Runnable action, Runnable rejected) {
    try {
      state.loop.execute(() -> {
        try {
          action.run();
        } catch (RuntimeException e) {
          LOG.warn("unexpected error on the state loop", e);
          rejected.run();
        }
      });
    } catch (RejectedExecutionException e) {
      rejected.run();
    }
  }

  private <T> CompletableFuture<T> supply(Supplier<T> action) {
    try {
      return CompletableFuture.supplyAsync(action, state.loop);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private <T> T await(Supplier<T> action) {
    try {
      return supply(action).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the master's state loop did not answer in 30 s", e);
    }
  }
}

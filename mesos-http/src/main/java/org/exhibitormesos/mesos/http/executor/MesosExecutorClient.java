package org.exhibitormesos.mesos.http.executor;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Call;
import org.apache.mesos.v1.executor.Protos.Event;
import org.exhibitormesos.mesos.http.BackoffPolicy;
import org.exhibitormesos.mesos.http.ExponentialBackoff;
import org.exhibitormesos.mesos.http.MesosCallException;
import org.exhibitormesos.mesos.http.MesosHttp;
import org.exhibitormesos.mesos.http.transport.CallChannel;
import org.exhibitormesos.mesos.http.transport.HttpReply;
import org.exhibitormesos.mesos.http.transport.ProtobufRequests;
import org.exhibitormesos.mesos.http.transport.RecordStream;
import org.exhibitormesos.mesos.http.transport.SerialStreamHandler;

/**
 * A Mesos v1 executor API client. Subscribes to the agent named by {@code MESOS_AGENT_ENDPOINT},
 * delivers events, and sends status updates reliably: each update gets a fresh uuid and is kept
 * until the agent ACKNOWLEDGED it. When the stream drops and the framework checkpoints, the client
 * resubscribes with backoff (each wait at most {@code MESOS_SUBSCRIPTION_BACKOFF_MAX}) carrying its
 * unacknowledged updates and tasks, and gives up after {@code MESOS_RECOVERY_TIMEOUT}; without
 * checkpointing it gives up at once (the agent will not wait for it).
 *
 * <p>Threading: state changes, timers and listener callbacks run on the injected single-threaded
 * {@code eventThread}, owned by the caller. {@link #update}, {@link #awaitAllAcknowledged} and
 * {@link #close()} may be called from any thread.
 */
public final class MesosExecutorClient implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(MesosExecutorClient.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(75);
  private static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

  private final ExecutorEnvironment env;
  private final ExecutorListener listener;
  private final BackoffPolicy backoff;
  private final ScheduledExecutorService eventThread;
  private final Clock clock;
  private final Unacknowledged unacknowledged = new Unacknowledged();
  private final FrameworkID frameworkId;
  private final ExecutorID executorId;

  // Confined to eventThread.
  private long attempt;
  private RecordStream stream;
  private CallChannel calls;
  private Set<UUID> sentInSubscribe = Set.of();
  private Instant disconnectedSince;
  private int failures;
  private boolean gaveUp;

  private final Object lifecycle = new Object();
  private EventLoopGroup io;
  private boolean started;
  private volatile boolean closed;
  private volatile boolean subscribed;

  /** Does no I/O. */
  public MesosExecutorClient(ExecutorEnvironment env, ExecutorListener listener,
      BackoffPolicy backoff, ScheduledExecutorService eventThread, Clock clock) {
    this.env = Objects.requireNonNull(env, "env");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.eventThread = Objects.requireNonNull(eventThread, "eventThread");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.frameworkId = FrameworkID.newBuilder().setValue(env.frameworkId()).build();
    this.executorId = ExecutorID.newBuilder().setValue(env.executorId()).build();
  }

  /** Doubling from 100 ms (or the max, if smaller) up to {@code MESOS_SUBSCRIPTION_BACKOFF_MAX}. */
  public static BackoffPolicy defaultBackoff(ExecutorEnvironment env) {
    Duration max = env.subscriptionBackoffMax().orElse(Duration.ofSeconds(2));
    Duration initial = Duration.ofMillis(100);
    return new ExponentialBackoff(initial.compareTo(max) > 0 ? max : initial, max);
  }

  /**
   * Subscribes in the background.
   *
   * @throws IllegalStateException if already started or closed
   */
  public void start() {
    synchronized (lifecycle) {
      if (started || closed) {
        throw new IllegalStateException("executor client already started or closed");
      }
      started = true;
      io = new NioEventLoopGroup(1, new DefaultThreadFactory("mesos-executor-io", true));
    }
    runOnEventThread(this::subscribe);
  }

  /**
   * Sends a status update. Fills in a fresh uuid, {@code source=SOURCE_EXECUTOR}, the executor id
   * and a timestamp when unset. Never blocks: while disconnected the update waits for the next
   * SUBSCRIBE.
   *
   * @throws IllegalArgumentException for {@code TASK_STAGING}, which executors may not send
   * @throws IllegalStateException once closed
   */
  public PendingUpdate update(TaskStatus status) {
    if (closed) {
      throw new IllegalStateException("executor client is closed");
    }
    if (status.getState() == TaskState.TASK_STAGING) {
      throw new IllegalArgumentException("executors must not send TASK_STAGING");
    }
    TaskStatus.Builder full = status.toBuilder()
        .setUuid(TaskStatusUuids.toBytes(UUID.randomUUID()))
        .setSource(TaskStatus.Source.SOURCE_EXECUTOR);
    if (!full.hasExecutorId()) {
      full.setExecutorId(executorId);
    }
    if (!full.hasTimestamp()) {
      full.setTimestamp(clock.millis() / 1000.0);
    }
    PendingUpdate pending = unacknowledged.add(full.build());
    LOG.info("task {} -> {} (update {})", status.getTaskId().getValue(), status.getState(),
        pending.uuid());
    runOnEventThread(() -> sendUpdate(pending));
    return pending;
  }

  /** Sends a best-effort MESSAGE to the scheduler; fails when not subscribed or not accepted. */
  public CompletableFuture<Void> message(ByteString data) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    runOnEventThread(() -> {
      if (calls == null) {
        done.completeExceptionally(new IllegalStateException("not subscribed to the agent"));
        return;
      }
      // framework_id and executor_id are required fields of every executor Call.
      post(call(Call.Type.MESSAGE)
          .setMessage(Call.Message.newBuilder().setData(data))).whenComplete((reply, error) -> {
            if (error != null) {
              done.completeExceptionally(error);
            } else if (reply.status() != 202) {
              done.completeExceptionally(
                  new MesosCallException("MESSAGE", reply.status(), reply.body()));
            } else {
              done.complete(null);
            }
          });
    });
    return done;
  }

  /**
   * Waits until every update sent so far is acknowledged, e.g. before exiting so the agent does
   * not report the tasks as failed.
   *
   * @return true if all were acknowledged within {@code timeout}
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitAllAcknowledged(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (PendingUpdate p : unacknowledged.updates()) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !p.awaitAcknowledged(Duration.ofNanos(left))) {
        return false;
      }
    }
    return true;
  }

  /** True while subscribed to the agent. */
  public boolean isSubscribed() {
    return subscribed;
  }

  /** Closes the connections; pending acknowledgements fail. Idempotent. */
  @Override
  public void close() {
    EventLoopGroup group;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      group = io;
    }
    subscribed = false;
    unacknowledged.failAll(new IllegalStateException("executor client closed"));
    if (group != null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    LOG.info("executor client closed");
  }

  private void subscribe() {
    if (closed || gaveUp) {
      return;
    }
    long id = ++attempt;
    Call.Subscribe.Builder subscribe = Call.Subscribe.newBuilder();
    Set<UUID> included = new HashSet<>();
    for (PendingUpdate p : unacknowledged.updates()) {
      subscribe.addUnacknowledgedUpdates(Call.Update.newBuilder().setStatus(p.status()));
      included.add(p.uuid());
    }
    for (TaskInfo task : unacknowledged.tasks()) {
      subscribe.addUnacknowledgedTasks(task);
    }
    sentInSubscribe = included;
    LOG.info("subscribing to agent {} as executor {} of framework {} ({} unacknowledged updates, "
        + "{} unacknowledged tasks)", env.agentEndpoint(), env.executorId(), env.frameworkId(),
        subscribe.getUnacknowledgedUpdatesCount(), subscribe.getUnacknowledgedTasksCount());
    Call call = call(Call.Type.SUBSCRIBE).setSubscribe(subscribe).build();
    stream = RecordStream.open(io, env.agentEndpoint(),
        ProtobufRequests.post(env.agentEndpoint(), MesosHttp.EXECUTOR_PATH, call.toByteArray(),
            headers()),
        MAX_RECORD_BYTES, CONNECT_TIMEOUT,
        new SerialStreamHandler(eventThread, () -> id == attempt && !closed,
            this::opened, this::received, this::rejected, cause -> lost(cause.getMessage())));
  }

  private void opened(HttpHeaders headers) {
    String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
    if (!MesosHttp.PROTOBUF.equals(type)) {
      lost("SUBSCRIBE answered with Content-Type " + type + ", expected " + MesosHttp.PROTOBUF);
    }
  }

  private void received(byte[] record) {
    Event event;
    try {
      event = Event.parseFrom(record);
    } catch (InvalidProtocolBufferException e) {
      lost("unparseable event: " + e.getMessage());
      return;
    }
    switch (event.getType()) {
      case SUBSCRIBED -> onSubscribed(event.getSubscribed());
      case HEARTBEAT -> LOG.debug("heartbeat from agent {}", env.agentEndpoint());
      case LAUNCH -> unacknowledged.launched(event.getLaunch().getTask());
      case LAUNCH_GROUP -> event.getLaunchGroup().getTaskGroup().getTasksList()
          .forEach(unacknowledged::launched);
      case ACKNOWLEDGED -> {
        boolean known = unacknowledged.acknowledged(event.getAcknowledged().getTaskId(),
            event.getAcknowledged().getUuid());
        LOG.debug("agent acknowledged an update of task {}{}",
            event.getAcknowledged().getTaskId().getValue(), known ? "" : " (unknown uuid)");
      }
      default -> LOG.debug("event {}", event.getType());
    }
    if (event.getType() != Event.Type.SUBSCRIBED && event.getType() != Event.Type.HEARTBEAT) {
      listener.onEvent(event);
    }
    if (event.getType() == Event.Type.ERROR) {
      lost("agent sent ERROR: " + event.getError().getMessage());
    }
  }

  private void onSubscribed(Event.Subscribed event) {
    subscribed = true;
    failures = 0;
    disconnectedSince = null;
    calls = new CallChannel(io, env.agentEndpoint(), CONNECT_TIMEOUT, CALL_TIMEOUT);
    LOG.info("subscribed to agent {} (container {})", env.agentEndpoint(),
        event.hasContainerId() ? event.getContainerId().getValue() : "unknown");
    // Updates made while the SUBSCRIBE was in flight were not in it: send them now.
    for (PendingUpdate p : unacknowledged.updates()) {
      if (!sentInSubscribe.contains(p.uuid())) {
        sendUpdate(p);
      }
    }
    listener.onSubscribed(event);
  }

  private void rejected(HttpReply reply) {
    lost("SUBSCRIBE answered HTTP " + reply.status()
        + (reply.body().isBlank() ? "" : ": " + reply.body().strip()));
  }

  /** The stream (or the attempt to open it) failed: retry within the recovery timeout, or give up. */
  private void lost(String reason) {
    boolean wasSubscribed = subscribed;
    subscribed = false;
    attempt++;
    if (stream != null) {
      stream.close();
      stream = null;
    }
    if (calls != null) {
      calls.close();
      calls = null;
    }
    if (closed || gaveUp) {
      return;
    }
    if (wasSubscribed) {
      LOG.warn("lost the connection to agent {}: {}", env.agentEndpoint(), reason);
      listener.onDisconnected(reason);
    }
    if (!env.checkpoint()) {
      giveUp("connection to the agent lost (" + reason + ") and the framework does not checkpoint");
      return;
    }
    Instant now = clock.instant();
    if (disconnectedSince == null) {
      disconnectedSince = now;
    }
    Duration recovery = env.recoveryTimeout().orElseThrow();
    Duration left = recovery.minus(Duration.between(disconnectedSince, now));
    if (left.isNegative() || left.isZero()) {
      giveUp("could not resubscribe within MESOS_RECOVERY_TIMEOUT=" + recovery + " (last: "
          + reason + ")");
      return;
    }
    Duration delay = backoff.delayAfter(++failures);
    Duration max = env.subscriptionBackoffMax().orElseThrow();
    delay = delay.compareTo(max) > 0 ? max : delay;
    delay = delay.compareTo(left) > 0 ? left : delay;
    LOG.info("resubscribing to agent {} in {} ({})", env.agentEndpoint(), delay, reason);
    eventThread.schedule(this::subscribe, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void giveUp(String reason) {
    gaveUp = true;
    LOG.error("giving up on agent {}: {}", env.agentEndpoint(), reason);
    unacknowledged.failAll(new IllegalStateException("gave up: " + reason));
    listener.onGaveUp(reason);
  }

  private void sendUpdate(PendingUpdate p) {
    if (calls == null || !unacknowledged.contains(p.uuid())) {
      return; // not subscribed: the next SUBSCRIBE carries it
    }
    post(call(Call.Type.UPDATE).setUpdate(Call.Update.newBuilder().setStatus(p.status())))
        .whenCompleteAsync((reply, error) -> {
          if (error != null) {
            LOG.debug("update {} not delivered ({}); kept for the next SUBSCRIBE", p.uuid(),
                error.getMessage());
          } else if (reply.status() == 400) {
            // Malformed or refused for good: resending it in SUBSCRIBE would fail again.
            LOG.error("agent refused update {}: {}", p.uuid(), reply.body().strip());
            unacknowledged.rejected(p.uuid(), new MesosCallException("UPDATE", 400, reply.body()));
          } else if (reply.status() != 202) {
            LOG.warn("update {} answered HTTP {}; kept for the next SUBSCRIBE", p.uuid(),
                reply.status());
          }
        }, eventThread);
  }

  private CompletableFuture<HttpReply> post(Call.Builder call) {
    return calls.post(ProtobufRequests.post(env.agentEndpoint(), MesosHttp.EXECUTOR_PATH,
        call.build().toByteArray(), headers()));
  }

  private Call.Builder call(Call.Type type) {
    return Call.newBuilder().setType(type).setFrameworkId(frameworkId).setExecutorId(executorId);
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new HashMap<>();
    env.authenticationToken().ifPresent(t -> headers.put("Authorization", "Bearer " + t));
    return headers;
  }

  private void runOnEventThread(Runnable task) {
    try {
      eventThread.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("event thread shut down; dropping a task", e);
    }
  }
}

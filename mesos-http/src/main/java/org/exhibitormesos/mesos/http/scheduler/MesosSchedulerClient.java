package org.exhibitormesos.mesos.http.scheduler;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.MesosCallException;
import org.exhibitormesos.mesos.http.MesosHttp;
import org.exhibitormesos.mesos.http.NotSubscribedException;
import org.exhibitormesos.mesos.http.master.MasterDetector;
import org.exhibitormesos.mesos.http.scheduler.Disconnect.Kind;
import org.exhibitormesos.mesos.http.transport.CallChannel;
import org.exhibitormesos.mesos.http.transport.HttpReply;
import org.exhibitormesos.mesos.http.transport.ProtobufRequests;
import org.exhibitormesos.mesos.http.transport.RecordStream;
import org.exhibitormesos.mesos.http.transport.SerialStreamHandler;

/**
 * A Mesos v1 scheduler API client. Subscribes to the leading master on a dedicated streaming
 * connection, follows 307 redirects, retries 503s and connection failures with the configured
 * backoff, watches heartbeats, and resubscribes whenever the stream is lost, using the
 * {@link FrameworkInfo} the supplier returns at that moment (put the persisted framework id in it).
 * Calls go over a second keep-alive connection to the same master, in submission order.
 *
 * <p>Threading: all state changes, timers and listener callbacks run on the injected
 * {@code eventThread}, which must be single-threaded and is owned (shut down) by the caller after
 * {@link #close()}. {@link #send} and {@link #close()} may be called from any thread. The
 * {@link MasterDetector} is owned by the caller too (start it before {@link #start()}).
 */
public final class MesosSchedulerClient implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(MesosSchedulerClient.class);
  private static final int IMMEDIATE_REDIRECTS = 3;

  private final MasterDetector detector;
  private final Supplier<FrameworkInfo> frameworkInfo;
  private final SchedulerListener listener;
  private final SchedulerClientConfig config;
  private final ScheduledExecutorService eventThread;
  private final Clock clock;

  // Confined to eventThread.
  private long attempt;
  private RecordStream stream;
  private Endpoint streamEndpoint;
  private String pendingStreamId;
  private HeartbeatWatchdog watchdog;
  private Endpoint redirect;
  private int redirectsInARow;
  private int failures;
  private ScheduledFuture<?> retry;

  private final Object lifecycle = new Object();
  private EventLoopGroup io;
  private boolean started;
  private volatile boolean closed;
  private volatile Session session;

  /** What calls need from the live subscription. */
  private record Session(Endpoint endpoint, String streamId, FrameworkID frameworkId,
      CallChannel calls) {
    HostAndPort master() {
      return endpoint.address();
    }
  }

  /** Does no I/O; see the class comment for ownership of the detector and the event thread. */
  public MesosSchedulerClient(MasterDetector detector, Supplier<FrameworkInfo> frameworkInfo,
      SchedulerListener listener, SchedulerClientConfig config,
      ScheduledExecutorService eventThread, Clock clock) {
    this.detector = Objects.requireNonNull(detector, "detector");
    this.frameworkInfo = Objects.requireNonNull(frameworkInfo, "frameworkInfo");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.config = Objects.requireNonNull(config, "config");
    this.eventThread = Objects.requireNonNull(eventThread, "eventThread");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Starts subscribing in the background.
   *
   * @throws IllegalStateException if already started or closed
   */
  public void start() {
    synchronized (lifecycle) {
      if (started || closed) {
        throw new IllegalStateException("scheduler client already started or closed");
      }
      started = true;
      io = new NioEventLoopGroup(1, new DefaultThreadFactory("mesos-scheduler-io", true));
    }
    detector.addListener(leader -> runOnEventThread(() -> onLeaderChange(leader)));
    runOnEventThread(this::connect);
  }

  /**
   * Sends {@code call} on the live subscription, filling in {@code framework_id} when unset and the
   * {@code Mesos-Stream-Id} header. The future completes (on the event thread) when the master
   * answers 202 (or 200), or fails with {@link NotSubscribedException} when there is no live
   * subscription, {@link MesosCallException} naming the status and body of any other answer, or an
   * {@link java.io.IOException} / {@link java.util.concurrent.TimeoutException} for transport
   * failures. Calls are not retried.
   *
   * @throws IllegalArgumentException for a SUBSCRIBE call (the client subscribes by itself)
   */
  public CompletableFuture<Void> send(Call call) {
    if (call.getType() == Call.Type.SUBSCRIBE) {
      throw new IllegalArgumentException("SUBSCRIBE is sent by the client itself");
    }
    Session s = session;
    if (s == null || closed) {
      return CompletableFuture.failedFuture(new NotSubscribedException(
          "cannot send " + call.getType() + ": not subscribed to a Mesos master"));
    }
    Call full = call.hasFrameworkId() ? call : call.toBuilder().setFrameworkId(s.frameworkId()).build();
    Map<String, String> headers = config.requestHeaders();
    headers.put(MesosHttp.STREAM_ID_HEADER, s.streamId());
    LOG.debug("sending {} to {}", call.getType(), s.master());
    return s.calls()
        .post(ProtobufRequests.post(s.master(), s.endpoint().path(), full.toByteArray(), headers))
        .thenApplyAsync(reply -> checkReply(s, call.getType(), reply), eventThread);
  }

  /** True while a subscription is live. */
  public boolean isSubscribed() {
    return session != null;
  }

  /** Ends the subscription (without TEARDOWN) and releases connections. Idempotent. */
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
    Session s = session;
    session = null;
    if (s != null) {
      s.calls().close();
    }
    RecordStream st = stream;
    if (st != null) {
      st.close();
    }
    runOnEventThread(this::stopTimers);
    if (group != null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    LOG.info("scheduler client closed");
  }

  private void connect() {
    retry = null;
    if (closed) {
      return;
    }
    Endpoint target = redirect;
    redirect = null;
    if (target != null) {
      subscribe(target);
      return;
    }
    long expected = attempt;
    detector.leader().whenComplete((leader, error) -> {
      if (error == null) {
        runOnEventThread(() -> {
          if (attempt == expected && stream == null && retry == null) {
            subscribe(new Endpoint(leader, config.path()));
          }
        });
      }
    });
  }

  private void subscribe(Endpoint target) {
    if (closed) {
      return;
    }
    long id = ++attempt;
    FrameworkInfo info = frameworkInfo.get();
    LOG.info("subscribing to Mesos master {} as framework {}", target,
        info.hasId() ? info.getId().getValue() : "(new)");
    streamEndpoint = target;
    pendingStreamId = null;
    stream = RecordStream.open(io, target.address(),
        ProtobufRequests.post(target.address(), target.path(),
            SchedulerCalls.subscribe(info).toByteArray(),
            config.requestHeaders()),
        config.maxRecordBytes(), config.connectTimeout(),
        new SerialStreamHandler(eventThread, () -> id == attempt && !closed,
            this::opened, this::received, this::rejected, this::closed));
  }

  private void opened(HttpHeaders headers) {
    String streamId = headers.get(MesosHttp.STREAM_ID_HEADER);
    String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
    if (streamId == null || streamId.isBlank()) {
      end(new Disconnect(Kind.PROTOCOL_ERROR, "SUBSCRIBE answered 200 without "
          + MesosHttp.STREAM_ID_HEADER), false);
    } else if (!MesosHttp.PROTOBUF.equals(contentType)) {
      end(new Disconnect(Kind.PROTOCOL_ERROR, "SUBSCRIBE answered with Content-Type "
          + contentType + ", expected " + MesosHttp.PROTOBUF), false);
    } else {
      pendingStreamId = streamId;
      LOG.debug("stream {} open on {}", streamId, streamEndpoint);
    }
  }

  private void received(byte[] record) {
    Event event;
    try {
      event = Event.parseFrom(record);
    } catch (InvalidProtocolBufferException e) {
      end(new Disconnect(Kind.PROTOCOL_ERROR, "unparseable event: " + e.getMessage()), false);
      return;
    }
    if (watchdog != null) {
      watchdog.eventSeen();
    }
    switch (event.getType()) {
      case SUBSCRIBED -> onSubscribed(event.getSubscribed());
      case HEARTBEAT -> LOG.debug("heartbeat from {}", streamEndpoint);
      case ERROR -> {
        LOG.warn("Mesos master {} sent ERROR: {}", streamEndpoint, event.getError().getMessage());
        listener.onEvent(event);
        end(new Disconnect(Kind.ERROR_EVENT, event.getError().getMessage()), false);
      }
      default -> {
        if (session == null) {
          LOG.warn("ignoring {} event received before SUBSCRIBED", event.getType());
        } else {
          LOG.debug("event {}", event.getType());
          listener.onEvent(event);
        }
      }
    }
  }

  private void onSubscribed(Event.Subscribed subscribed) {
    if (session != null) {
      LOG.warn("ignoring a second SUBSCRIBED on the same stream");
      return;
    }
    failures = 0;
    redirectsInARow = 0;
    HostAndPort master = streamEndpoint.address();
    session = new Session(streamEndpoint, pendingStreamId, subscribed.getFrameworkId(),
        new CallChannel(io, master, config.connectTimeout(), config.callTimeout()));
    Duration interval = SchedulerCalls.heartbeatInterval(subscribed);
    watchdog = new HeartbeatWatchdog(clock, eventThread, interval, config.heartbeatMissesAllowed(),
        () -> end(new Disconnect(Kind.HEARTBEAT_TIMEOUT, "no event from " + master + " for "
            + interval.multipliedBy(config.heartbeatMissesAllowed())), false));
    watchdog.start();
    LOG.info("subscribed to Mesos master {} as framework {} (stream {}, heartbeat {})", master,
        subscribed.getFrameworkId().getValue(), pendingStreamId, interval);
    listener.onSubscribed(subscribed, master);
  }

  private void rejected(HttpReply reply) {
    stream = null;
    if (reply.status() == 307 && reply.location() != null) {
      Endpoint leader;
      try {
        leader = Endpoint.fromLocation(reply.location(), config.path());
      } catch (IllegalArgumentException e) {
        end(new Disconnect(Kind.PROTOCOL_ERROR, e.getMessage()), false);
        return;
      }
      LOG.info("Mesos master {} is not the leader; redirected to {}", streamEndpoint, leader);
      redirect = leader;
      if (++redirectsInARow <= IMMEDIATE_REDIRECTS) {
        connect();
      } else {
        end(new Disconnect(Kind.REJECTED, "too many redirects, last to " + leader), false);
      }
      return;
    }
    if (reply.status() == 503) {
      // Recovering, or a non-leader that knows no leader: a static list should try another master.
      detector.reportUnreachable(streamEndpoint.address());
    }
    end(new Disconnect(Kind.REJECTED, "SUBSCRIBE to " + streamEndpoint + " answered HTTP "
        + reply.status() + (reply.body().isBlank() ? "" : ": " + reply.body().strip())), false);
  }

  private void closed(Throwable cause) {
    boolean opened = pendingStreamId != null;
    if (!opened) {
      detector.reportUnreachable(streamEndpoint.address());
    }
    end(new Disconnect(opened ? Kind.STREAM_CLOSED : Kind.CONNECTION_FAILED,
        String.valueOf(cause.getMessage())), false);
  }

  private void onLeaderChange(Optional<HostAndPort> leader) {
    Session s = session;
    if (leader.isEmpty() || closed) {
      return;
    }
    if (s != null && !s.master().equals(leader.get())) {
      end(new Disconnect(Kind.LEADER_CHANGED, "leader is now " + leader.get()), true);
    } else if (s == null && retry != null) {
      retry.cancel(false);
      connect();
    }
  }

  /**
   * Abandons the current stream (subscribed or not) and schedules the next attempt, after the
   * backoff unless {@code immediate}.
   */
  private void end(Disconnect reason, boolean immediate) {
    Session s = session;
    session = null;
    stopTimers();
    if (stream != null) {
      stream.close();
      stream = null;
    }
    if (s != null) {
      s.calls().close();
    }
    attempt++;
    if (closed) {
      return;
    }
    Duration delay = immediate ? Duration.ZERO : config.backoff().delayAfter(++failures);
    if (s != null) {
      LOG.info("subscription to {} lost ({}); resubscribing in {}", s.master(), reason, delay);
      listener.onDisconnected(reason);
    } else {
      LOG.warn("subscription attempt failed ({}); retrying in {}", reason, delay);
      listener.onSubscriptionFailed(reason);
    }
    retry = eventThread.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Void checkReply(Session s, Call.Type type, HttpReply reply) {
    int status = reply.status();
    if (SchedulerCalls.accepted(status)) {
      return null;
    }
    if (status == 403 && session == s) {
      // The master no longer considers this stream subscribed: resubscribe.
      end(new Disconnect(Kind.NOT_SUBSCRIBED, type + " answered 403: " + reply.body().strip()),
          false);
    }
    throw new CompletionException(
        new MesosCallException(type.name(), status, reply.body()));
  }

  private void stopTimers() {
    if (watchdog != null) {
      watchdog.close();
      watchdog = null;
    }
    if (retry != null) {
      retry.cancel(false);
      retry = null;
    }
  }

  private void runOnEventThread(Runnable task) {
    try {
      eventThread.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("event thread shut down; dropping a task", e);
    }
  }
}

package org.exhibitormesos.executor.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Call;
import org.apache.mesos.v1.executor.Protos.Event;
import org.exhibitormesos.mesos.http.MesosHttp;
import org.exhibitormesos.mesos.http.recordio.RecordIO;

/**
 * A small stand-in for a Mesos agent's executor API on 127.0.0.1 and a free port, for tests that
 * run the real executor as a process: answers SUBSCRIBE with a RecordIO stream (SUBSCRIBED, then
 * queued LAUNCHes), records UPDATEs and acknowledges them on the stream, and lets the test send
 * KILL and SHUTDOWN or drop the stream. Thread safe.
 */
public final class FakeAgent implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-agent");
    t.setDaemon(true);
    return t;
  });
  private final BlockingQueue<TaskStatus> updates = new LinkedBlockingQueue<>();
  private final List<TaskStatus> allUpdates = new ArrayList<>();
  private final List<TaskInfo> queued = new ArrayList<>();
  private final AtomicInteger subscribes = new AtomicInteger();
  private volatile boolean acknowledge = true;
  private HttpExchange stream;

  private FakeAgent() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(threads);
    server.createContext(MesosHttp.EXECUTOR_PATH, this::handle);
  }

  /** Starts listening. */
  public static FakeAgent start() throws IOException {
    FakeAgent agent = new FakeAgent();
    agent.server.start();
    return agent;
  }

  /** {@code 127.0.0.1:port}, as {@code MESOS_AGENT_ENDPOINT}. */
  public String endpoint() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many SUBSCRIBE calls arrived. */
  public int subscribes() {
    return subscribes.get();
  }

  /** Whether UPDATEs get ACKNOWLEDGED (default yes). */
  public void acknowledgeUpdates(boolean on) {
    acknowledge = on;
  }

  /** Sends LAUNCH now if subscribed, else with the next SUBSCRIBED. */
  public synchronized void launch(TaskInfo task) throws IOException {
    if (stream == null) {
      queued.add(task);
    } else {
      send(Event.newBuilder().setType(Event.Type.LAUNCH)
          .setLaunch(Event.Launch.newBuilder().setTask(task)).build());
    }
  }

  /** Sends KILL, with a kill policy grace period if given. */
  public synchronized void kill(TaskID task, Duration grace) throws IOException {
    Event.Kill.Builder kill = Event.Kill.newBuilder().setTaskId(task);
    if (grace != null) {
      kill.setKillPolicy(KillPolicy.newBuilder().setGracePeriod(
          DurationInfo.newBuilder().setNanoseconds(grace.toNanos())));
    }
    send(Event.newBuilder().setType(Event.Type.KILL).setKill(kill).build());
  }

  public synchronized void shutdown() throws IOException {
    send(Event.newBuilder().setType(Event.Type.SHUTDOWN).build());
  }

  /** Ends the current event stream, as an agent restart would. */
  public synchronized void dropStream() {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }

  /** The next update matching {@code match}, skipping others; fails after {@code timeout}. */
  public TaskStatus awaitUpdate(Predicate<TaskStatus> match, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      TaskStatus s = left > 0 ? updates.poll(left, TimeUnit.NANOSECONDS) : null;
      if (s == null) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what
            + "; updates so far: " + describe());
      }
      if (match.test(s)) {
        return s;
      }
    }
  }

  /** Every update received, in order. */
  public synchronized List<TaskStatus> allUpdates() {
    return List.copyOf(allUpdates);
  }

  private synchronized String describe() {
    return allUpdates.stream().map(s -> s.getState() + " (" + s.getMessage() + ")").toList()
        .toString();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Call call = Call.parseFrom(exchange.getRequestBody().readAllBytes());
    switch (call.getType()) {
      case SUBSCRIBE -> subscribe(exchange, call);
      case UPDATE -> {
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
        update(call.getUpdate().getStatus());
      }
      default -> {
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
      }
    }
  }

  private synchronized void subscribe(HttpExchange exchange, Call call) throws IOException {
    subscribes.incrementAndGet();
    dropStream();
    exchange.getResponseHeaders().set("Content-Type", MesosHttp.PROTOBUF);
    exchange.sendResponseHeaders(200, 0);
    stream = exchange;
    send(Event.newBuilder().setType(Event.Type.SUBSCRIBED)
        .setSubscribed(Event.Subscribed.newBuilder()
            .setExecutorInfo(ExecutorInfo.newBuilder().setExecutorId(call.getExecutorId())
                .setFrameworkId(call.getFrameworkId())
                .setCommand(CommandInfo.newBuilder().setValue("executor")))
            .setFrameworkInfo(FrameworkInfo.newBuilder().setUser("zk").setName("test")
                .setId(call.getFrameworkId()))
            .setAgentInfo(AgentInfo.newBuilder().setHostname("127.0.0.1")))
        .build());
    for (Call.Update u : call.getSubscribe().getUnacknowledgedUpdatesList()) {
      update(u.getStatus());
    }
    for (TaskInfo task : queued) {
      send(Event.newBuilder().setType(Event.Type.LAUNCH)
          .setLaunch(Event.Launch.newBuilder().setTask(task)).build());
    }
    queued.clear();
  }

  private synchronized void update(TaskStatus status) throws IOException {
    boolean seen = allUpdates.stream().anyMatch(s -> s.getUuid().equals(status.getUuid()));
    if (!seen) {
      allUpdates.add(status);
      updates.add(status);
    }
    if (acknowledge) {
      send(Event.newBuilder().setType(Event.Type.ACKNOWLEDGED)
          .setAcknowledged(Event.Acknowledged.newBuilder().setTaskId(status.getTaskId())
              .setUuid(status.getUuid()))
          .build());
    }
  }

  private void send(Event event) throws IOException {
    if (stream == null) {
      return;
    }
    try {
      OutputStream out = stream.getResponseBody();
      out.write(RecordIO.encode(event.toByteArray()));
      out.flush();
    } catch (IOException e) {
      stream = null; // the executor went away; it will resubscribe or it is gone
    }
  }

  @Override
  public void close() {
    dropStream();
    server.stop(0);
    threads.shutdownNow();
  }
}

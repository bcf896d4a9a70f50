package org.exhibitormesos.mesos.http.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Call;
import org.apache.mesos.v1.executor.Protos.Event;
import org.exhibitormesos.mesos.http.MesosHttp;
import org.exhibitormesos.mesos.http.testing.Await;
import org.exhibitormesos.mesos.http.testing.FakeHttpServer;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class MesosExecutorClientTest {
  private static final TaskID TASK = TaskID.newBuilder().setValue("zk-1.task").build();

  private ScheduledExecutorService eventThread;
  private FakeHttpServer agent;
  private MesosExecutorClient client;
  private final BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
  private final BlockingQueue<Call> subscribes = new LinkedBlockingQueue<>();
  private final BlockingQueue<Call> updates = new LinkedBlockingQueue<>();
  private final CopyOnWriteArrayList<FakeHttpServer.Stream> streams = new CopyOnWriteArrayList<>();
  private final AtomicInteger subscribeCount = new AtomicInteger();

  private final ExecutorListener listener = new ExecutorListener() {
    @Override
    public void onSubscribed(Event.Subscribed subscribed) {
      heard.add(subscribed);
    }

    @Override
    public void onEvent(Event event) {
      heard.add(event);
    }

    @Override
    public void onDisconnected(String reason) {
      heard.add("disconnected: " + reason);
    }

    @Override
    public void onGaveUp(String reason) {
      heard.add("gave up: " + reason);
    }
  };

  @BeforeMethod
  public void setUp() throws Exception {
    heard.clear();
    subscribes.clear();
    updates.clear();
    streams.clear();
    subscribeCount.set(0);
    eventThread = Executors.newSingleThreadScheduledExecutor();
    agent = FakeHttpServer.start(this::agentRoute);
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() throws Exception {
    if (client != null) {
      client.close();
      client = null;
    }
    agent.close();
    eventThread.shutdownNow();
    assertThat(eventThread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  /** First SUBSCRIBE: SUBSCRIBED + LAUNCH. Later ones: SUBSCRIBED + ACKNOWLEDGED of what was resent. */
  private void agentRoute(FakeHttpServer.Exchange exchange) throws Exception {
    Call call = Call.parseFrom(exchange.request().body());
    assertThat(exchange.request().path()).isEqualTo(MesosHttp.EXECUTOR_PATH);
    assertThat(exchange.request().headers().get("Content-Type")).isEqualTo(MesosHttp.PROTOBUF);
    switch (call.getType()) {
      case SUBSCRIBE -> {
        subscribes.add(call);
        FakeHttpServer.Stream stream = exchange.stream(Map.of());
        streams.add(stream);
        stream.send(Event.newBuilder().setType(Event.Type.SUBSCRIBED)
            .setSubscribed(Event.Subscribed.newBuilder()
                .setExecutorInfo(org.apache.mesos.v1.Protos.ExecutorInfo.newBuilder()
                    .setExecutorId(call.getExecutorId()).setFrameworkId(call.getFrameworkId())
                    .setCommand(CommandInfo.newBuilder().setValue("true")))
                .setFrameworkInfo(org.apache.mesos.v1.Protos.FrameworkInfo.newBuilder()
                    .setUser("zk").setName("fw").setId(call.getFrameworkId()))
                .setAgentInfo(org.apache.mesos.v1.Protos.AgentInfo.newBuilder()
                    .setHostname("127.0.0.1")))
            .build().toByteArray());
        if (subscribeCount.incrementAndGet() == 1) {
          stream.send(Event.newBuilder().setType(Event.Type.LAUNCH)
              .setLaunch(Event.Launch.newBuilder().setTask(task())).build().toByteArray());
        } else {
          for (Call.Update u : call.getSubscribe().getUnacknowledgedUpdatesList()) {
            stream.send(Event.newBuilder().setType(Event.Type.ACKNOWLEDGED)
                .setAcknowledged(Event.Acknowledged.newBuilder()
                    .setTaskId(u.getStatus().getTaskId()).setUuid(u.getStatus().getUuid()))
                .build().toByteArray());
          }
        }
      }
      case UPDATE -> {
        updates.add(call);
        exchange.respond(202, Map.of(), "");
      }
      default -> exchange.respond(400, Map.of(), "unexpected " + call.getType());
    }
  }

  private static TaskInfo task() {
    return TaskInfo.newBuilder().setName("zk").setTaskId(TASK)
        .setAgentId(AgentID.newBuilder().setValue("agent-1")).build();
  }

  private MesosExecutorClient client(String checkpoint, String recoveryTimeout) {
    Map<String, String> vars = ExecutorEnvironmentTest.agentEnv();
    vars.put("MESOS_AGENT_ENDPOINT", agent.address().toString());
    vars.put("MESOS_CHECKPOINT", checkpoint);
    vars.put("MESOS_RECOVERY_TIMEOUT", recoveryTimeout);
    vars.put("MESOS_SUBSCRIPTION_BACKOFF_MAX", "100ms");
    ExecutorEnvironment env = ExecutorEnvironment.fromEnv(vars);
    client = new MesosExecutorClient(env, listener, MesosExecutorClient.defaultBackoff(env),
        eventThread, Clock.systemUTC());
    return client;
  }

  @Test
  public void resubscribesWithUnacknowledgedUpdatesAndTasksAfterTheAgentDropsTheStream()
      throws Exception {
    MesosExecutorClient c = client("1", "10secs");
    c.start();
    Await.next(heard, Event.Subscribed.class::isInstance, "SUBSCRIBED");
    Event launch = (Event) Await.next(heard, Event.class::isInstance, "LAUNCH");
    assertThat(launch.getType()).isEqualTo(Event.Type.LAUNCH);
    Call first = subscribes.take();
    assertThat(first.getExecutorId().getValue()).isEqualTo("zk-1");
    assertThat(first.getFrameworkId().getValue()).isEqualTo("fw-0001");
    assertThat(first.getSubscribe().getUnacknowledgedUpdatesCount()).isZero();

    PendingUpdate running = c.update(TaskStatus.newBuilder().setTaskId(TASK)
        .setState(TaskState.TASK_RUNNING).build());
    Call update = updates.poll(5, TimeUnit.SECONDS);
    assertThat(update).isNotNull();
    TaskStatus sent = update.getUpdate().getStatus();
    assertThat(sent.getUuid().size()).isEqualTo(16);
    assertThat(TaskStatusUuids.fromBytes(sent.getUuid())).isEqualTo(running.uuid());
    assertThat(sent.getSource()).isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
    assertThat(sent.getExecutorId().getValue()).isEqualTo("zk-1");
    assertThat(running.acknowledged()).isNotDone();

    agent.dropConnections(); // the agent restarts before acknowledging

    Await.next(heard, o -> o instanceof String s && s.startsWith("disconnected"), "disconnect");
    Call again = subscribes.poll(5, TimeUnit.SECONDS);
    assertThat(again).isNotNull();
    assertThat(again.getSubscribe().getUnacknowledgedUpdatesList())
        .extracting(u -> u.getStatus().getUuid())
        .containsExactly(sent.getUuid());
    assertThat(again.getSubscribe().getUnacknowledgedTasksList()).containsExactly(task());

    assertThat(running.awaitAcknowledged(Duration.ofSeconds(5))).isTrue();
    assertThat(c.awaitAllAcknowledged(Duration.ofSeconds(1))).isTrue();
    Event ack = (Event) Await.next(heard,
        o -> o instanceof Event e && e.getType() == Event.Type.ACKNOWLEDGED, "ACKNOWLEDGED");
    assertThat(ack.getAcknowledged().getUuid()).isEqualTo(sent.getUuid());
  }

  @Test
  public void givesUpAfterTheRecoveryTimeout() throws Exception {
    MesosExecutorClient c = client("1", "500ms");
    c.start();
    Await.next(heard, Event.Subscribed.class::isInstance, "SUBSCRIBED");
    PendingUpdate update = c.update(TaskStatus.newBuilder().setTaskId(TASK)
        .setState(TaskState.TASK_FINISHED).build());
    agent.close(); // the agent is gone for good

    String gaveUp = (String) Await.next(heard,
        o -> o instanceof String s && s.startsWith("gave up"), "give up");
    assertThat(gaveUp).contains("MESOS_RECOVERY_TIMEOUT");
    assertThat(update.awaitAcknowledged(Duration.ofSeconds(1))).isFalse();
    assertThat(c.isSubscribed()).isFalse();
  }

  @Test
  public void givesUpAtOnceWithoutCheckpointing() throws Exception {
    MesosExecutorClient c = client("0", "10secs");
    c.start();
    Await.next(heard, Event.Subscribed.class::isInstance, "SUBSCRIBED");
    agent.dropConnections();

    String gaveUp = (String) Await.next(heard,
        o -> o instanceof String s && s.startsWith("gave up"), "give up");
    assertThat(gaveUp).contains("does not checkpoint");
    assertThat(subscribeCount.get()).isEqualTo(1);
  }
}

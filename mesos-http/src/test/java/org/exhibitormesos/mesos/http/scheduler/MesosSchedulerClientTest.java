package org.exhibitormesos.mesos.http.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.http.BackoffPolicy;
import org.exhibitormesos.mesos.http.Credentials;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.MesosCallException;
import org.exhibitormesos.mesos.http.MesosHttp;
import org.exhibitormesos.mesos.http.NotSubscribedException;
import org.exhibitormesos.mesos.http.master.StaticMasterDetector;
import org.exhibitormesos.mesos.http.testing.Await;
import org.exhibitormesos.mesos.http.testing.FakeHttpServer;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class MesosSchedulerClientTest {
  private final List<AutoCloseable> resources = new ArrayList<>();
  private ScheduledExecutorService eventThread;
  private final AtomicReference<FrameworkInfo> frameworkInfo = new AtomicReference<>();
  private final BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
  private final List<Integer> backoffCalls = new CopyOnWriteArrayList<>();
  private final BackoffPolicy fastBackoff = failures -> {
    backoffCalls.add(failures);
    return Duration.ofMillis(20);
  };

  /** Persists the framework id like a real scheduler would, and records what it hears. */
  private final SchedulerListener listener = new SchedulerListener() {
    @Override
    public void onSubscribed(Event.Subscribed subscribed, HostAndPort master) {
      frameworkInfo.updateAndGet(i -> i.toBuilder().setId(subscribed.getFrameworkId()).build());
      heard.add(master);
    }

    @Override
    public void onEvent(Event event) {
      heard.add(event);
    }

    @Override
    public void onDisconnected(Disconnect reason) {
      heard.add(reason);
    }

    @Override
    public void onSubscriptionFailed(Disconnect reason) {
      heard.add(reason);
    }
  };

  @BeforeMethod
  public void setUp() {
    heard.clear();
    backoffCalls.clear();
    eventThread = Executors.newSingleThreadScheduledExecutor();
    frameworkInfo.set(FrameworkInfo.newBuilder().setUser("zookeeper").setName("exhibitor-mesos")
        .build());
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
    resources.clear();
    eventThread.shutdownNow();
    assertThat(eventThread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  private <T extends AutoCloseable> T closeLater(T resource) {
    resources.add(resource);
    return resource;
  }

  private MesosSchedulerClient client(SchedulerClientConfig config, HostAndPort... masters) {
    StaticMasterDetector detector = closeLater(new StaticMasterDetector(List.of(masters)));
    detector.start();
    return closeLater(new MesosSchedulerClient(detector, frameworkInfo::get, listener,
        config.withBackoff(fastBackoff), eventThread, Clock.systemUTC()));
  }

  private static Call decline() {
    return Call.newBuilder().setType(Call.Type.DECLINE)
        .setDecline(Call.Decline.newBuilder().addOfferIds(OfferID.newBuilder().setValue("o1")))
        .build();
  }

  @Test
  public void subscribesThenSendsCallsOnASecondConnectionWithTheStreamId() throws Exception {
    FakeMaster master = closeLater(new FakeMaster((n, ex, m) -> m.acceptSubscription(ex, 15)));
    MesosSchedulerClient client = client(
        SchedulerClientConfig.defaults().withCredentials(new Credentials("zk", "pw")),
        master.address());
    assertThatThrownBy(() -> client.send(decline()).get())
        .hasCauseInstanceOf(NotSubscribedException.class);

    client.start();
    assertThat(Await.next(heard, HostAndPort.class::isInstance, "subscribed"))
        .isEqualTo(master.address());

    FakeHttpServer.Request subscribe = master.subscribeRequests.take();
    assertThat(subscribe.path()).isEqualTo(MesosHttp.SCHEDULER_PATH);
    assertThat(subscribe.headers().get("Content-Type")).isEqualTo("application/x-protobuf");
    assertThat(subscribe.headers().get("Accept")).isEqualTo("application/x-protobuf");
    assertThat(subscribe.headers().get("Authorization")).isEqualTo("Basic ems6cHc=");
    assertThat(subscribe.headers().contains(MesosHttp.STREAM_ID_HEADER)).isFalse();
    Call subscribeCall = FakeMaster.parse(subscribe);
    assertThat(subscribeCall.hasFrameworkId()).isFalse();
    assertThat(subscribeCall.getSubscribe().getFrameworkInfo().getName())
        .isEqualTo("exhibitor-mesos");

    client.send(decline()).get(5, TimeUnit.SECONDS);
    FakeHttpServer.Request call = master.callRequests.take();
    assertThat(call.headers().get(MesosHttp.STREAM_ID_HEADER)).isEqualTo(master.currentStreamId);
    assertThat(call.headers().get("Content-Type")).isEqualTo("application/x-protobuf");
    assertThat(call.headers().get("Authorization")).isEqualTo("Basic ems6cHc=");
    assertThat(call.connection()).isNotEqualTo(subscribe.connection());
    assertThat(FakeMaster.parse(call).getFrameworkId().getValue()).isEqualTo(FakeMaster.FRAMEWORK_ID);

    // Calls share one keep-alive connection.
    client.send(decline()).get(5, TimeUnit.SECONDS);
    assertThat(master.callRequests.take().connection()).isEqualTo(call.connection());
  }

  @Test
  public void aRejectedCallFailsWithTheStatusAndBody() throws Exception {
    FakeMaster master = closeLater(new FakeMaster((n, ex, m) -> m.acceptSubscription(ex, 15)));
    master.callStatus = 400;
    master.callBody = "Framework cannot be found";
    MesosSchedulerClient client = client(SchedulerClientConfig.defaults(), master.address());
    client.start();
    Await.next(heard, HostAndPort.class::isInstance, "subscribed");

    assertThatThrownBy(() -> client.send(decline()).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(MesosCallException.class)
        .hasMessage("DECLINE rejected with HTTP 400: Framework cannot be found")
        .satisfies(e -> assertThat(((MesosCallException) e).status()).isEqualTo(400));
  }

  @Test
  public void followsASchemeLessRedirectToTheLeader() throws Exception {
    FakeMaster leader = closeLater(new FakeMaster((n, ex, m) -> m.acceptSubscription(ex, 15)));
    FakeMaster standby = closeLater(new FakeMaster((n, ex, m) -> ex.respond(307,
        Map.of("Location", "//" + leader.address() + MesosHttp.MASTER_SCHEDULER_PATH), "")));
    MesosSchedulerClient client = client(SchedulerClientConfig.defaults(), standby.address());
    client.start();

    assertThat(Await.next(heard, HostAndPort.class::isInstance, "subscribed"))
        .isEqualTo(leader.address());
    assertThat(leader.subscribeRequests.take().path()).isEqualTo(MesosHttp.MASTER_SCHEDULER_PATH);
    client.send(decline()).get(5, TimeUnit.SECONDS);
    assertThat(leader.callRequests.take().path()).isEqualTo(MesosHttp.MASTER_SCHEDULER_PATH);
    assertThat(standby.callRequests).isEmpty();
    assertThat(backoffCalls).isEmpty();
  }

  @Test
  public void retriesServiceUnavailableWithBackoff() throws Exception {
    FakeMaster master = closeLater(new FakeMaster((n, ex, m) -> {
      if (n <= 2) {
        ex.respond(503, Map.of(), "Master is recovering");
      } else {
        m.acceptSubscription(ex, 15);
      }
    }));
    MesosSchedulerClient client = client(SchedulerClientConfig.defaults(), master.address());
    client.start();

    Disconnect first = (Disconnect) Await.next(heard, Disconnect.class::isInstance, "failure");
    assertThat(first.kind()).isEqualTo(Disconnect.Kind.REJECTED);
    assertThat(first.detail()).contains("HTTP 503").contains("Master is recovering");
    Await.next(heard, HostAndPort.class::isInstance, "subscribed");
    assertThat(master.subscribeCount()).isEqualTo(3);
    assertThat(backoffCalls).containsExactly(1, 2);
    assertThat(client.isSubscribed()).isTrue();
  }

  @Test
  public void triesTheNextMasterWhenOneIsUnreachable() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    FakeMaster master = closeLater(new FakeMaster((n, ex, m) -> m.acceptSubscription(ex, 15)));
    MesosSchedulerClient client = client(SchedulerClientConfig.defaults(),
        new HostAndPort("127.0.0.1", deadPort), master.address());
    client.start();

    Disconnect failure = (Disconnect) Await.next(heard, Disconnect.class::isInstance, "failure");
    assertThat(failure.kind()).isEqualTo(Disconnect.Kind.CONNECTION_FAILED);
    assertThat(Await.next(heard, HostAndPort.class::isInstance, "subscribed"))
        .isEqualTo(master.address());
  }

  @Test
  public void resubscribesWithTheFrameworkIdWhenHeartbeatsStop() throws Exception {
    // 100 ms heartbeats promised, none sent after the first: silent after SUBSCRIBED.
    FakeMaster master = closeLater(new FakeMaster((n, ex, m) -> m.acceptSubscription(ex, 0.1)));
    MesosSchedulerClient client = client(
        SchedulerClientConfig.defaults().withHeartbeatMissesAllowed(3), master.address());
    client.start();
    Await.next(heard, HostAndPort.class::isInstance, "subscribed");
    String firstStream = master.currentStreamId;

    Disconnect lost = (Disconnect) Await.next(heard, Disconnect.class::isInstance, "disconnect");
    assertThat(lost.kind()).isEqualTo(Disconnect.Kind.HEARTBEAT_TIMEOUT);
    Await.next(heard, HostAndPort.class::isInstance, "resubscribed");

    master.subscribeRequests.take();
    Call resubscribe = FakeMaster.parse(master.subscribeRequests.take());
    FrameworkID id = FrameworkID.newBuilder().setValue(FakeMaster.FRAMEWORK_ID).build();
    assertThat(resubscribe.getFrameworkId()).isEqualTo(id);
    assertThat(resubscribe.getSubscribe().getFrameworkInfo().getId()).isEqualTo(id);
    Await.until(Duration.ofSeconds(5), () -> !master.streams.get(0).isOpen(),
        "the dead stream to be closed by the client");
    assertThat(master.currentStreamId).isNotEqualTo(firstStream);
  }

  @Test
  public void resubscribesWhenTheMasterEndsTheStreamAndUsesTheNewStreamId() throws Exception {
    FakeMaster master = closeLater(new FakeMaster((n, ex, m) -> {
      FakeHttpServer.Stream stream = m.acceptSubscription(ex, 15);
      if (n == 1) {
        stream.end();
      }
    }));
    MesosSchedulerClient client = client(SchedulerClientConfig.defaults(), master.address());
    client.start();
    Await.next(heard, HostAndPort.class::isInstance, "subscribed");
    Disconnect lost = (Disconnect) Await.next(heard, Disconnect.class::isInstance, "disconnect");
    assertThat(lost.kind()).isEqualTo(Disconnect.Kind.STREAM_CLOSED);
    Await.next(heard, HostAndPort.class::isInstance, "resubscribed");

    client.send(decline()).get(5, TimeUnit.SECONDS);
    assertThat(master.callRequests.take().headers().get(MesosHttp.STREAM_ID_HEADER))
        .isEqualTo(master.currentStreamId);
  }

  @Test
  public void deliversEventsAndAbandonsTheStreamOnError() throws Exception {
    FakeMaster master = closeLater(new FakeMaster((n, ex, m) -> {
      FakeHttpServer.Stream stream = m.acceptSubscription(ex, 15);
      if (n == 1) {
        stream.send(Event.newBuilder().setType(Event.Type.ERROR)
            .setError(Event.Error.newBuilder().setMessage("Framework failed over")).build()
            .toByteArray());
      }
    }));
    MesosSchedulerClient client = client(SchedulerClientConfig.defaults(), master.address());
    client.start();
    Event error = (Event) Await.next(heard, Event.class::isInstance, "ERROR event");
    assertThat(error.getError().getMessage()).isEqualTo("Framework failed over");
    Disconnect lost = (Disconnect) Await.next(heard, Disconnect.class::isInstance, "disconnect");
    assertThat(lost.kind()).isEqualTo(Disconnect.Kind.ERROR_EVENT);
    Await.next(heard, HostAndPort.class::isInstance, "resubscribed");
    assertThat(master.subscribeCount()).isEqualTo(2);
  }

  @Test
  public void movesToTheNewLeaderWhenTheDetectorSaysSo() throws Exception {
    FakeMaster first = closeLater(new FakeMaster((n, ex, m) -> m.acceptSubscription(ex, 15)));
    FakeMaster second = closeLater(new FakeMaster((n, ex, m) -> m.acceptSubscription(ex, 15)));
    ManualMasterDetector detector = new ManualMasterDetector(first.address());
    MesosSchedulerClient client = closeLater(new MesosSchedulerClient(detector, frameworkInfo::get,
        listener, SchedulerClientConfig.defaults().withBackoff(fastBackoff), eventThread,
        Clock.systemUTC()));
    client.start();
    assertThat(Await.next(heard, HostAndPort.class::isInstance, "subscribed"))
        .isEqualTo(first.address());

    detector.elect(second.address());
    Disconnect lost = (Disconnect) Await.next(heard, Disconnect.class::isInstance, "disconnect");
    assertThat(lost.kind()).isEqualTo(Disconnect.Kind.LEADER_CHANGED);
    assertThat(Await.next(heard, HostAndPort.class::isInstance, "resubscribed"))
        .isEqualTo(second.address());
    assertThat(FakeMaster.parse(second.subscribeRequests.take()).getFrameworkId().getValue())
        .isEqualTo(FakeMaster.FRAMEWORK_ID);
    assertThat(backoffCalls).isEmpty();
    Await.until(Duration.ofSeconds(5), () -> !first.streams.get(0).isOpen(), "old stream closed");
  }

  @Test
  public void closeIsIdempotentAndStopsTheStream() throws Exception {
    FakeMaster master = closeLater(new FakeMaster((n, ex, m) -> m.acceptSubscription(ex, 15)));
    MesosSchedulerClient client = client(SchedulerClientConfig.defaults(), master.address());
    client.start();
    Await.next(heard, HostAndPort.class::isInstance, "subscribed");
    client.close();
    client.close();
    assertThat(client.isSubscribed()).isFalse();
    Await.until(Duration.ofSeconds(5), () -> !master.streams.get(0).isOpen(), "stream closed");
    assertThatThrownBy(client::start).isInstanceOf(IllegalStateException.class);
  }
}

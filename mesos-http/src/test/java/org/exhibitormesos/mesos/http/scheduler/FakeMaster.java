package org.exhibitormesos.mesos.http.scheduler;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.MesosHttp;
import org.exhibitormesos.mesos.http.testing.FakeHttpServer;

/**
 * Just enough of a master's scheduler endpoint: SUBSCRIBE answered by a per-test behaviour, other
 * calls checked for the current {@code Mesos-Stream-Id} and answered with {@link #callStatus}.
 */
final class FakeMaster implements AutoCloseable {
  /** How to answer the n-th SUBSCRIBE (1-based). */
  @FunctionalInterface
  interface SubscribeBehaviour {
    void answer(int n, FakeHttpServer.Exchange exchange, FakeMaster master);
  }

  static final String FRAMEWORK_ID = "fw-0000";

  final BlockingQueue<FakeHttpServer.Request> subscribeRequests = new LinkedBlockingQueue<>();
  final BlockingQueue<FakeHttpServer.Request> callRequests = new LinkedBlockingQueue<>();
  final List<FakeHttpServer.Stream> streams = new CopyOnWriteArrayList<>();
  private final AtomicInteger subscribes = new AtomicInteger();
  private final SubscribeBehaviour behaviour;
  private final FakeHttpServer http;
  volatile String currentStreamId;
  volatile int callStatus = 202;
  volatile String callBody = "";

  FakeMaster(SubscribeBehaviour behaviour) throws InterruptedException {
    this.behaviour = behaviour;
    this.http = FakeHttpServer.start(this::route);
  }

  HostAndPort address() {
    return http.address();
  }

  int subscribeCount() {
    return subscribes.get();
  }

  /** The usual answer: a stream with SUBSCRIBED (given heartbeat interval) and one HEARTBEAT. */
  FakeHttpServer.Stream acceptSubscription(FakeHttpServer.Exchange exchange, double heartbeat) {
    currentStreamId = UUID.randomUUID().toString();
    FakeHttpServer.Stream stream =
        exchange.stream(Map.of(MesosHttp.STREAM_ID_HEADER, currentStreamId));
    streams.add(stream);
    stream.send(subscribed(heartbeat));
    stream.send(Event.newBuilder().setType(Event.Type.HEARTBEAT).build().toByteArray());
    return stream;
  }

  static byte[] subscribed(double heartbeat) {
    return Event.newBuilder().setType(Event.Type.SUBSCRIBED)
        .setSubscribed(Event.Subscribed.newBuilder()
            .setFrameworkId(FrameworkID.newBuilder().setValue(FRAMEWORK_ID))
            .setHeartbeatIntervalSeconds(heartbeat))
        .build().toByteArray();
  }

  static Call parse(FakeHttpServer.Request request) {
    try {
      return Call.parseFrom(request.body());
    } catch (Exception e) {
      throw new AssertionError("request body is not a Call", e);
    }
  }

  private void route(FakeHttpServer.Exchange exchange) {
    Call call = parse(exchange.request());
    if (call.getType() == Call.Type.SUBSCRIBE) {
      subscribeRequests.add(exchange.request());
      behaviour.answer(subscribes.incrementAndGet(), exchange, this);
      return;
    }
    callRequests.add(exchange.request());
    String streamId = exchange.request().headers().get(MesosHttp.STREAM_ID_HEADER);
    if (streamId == null) {
      exchange.respond(400, Map.of(),
          "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
    } else if (!streamId.equals(currentStreamId)) {
      exchange.respond(400, Map.of(), "The stream ID '" + streamId + "' included in this request "
          + "didn't match the stream ID currently associated with framework ID " + FRAMEWORK_ID);
    } else {
      exchange.respond(callStatus, Map.of(), callBody);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}

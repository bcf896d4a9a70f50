package org.exhibitormesos.mesos.local.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.http.ExponentialBackoff;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.master.MasterDetector;
import org.exhibitormesos.mesos.http.master.StaticMasterDetector;
import org.exhibitormesos.mesos.http.scheduler.Disconnect;
import org.exhibitormesos.mesos.http.scheduler.MesosSchedulerClient;
import org.exhibitormesos.mesos.http.scheduler.SchedulerClientConfig;
import org.exhibitormesos.mesos.http.scheduler.SchedulerListener;

/** The project's own {@link MesosSchedulerClient}, recording what it sees. */
public final class ClientScheduler implements SchedulerListener, AutoCloseable {
  public final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  public final BlockingQueue<Event.Subscribed> subscriptions = new LinkedBlockingQueue<>();
  public final AtomicReference<FrameworkID> frameworkId = new AtomicReference<>();
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
  private final MasterDetector detector;
  public final MesosSchedulerClient client;

  public ClientScheduler(HostAndPort master, FrameworkInfo info) {
    this(new StaticMasterDetector(List.of(master)), info);
  }

  public ClientScheduler(MasterDetector detector, FrameworkInfo info) {
    this(detector, info, c -> c);
  }

  public ClientScheduler(MasterDetector detector, FrameworkInfo info,
      java.util.function.UnaryOperator<SchedulerClientConfig> tweak) {
    this.detector = detector;
    detector.start();
    client = new MesosSchedulerClient(detector, () -> {
      FrameworkID id = frameworkId.get();
      return id == null ? info : info.toBuilder().setId(id).build();
    }, this, tweak.apply(SchedulerClientConfig.defaults().withBackoff(new ExponentialBackoff(
        Duration.ofMillis(100), Duration.ofMillis(500))).withHeartbeatMissesAllowed(3)), thread,
        Clock.systemUTC());
    client.start();
  }

  @Override
  public void onSubscribed(Event.Subscribed subscribed, HostAndPort master) {
    frameworkId.set(subscribed.getFrameworkId());
    subscriptions.add(subscribed);
  }

  @Override
  public void onEvent(Event event) {
    events.add(event);
  }

  @Override
  public void onDisconnected(Disconnect reason) {}

  public void send(Call call) throws Exception {
    client.send(call).get();
  }

  public Event next(Event.Type type) throws InterruptedException {
    return Await.next(events, e -> e.getType() == type, type.name());
  }

  @Override
  public void close() throws Exception {
    client.close();
    detector.close();
    thread.shutdownNow();
  }
}

package org.exhibitormesos.executor.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.master.StaticMasterDetector;
import org.exhibitormesos.mesos.http.scheduler.Disconnect;
import org.exhibitormesos.mesos.http.scheduler.MesosSchedulerClient;
import org.exhibitormesos.mesos.http.scheduler.SchedulerClientConfig;
import org.exhibitormesos.mesos.http.scheduler.SchedulerListener;

/**
 * A plain test scheduler over mesos-http's {@link MesosSchedulerClient}: a checkpointing framework
 * in role {@value #ROLE} (principal {@value #PRINCIPAL}) that keeps the offers it holds, accepts
 * them with operations, acknowledges and records every status update, and kills tasks.
 * Thread-safe.
 */
public final class LocalScheduler implements AutoCloseable {
  public static final String ROLE = "zk";
  public static final String PRINCIPAL = "zk-fw";
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor();
  private final StaticMasterDetector detector;
  private final MesosSchedulerClient client;
  private final Map<String, Offer> held = new LinkedHashMap<>();
  private final BlockingQueue<TaskStatus> updates = new LinkedBlockingQueue<>();
  private final List<TaskStatus> seen = new ArrayList<>();
  private volatile FrameworkID frameworkId;

  private LocalScheduler(HostAndPort master) {
    detector = new StaticMasterDetector(List.of(master));
    client = new MesosSchedulerClient(detector, this::frameworkInfo, new Listener(),
        SchedulerClientConfig.defaults(), events, Clock.systemUTC());
  }

  /** Subscribes to the master at {@code master} in the background. */
  public static LocalScheduler start(HostAndPort master) {
    LocalScheduler scheduler = new LocalScheduler(master);
    scheduler.detector.start();
    scheduler.client.start();
    return scheduler;
  }

  private FrameworkInfo frameworkInfo() {
    FrameworkInfo.Builder info = FrameworkInfo.newBuilder()
        .setUser(System.getProperty("user.name")).setName("executor-it").setCheckpoint(true)
        .setRole(ROLE).setPrincipal(PRINCIPAL);
    if (frameworkId != null) {
      info.setId(frameworkId);
    }
    return info.build();
  }

  private final class Listener implements SchedulerListener {
    @Override
    public void onSubscribed(Event.Subscribed subscribed, HostAndPort master) {
      frameworkId = subscribed.getFrameworkId();
    }

    @Override
    public void onEvent(Event event) {
      switch (event.getType()) {
        case OFFERS -> hold(event.getOffers().getOffersList());
        case RESCIND -> release(event.getRescind().getOfferId().getValue());
        case UPDATE -> record(event.getUpdate().getStatus());
        default -> { }
      }
    }

    @Override
    public void onDisconnected(Disconnect reason) {}
  }

  private synchronized void hold(List<Offer> offers) {
    offers.forEach(o -> held.put(o.getId().getValue(), o));
    notifyAll();
  }

  private synchronized void release(String offerId) {
    held.remove(offerId);
  }

  private void record(TaskStatus status) {
    synchronized (seen) {
      seen.add(status);
    }
    updates.add(status);
    if (status.hasUuid()) {
      client.send(call(Call.Type.ACKNOWLEDGE).setAcknowledge(Call.Acknowledge.newBuilder()
          .setAgentId(status.getAgentId()).setTaskId(status.getTaskId())
          .setUuid(status.getUuid())).build());
    }
  }

  private Call.Builder call(Call.Type type) {
    return Call.newBuilder().setType(type).setFrameworkId(frameworkId);
  }

  /**
   * Takes every held offer once together they satisfy {@code enough} (they are then no longer
   * held); fails after {@code timeout}.
   */
  public synchronized List<Offer> takeOffers(Predicate<List<Offer>> enough, Duration timeout,
      String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!enough.test(List.copyOf(held.values()))) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for offers with " + what
            + "; holding " + held.values());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    List<Offer> taken = List.copyOf(held.values());
    held.clear();
    return taken;
  }

  /** Accepts {@code offers} with {@code operations}; the rest is offered again at once. */
  public void accept(List<Offer> offers, List<Offer.Operation> operations) throws Exception {
    Call.Accept.Builder accept = Call.Accept.newBuilder().addAllOperations(operations)
        .setFilters(Filters.newBuilder().setRefuseSeconds(0));
    offers.forEach(o -> accept.addOfferIds(o.getId()));
    client.send(call(Call.Type.ACCEPT).setAccept(accept).build())
        .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Sends KILL (the grace period comes from the task's kill policy). */
  public void kill(TaskInfo task) throws Exception {
    client.send(call(Call.Type.KILL).setKill(Call.Kill.newBuilder()
        .setTaskId(task.getTaskId()).setAgentId(task.getAgentId())).build())
        .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
            + "; updates: " + describeUpdates());
      }
      if (match.test(s)) {
        return s;
      }
    }
  }

  private String describeUpdates() {
    synchronized (seen) {
      return seen.stream().map(u -> u.getTaskId().getValue() + " " + u.getState() + " "
          + u.getSource() + " (" + u.getMessage() + ")").toList().toString();
    }
  }

  @Override
  public void close() {
    client.close();
    detector.close();
    events.shutdownNow();
  }
}

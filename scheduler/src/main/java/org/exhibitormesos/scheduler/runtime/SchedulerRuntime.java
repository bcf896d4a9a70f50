package org.exhibitormesos.scheduler.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.core.state.StateCodec;
import org.exhibitormesos.core.state.StateRepository;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.Versioned;
import org.exhibitormesos.mesos.http.Credentials;
import org.exhibitormesos.mesos.http.master.MasterDetector;
import org.exhibitormesos.mesos.http.scheduler.MesosSchedulerClient;
import org.exhibitormesos.mesos.http.scheduler.SchedulerClientConfig;
import org.exhibitormesos.scheduler.api.ApiServer;
import org.exhibitormesos.scheduler.api.StatusViews;
import org.exhibitormesos.scheduler.artifacts.ArtifactFolder;
import org.exhibitormesos.scheduler.artifacts.ArtifactServer;
import org.exhibitormesos.scheduler.config.SchedulerConfig;
import org.exhibitormesos.scheduler.loop.ExecutorLoopTasks;
import org.exhibitormesos.scheduler.loop.LoopHandlers;
import org.exhibitormesos.scheduler.loop.StateLoop;
import org.exhibitormesos.scheduler.membership.MembershipDriver;
import org.exhibitormesos.scheduler.membership.MembershipRounds;
import org.exhibitormesos.scheduler.membership.exhibitor.ExhibitorMembershipDriver;
import org.exhibitormesos.scheduler.membership.exhibitor.ExhibitorViews;
import org.exhibitormesos.scheduler.membership.MembershipSettings;
import org.exhibitormesos.scheduler.mesos.ExecutorArtifacts;
import org.exhibitormesos.scheduler.mesos.FrameworkInfos;
import org.exhibitormesos.scheduler.mesos.MesosAdapter;
import org.exhibitormesos.scheduler.mesos.OfferHandler;

/**
 * The running scheduler, wired by hand: state store, state loop, control API and artifact server,
 * membership driver, live view, Mesos client. {@link #close()} stops them in reverse order of
 * start: Mesos first (nothing new comes in), the store last (nothing more is written).
 */
public final class SchedulerRuntime implements RunningScheduler {
  private static final Logger LOG = LogManager.getLogger(SchedulerRuntime.class);

  private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile String fatal;
  private StateLoop loop;
  private ApiServer api;

  private SchedulerRuntime() {
  }

  /**
   * Opens the store, loads the state and starts everything.
   *
   * @throws StateStoreException when the state cannot be opened or read (never started fresh)
   * @throws IOException when the API cannot bind
   */
  public static SchedulerRuntime start(SchedulerConfig config, Clock clock) throws StateStoreException, IOException {
    return start(config, clock, Storage.open(config.storage(), clock));
  }

  /**
   * Starts everything on a store opened by the caller (the leader's fenced store in a highly available
   * scheduler); the runtime closes it.
   *
   * @throws StateStoreException when the state cannot be read (never started fresh)
   * @throws IOException when the API cannot bind
   */
  public static SchedulerRuntime start(SchedulerConfig config, Clock clock, StateStore store)
      throws StateStoreException, IOException {
    return start(config, clock, store, () -> true);
  }

  /**
   * As {@link #start(SchedulerConfig, Clock, StateStore)}, subscribing to Mesos only while {@code mayAct}
   * says so (a highly available scheduler's leadership).
   */
  public static SchedulerRuntime start(SchedulerConfig config, Clock clock, StateStore store, BooleanSupplier mayAct)
      throws StateStoreException, IOException {
    SchedulerRuntime runtime = new SchedulerRuntime();
    runtime.closeables.push(store);
    try {
      runtime.startAll(config, clock, store, mayAct);
      return runtime;
    } catch (StateStoreException | IOException | RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  private void startAll(SchedulerConfig config, Clock clock, StateStore store, BooleanSupplier mayAct)
      throws StateStoreException, IOException {
    StateRepository repository = new StateRepository(store, new StateCodec());
    Optional<Versioned<ClusterState>> loaded = repository.load();
    ClusterState state = loaded.map(Versioned::value).orElseGet(() -> ClusterState.initial(newSecret()));
    long version = loaded.map(Versioned::version).orElse(StateStore.ABSENT);
    LOG.info("state from {}: {}", repository.describe(), loaded.isPresent()
        ? state.servers().size() + " servers, framework " + state.frameworkId().orElse("(none yet)") : "new");
    if (state.mode().isPresent() && state.mode().get() != config.mode()) {
      LOG.warn("--mode {} ignored: the ensemble in the state runs in mode {}", config.mode().text(),
          state.mode().get().text());
    }

    ServerMode mode = state.mode().orElse(config.mode());
    ExecutorArtifacts artifacts = Artifacts.find(config.artifacts(), config.apiUrl(), mode == ServerMode.EXHIBITOR);
    LoopHandlers handlers = LoopHandlers.create(new LoopHandlers.Settings(config.role(), config.principal(),
        config.mode(), artifacts, OfferHandler.Settings.DEFAULT), () -> UUID.randomUUID().toString());
    MesosOutbox outbox = new MesosOutbox();
    loop = new StateLoop(repository, state, version, new ExecutorLoopTasks(), clock, handlers, outbox, this::onFatal);
    closeables.push(loop);
    loop.start();

    ExhibitorViews exhibitorViews = new ExhibitorViews();
    api = new ApiServer(ApiServer.Settings.from(config), loop, new StatusViews(config.mode(), exhibitorViews::lines),
        new ArtifactServer(new ArtifactFolder(config.artifacts())), clock);
    closeables.push(api);
    api.start();
    LOG.info("control API on {}, artifacts from {}", config.apiUrl(), config.artifacts());

    ScheduledExecutorService driverThread = daemonThread("membership");
    closeables.push(driverThread::shutdownNow);
    MembershipRounds driver = mode == ServerMode.NATIVE
        ? MembershipDriver.create(() -> loop.snapshot().state(), loop::onMembership, MembershipSettings.from(config),
            driverThread, clock)
        : ExhibitorMembershipDriver.create(() -> loop.snapshot().state(), loop::onMembership, exhibitorViews,
            MembershipSettings.from(config), driverThread);
    closeables.push(driver);
    outbox.driver(driver);
    driver.start();
    LiveView live = new LiveView(() -> loop.snapshot().state(), loop::onLive, Duration.ofSeconds(1));
    closeables.push(live);
    live.start(Duration.ofSeconds(2));

    ScheduledExecutorService mesosThread = daemonThread("mesos-events");
    closeables.push(mesosThread::shutdownNow);
    MasterDetector detector = new GatedMasterDetector(
        MasterDetector.create(config.master(), Duration.ofSeconds(10), mesosThread), mayAct);
    closeables.push(detector);
    SchedulerClientConfig clientConfig = SchedulerClientConfig.defaults();
    if (config.principal().isPresent() && config.secret().isPresent()) {
      clientConfig = clientConfig.withCredentials(new Credentials(config.principal().get(), config.secret().get()));
    }
    String hostname = hostname(config);
    MesosSchedulerClient client = new MesosSchedulerClient(detector,
        () -> FrameworkInfos.of(config, loop.frameworkId(), hostname), new MesosAdapter(loop), clientConfig,
        mesosThread, clock);
    closeables.push(client);
    outbox.client(client);
    detector.start();
    client.start();
    LOG.info("scheduler started: {}", config);
  }

  /** The API's bound port (useful with port 0). */
  public int apiPort() {
    return api.port();
  }

  public StateLoop loop() {
    return loop;
  }

  /**
   * Waits until the runtime stops by itself (a fatal error) or is closed.
   *
   * @return the fatal error's message, or empty when it was closed
   */
  public Optional<String> awaitStop() throws InterruptedException {
    stopped.await();
    return Optional.ofNullable(fatal);
  }

  private void onFatal(String why) {
    fatal = why;
    Thread t = new Thread(this::close, "scheduler-stop");
    t.setDaemon(false);
    t.start();
  }

  /** Stops everything in reverse order of start; idempotent. */
  @Override
  public void close() {
    synchronized (closeables) {
      while (!closeables.isEmpty()) {
        AutoCloseable c = closeables.pop();
        try {
          c.close();
        } catch (Exception e) {
          LOG.warn("closing {} failed", c, e);
        }
      }
    }
    stopped.countDown();
  }

  static String newSecret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hostname(SchedulerConfig config) {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return config.apiHost();
    }
  }

  private static ScheduledExecutorService daemonThread(String name) {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

}

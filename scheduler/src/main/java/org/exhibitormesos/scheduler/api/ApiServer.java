package org.exhibitormesos.scheduler.api;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.scheduler.artifacts.ArtifactServer;
import org.exhibitormesos.scheduler.config.SchedulerConfig;
import org.exhibitormesos.scheduler.loop.ClusterControl;

/**
 * The scheduler's HTTP server (Netty): the control API ({@link ControlApi}), {@code /health}
 * ({@code ok}) and the artifacts ({@link ArtifactServer}). Unknown routes get 404, wrong methods
 * 405, bodies over the limit 413, all with a JSON refusal.
 *
 * <p>Lifecycle: the constructor does no I/O; {@link #start()} binds once; {@link #close()} stops
 * accepting, closes connections and stops the server's threads, and may be called any number of
 * times, also before or instead of {@code start()}. Thread-safe.
 */
public final class ApiServer implements AutoCloseable {
  /** The default limit of a request body. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  /** How often a waiting start or stop looks at the state by default. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

  private static final Logger LOG = LogManager.getLogger(ApiServer.class);

  /**
   * Where and how the server listens.
   *
   * @param host the exact host or address to bind to
   * @param port the port; 0 binds an ephemeral one (see {@link ApiServer#port()})
   * @param maxBodyBytes the largest request body accepted
   * @param pollInterval how often a waiting start or stop looks at the state
   */
  public record Settings(String host, int port, int maxBodyBytes, Duration pollInterval) {
    public Settings {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is outside 0..65535");
      }
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive");
      }
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive");
      }
    }

    /** The defaults on {@code host:port}. */
    public static Settings of(String host, int port) {
      return new Settings(host, port, DEFAULT_MAX_BODY_BYTES, DEFAULT_POLL_INTERVAL);
    }

    /** The scheduler's {@code --api} host and port with the defaults. */
    public static Settings from(SchedulerConfig config) {
      return of(config.apiHost(), config.apiPort());
    }
  }

  private enum Phase { NEW, STARTED, CLOSED }

  private final Settings settings;
  private final ClusterControl control;
  private final StatusViews views;
  private final ArtifactServer artifacts;
  private final Clock clock;

  private Phase phase = Phase.NEW;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private Channel channel;

  public ApiServer(Settings settings, ClusterControl control, StatusViews views, ArtifactServer artifacts,
      Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.control = Objects.requireNonNull(control, "control");
    this.views = Objects.requireNonNull(views, "views");
    this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Binds to the configured host and port and starts answering.
   *
   * @throws IOException if the address cannot be bound (in use, not local); the server is then closed
   * @throws IllegalStateException if started before, or closed
   */
  public synchronized void start() throws IOException {
    if (phase != Phase.NEW) {
      throw new IllegalStateException("the API server can start once; it is " + phase.name().toLowerCase(Locale.ROOT));
    }
    phase = Phase.STARTED;
    boss = new NioEventLoopGroup(1, new DefaultThreadFactory("api-accept", true));
    workers = new NioEventLoopGroup(2, new DefaultThreadFactory("api", true));
    ControlApi api = new ControlApi(control, views, clock, workers, settings.pollInterval());
    HttpApiHandler handler = new HttpApiHandler(api, artifacts);
    try {
      channel = HttpBinding.bind(boss, workers, settings, "the API", handler);
    } catch (IOException e) {
      close();
      throw e;
    }
    LOG.info("API listening on http://{}:{}", settings.host(), port());
  }

  /**
   * @return the bound port (the ephemeral one when the settings said 0)
   * @throws IllegalStateException if not started
   */
  public synchronized int port() {
    return address().getPort();
  }

  /** @throws IllegalStateException if not started */
  public synchronized InetSocketAddress address() {
    if (channel == null) {
      throw new IllegalStateException("the API server is not listening");
    }
    return (InetSocketAddress) channel.localAddress();
  }

  @Override
  public synchronized void close() {
    if (phase == Phase.CLOSED) {
      return;
    }
    boolean wasListening = channel != null;
    phase = Phase.CLOSED;
    if (channel != null) {
      channel.close().awaitUninterruptibly();
      channel = null;
    }
    for (EventLoopGroup group : new EventLoopGroup[] {boss, workers}) {
      if (group != null) {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
      }
    }
    if (wasListening) {
      LOG.info("API on {}:{} closed", settings.host(), settings.port());
    }
  }
}

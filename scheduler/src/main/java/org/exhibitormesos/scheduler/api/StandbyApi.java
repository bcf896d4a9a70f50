package org.exhibitormesos.scheduler.api;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.state.ClusterState;

/**
 * The HTTP server of a scheduler that stands by while another instance leads: {@code /health}
 * answers {@code ok}, {@code /api/status} answers from the state the leader stored (read again for
 * every request), and every other control or artifact route answers {@code 307 Temporary Redirect}
 * to the same path on the leader's API, or {@code 503} naming the situation when no leader is known.
 * It never changes state.
 *
 * <p>Lifecycle: the constructor does no I/O; {@link #start()} binds once; {@link #close()} unbinds
 * (idempotent), after which the leader's {@link ApiServer} may bind the same address. Thread-safe.
 */
public final class StandbyApi implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(StandbyApi.class);

  /** Reads the state the leader stored; may block (it reads the store). */
  @FunctionalInterface
  public interface StoredState {
    /**
     * @return the stored state, or empty when none was stored yet
     * @throws Exception when the store cannot be read; the request is answered 503 with the message
     */
    Optional<ClusterState> read() throws Exception;
  }

  /**
   * What the standby knows.
   *
   * @param settings where to listen (the same address as the leader's API would use)
   * @param ownUrl this instance's API URL, never redirected to
   * @param election where the leader is elected, named in 503 answers
   * @param stored the stored state
   * @param leader the leader's API URL, or empty when no leader is known
   * @param views renders the status
   */
  public record Setup(ApiServer.Settings settings, String ownUrl, String election, StoredState stored,
      Supplier<Optional<String>> leader, StatusViews views) {
    public Setup {
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(ownUrl, "ownUrl");
      Objects.requireNonNull(election, "election");
      Objects.requireNonNull(stored, "stored");
      Objects.requireNonNull(leader, "leader");
      Objects.requireNonNull(views, "views");
    }
  }

  private final Setup setup;
  private boolean started;
  private boolean closed;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private EventLoopGroup readers;
  private Channel channel;

  public StandbyApi(Setup setup) {
    this.setup = Objects.requireNonNull(setup, "setup");
  }

  /**
   * Binds and starts answering.
   *
   * @throws IOException if the address cannot be bound; the server is then closed
   * @throws IllegalStateException if started before, or closed
   */
  public synchronized void start() throws IOException {
    if (started || closed) {
      throw new IllegalStateException("the standby API can start once");
    }
    started = true;
    boss = new NioEventLoopGroup(1, new DefaultThreadFactory("standby-api-accept", true));
    workers = new NioEventLoopGroup(1, new DefaultThreadFactory("standby-api", true));
    // Reading the store blocks: on their own thread, never on the event loop.
    readers = new NioEventLoopGroup(1, new DefaultThreadFactory("standby-api-read", true));
    StandbyHandler handler = new StandbyHandler(setup, readers);
    ApiServer.Settings settings = setup.settings();
    try {
      channel = HttpBinding.bind(boss, workers, settings, "the standby API", handler);
    } catch (IOException e) {
      close();
      throw e;
    }
    LOG.info("standing by: API on http://{}:{} answers reads from the stored state and redirects writes to "
        + "the leader", settings.host(), port());
  }

  /** @throws IllegalStateException if not listening */
  public synchronized int port() {
    if (channel == null) {
      throw new IllegalStateException("the standby API is not listening");
    }
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean wasListening = channel != null;
    if (channel != null) {
      channel.close().awaitUninterruptibly();
      channel = null;
    }
    for (EventLoopGroup group : new EventLoopGroup[] {boss, workers, readers}) {
      if (group != null) {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
      }
    }
    if (wasListening) {
      LOG.info("standby API on {}:{} closed", setup.settings().host(), setup.settings().port());
    }
  }
}

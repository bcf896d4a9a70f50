package org.exhibitormesos.mesos.http.master;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.mesos.http.HostAndPort;

/**
 * A fixed list of masters: offers them in turn, moving to the next one each time the current one
 * is reported unreachable. Finding the actual leader is left to the 307 redirect a non-leader
 * answers with. Never notifies listeners. Thread safe.
 */
public final class StaticMasterDetector implements MasterDetector {
  private static final Logger LOG = LogManager.getLogger(StaticMasterDetector.class);

  private final List<HostAndPort> masters;
  private int current;
  private boolean started;
  private boolean closed;

  public StaticMasterDetector(List<HostAndPort> masters) {
    this.masters = List.copyOf(masters);
    if (this.masters.isEmpty()) {
      throw new IllegalArgumentException("at least one master is required");
    }
  }

  @Override
  public synchronized void start() {
    if (started || closed) {
      throw new IllegalStateException("static master detector already started or closed");
    }
    started = true;
  }

  @Override
  public synchronized CompletableFuture<HostAndPort> leader() {
    if (closed) {
      return CompletableFuture.failedFuture(new CancellationException("detector closed"));
    }
    return CompletableFuture.completedFuture(masters.get(current));
  }

  @Override
  public void addListener(Consumer<Optional<HostAndPort>> listener) {
    // The list never changes.
  }

  @Override
  public synchronized void reportUnreachable(HostAndPort master) {
    if (masters.get(current).equals(master) && masters.size() > 1) {
      current = (current + 1) % masters.size();
      LOG.info("master {} unreachable, trying {} next", master, masters.get(current));
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}

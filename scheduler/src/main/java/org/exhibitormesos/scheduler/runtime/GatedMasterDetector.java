package org.exhibitormesos.scheduler.runtime;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.master.MasterDetector;

/**
 * A {@link MasterDetector} that names a master only while this scheduler may act (leads): a leader
 * whose term just ended, and whose runtime is being closed, never subscribes again on its own (for
 * example after waking from a long pause) and so never takes the framework from the new leader.
 * Otherwise it delegates. Thread-safe, like its delegate.
 */
final class GatedMasterDetector implements MasterDetector {
  private static final Logger LOG = LogManager.getLogger(GatedMasterDetector.class);

  private final MasterDetector delegate;
  private final BooleanSupplier mayAct;

  GatedMasterDetector(MasterDetector delegate, BooleanSupplier mayAct) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.mayAct = Objects.requireNonNull(mayAct, "mayAct");
  }

  @Override
  public void start() {
    delegate.start();
  }

  /** The delegate's leader while this scheduler may act; otherwise cancelled (no subscription). */
  @Override
  public CompletableFuture<HostAndPort> leader() {
    if (!mayAct.getAsBoolean()) {
      LOG.info("not subscribing to Mesos: this scheduler no longer leads");
      return CompletableFuture.failedFuture(new CancellationException("this scheduler no longer leads"));
    }
    return delegate.leader();
  }

  @Override
  public void addListener(Consumer<Optional<HostAndPort>> listener) {
    delegate.addListener(listener);
  }

  @Override
  public void reportUnreachable(HostAndPort master) {
    delegate.reportUnreachable(master);
  }

  @Override
  public void close() {
    delegate.close();
  }
}

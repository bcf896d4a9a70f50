package org.exhibitormesos.mesos.http.scheduler;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.http.master.MasterDetector;

/** A detector the test moves by hand, like a ZooKeeper leader election would. */
final class ManualMasterDetector implements MasterDetector {
  private final List<Consumer<Optional<HostAndPort>>> listeners = new CopyOnWriteArrayList<>();
  private volatile HostAndPort leader;

  ManualMasterDetector(HostAndPort leader) {
    this.leader = leader;
  }

  void elect(HostAndPort next) {
    leader = next;
    listeners.forEach(l -> l.accept(Optional.of(next)));
  }

  @Override
  public void start() {}

  @Override
  public CompletableFuture<HostAndPort> leader() {
    return CompletableFuture.completedFuture(leader);
  }

  @Override
  public void addListener(Consumer<Optional<HostAndPort>> listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {}
}

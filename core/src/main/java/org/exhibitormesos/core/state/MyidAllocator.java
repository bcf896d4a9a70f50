package org.exhibitormesos.core.state;

import java.util.Set;
import java.util.TreeSet;

/**
 * Allocates ZooKeeper myids (1..254) to new data incarnations.
 *
 * <p>A myid belongs to one incarnation of a server's data. The counter only goes up, so an id is not
 * reused while the counter lasts (reused ids meeting stale volumes caused the "My id N not in the
 * peer list" crash loops of other operators). Once it is exhausted, the lowest retired id is reused,
 * but never one still held by a server or present in the last committed configuration the caller
 * knows.
 */
public final class MyidAllocator {
  public static final int MAX = 254;

  private MyidAllocator() {
  }

  /** An allocated myid and the ensemble state that records it. */
  public record Allocation(int myid, EnsembleState ensemble) { }

  /**
   * @param held      myids held by servers in the state (current identities)
   * @param committed myids in the last committed ZooKeeper configuration known to the caller
   * @throws IllegalStateException when every myid is held or may be committed
   */
  public static Allocation allocate(EnsembleState ensemble, Set<Integer> held, Set<Integer> committed) {
    int next = ensemble.nextMyid();
    while (next <= MAX) {
      int candidate = next++;
      if (!held.contains(candidate) && !committed.contains(candidate)) {
        return new Allocation(candidate, ensemble.withNextMyid(next));
      }
    }
    for (int candidate : ensemble.retiredMyids()) {
      if (!held.contains(candidate) && !committed.contains(candidate)) {
        TreeSet<Integer> retired = new TreeSet<>(ensemble.retiredMyids());
        retired.remove(candidate);
        return new Allocation(candidate, ensemble.withNextMyid(MAX + 1).withRetiredMyids(retired));
      }
    }
    throw new IllegalStateException("no ZooKeeper myid is free: all of 1.." + MAX
        + " are held by servers, in the committed configuration or not yet retired");
  }

  /** Records that the data incarnation {@code myid} belonged to is gone for good. */
  public static EnsembleState retire(EnsembleState ensemble, int myid) {
    TreeSet<Integer> retired = new TreeSet<>(ensemble.retiredMyids());
    retired.add(myid);
    return ensemble.withRetiredMyids(retired);
  }
}

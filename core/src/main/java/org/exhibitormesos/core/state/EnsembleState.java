package org.exhibitormesos.core.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.exhibitormesos.core.server.Ports;

/**
 * What the scheduler records about the ensemble as a whole.
 *
 * @param bootstrapped    true once the initial members were chosen and recorded; set before the first
 *                        launch and never cleared, so the ensemble is never bootstrapped twice
 * @param bootstrapMyids  the myids of the initial configuration (identical for every initial member)
 * @param clusterId       the UUID kept in the ensemble's identity znode, once created
 * @param superSecret     the ZooKeeper super-user password used for {@code reconfig}; generated once per
 *                        framework, never shown in status or logs
 * @param nextMyid        the myid counter; it only goes up (see {@link MyidAllocator})
 * @param retiredMyids    myids of data incarnations that are gone; reused only when the counter is
 *                        exhausted and never while they may be in a committed configuration
 * @param configVersion   the last committed ZooKeeper configuration version the scheduler saw (0 = none)
 * @param sharedPorts     Exhibitor mode: the ZooKeeper ports shared by the whole ensemble, once chosen
 * @param committedConfig the server lines of the last committed configuration the scheduler saw (the
 *                        one of {@code configVersion}); joiners are rendered from it. Empty until seen
 */
public record EnsembleState(boolean bootstrapped, List<Integer> bootstrapMyids, Optional<String> clusterId,
              String superSecret, int nextMyid, SortedSet<Integer> retiredMyids, long configVersion,
              Optional<Ports> sharedPorts, Optional<String> committedConfig) {
  public EnsembleState {
    bootstrapMyids = List.copyOf(bootstrapMyids);
    Objects.requireNonNull(clusterId, "clusterId");
    if (superSecret == null || superSecret.length() < 16) {
      throw new IllegalArgumentException("the super-user secret must have at least 16 characters");
    }
    if (nextMyid < 1 || nextMyid > MyidAllocator.MAX + 1) {
      throw new IllegalArgumentException("nextMyid " + nextMyid + " is outside 1.." + (MyidAllocator.MAX + 1));
    }
    retiredMyids = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(retiredMyids));
    Objects.requireNonNull(sharedPorts, "sharedPorts");
    Objects.requireNonNull(committedConfig, "committedConfig");
    if (bootstrapped && bootstrapMyids.isEmpty()) {
      throw new IllegalArgumentException("a bootstrapped ensemble lists its initial members");
    }
  }

  /** An ensemble record without a cached committed configuration. */
  public EnsembleState(boolean bootstrapped, List<Integer> bootstrapMyids, Optional<String> clusterId,
      String superSecret, int nextMyid, SortedSet<Integer> retiredMyids, long configVersion,
      Optional<Ports> sharedPorts) {
    this(bootstrapped, bootstrapMyids, clusterId, superSecret, nextMyid, retiredMyids, configVersion, sharedPorts,
        Optional.empty());
  }

  /** A new ensemble: not bootstrapped, counter at 1, with a freshly generated secret. */
  public static EnsembleState initial(String superSecret) {
    return new EnsembleState(false, List.of(), Optional.empty(), superSecret, 1, new TreeSet<>(), 0, Optional.empty());
  }

  public EnsembleState withBootstrap(List<Integer> myids) {
    return new EnsembleState(true, myids, clusterId, superSecret, nextMyid, retiredMyids, configVersion, sharedPorts, committedConfig);
  }

  public EnsembleState withClusterId(String value) {
    return new EnsembleState(bootstrapped, bootstrapMyids, Optional.of(value), superSecret, nextMyid, retiredMyids,
        configVersion, sharedPorts, committedConfig);
  }

  public EnsembleState withNextMyid(int value) {
    return new EnsembleState(bootstrapped, bootstrapMyids, clusterId, superSecret, value, retiredMyids, configVersion,
        sharedPorts, committedConfig);
  }

  public EnsembleState withRetiredMyids(SortedSet<Integer> value) {
    return new EnsembleState(bootstrapped, bootstrapMyids, clusterId, superSecret, nextMyid, value, configVersion,
        sharedPorts, committedConfig);
  }

  public EnsembleState withConfigVersion(long value) {
    return new EnsembleState(bootstrapped, bootstrapMyids, clusterId, superSecret, nextMyid, retiredMyids, value,
        sharedPorts, committedConfig);
  }

  public EnsembleState withSharedPorts(Optional<Ports> value) {
    return new EnsembleState(bootstrapped, bootstrapMyids, clusterId, superSecret, nextMyid, retiredMyids,
        configVersion, value, committedConfig);
  }

  /** This record after the committed configuration {@code text} of {@code version} was seen. */
  public EnsembleState withCommittedConfig(long version, String text) {
    return new EnsembleState(bootstrapped, bootstrapMyids, clusterId, superSecret, nextMyid, retiredMyids, version,
        sharedPorts, Optional.of(text));
  }

  /** The secret stays out of logs and exceptions. */
  @Override
  public String toString() {
    return "EnsembleState[bootstrapped=" + bootstrapped + ", bootstrapMyids=" + bootstrapMyids + ", clusterId="
        + clusterId + ", nextMyid=" + nextMyid + ", retiredMyids=" + retiredMyids + ", configVersion="
        + configVersion + ", sharedPorts=" + sharedPorts + ", committedConfig=" + committedConfig + "]";
  }
}

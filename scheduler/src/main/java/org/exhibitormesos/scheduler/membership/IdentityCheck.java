package org.exhibitormesos.scheduler.membership;

import java.util.Optional;
import java.util.function.Supplier;
import org.exhibitormesos.core.membership.MembershipStep;

/**
 * Checks that the ensemble the session reaches is ours, by its identity znode. The config version
 * cannot tell ensembles apart (a forked or rogue ensemble starts at the same version).
 *
 * @param clusterId the id the ensemble holds (meaningful when {@code stop} is empty)
 * @param stop the step that ends the round when the check fails: a wait when the ensemble did not
 *     answer, a refusal when it holds another id or none
 */
record IdentityCheck(String clusterId, Optional<MembershipStep> stop) {

  /**
   * With no recorded id (right after the bootstrap) marks the ensemble with a new one, or learns the
   * one a previous life created; with a recorded id, reads the znode and compares.
   */
  static IdentityCheck run(EnsembleClient zk, Optional<String> recorded, Supplier<String> newId) {
    if (recorded.isEmpty()) {
      ClusterIdRead read = zk.ensureClusterId(newId.get());
      if (read instanceof ClusterIdRead.Found f) {
        return new IdentityCheck(f.clusterId(), Optional.empty());
      }
      return stop("", new MembershipStep.Wait("cannot mark the ensemble with a cluster id yet: " + read));
    }
    String ours = recorded.get();
    ClusterIdRead read = zk.readClusterId();
    if (read instanceof ClusterIdRead.Found f) {
      if (f.clusterId().equals(ours)) {
        return new IdentityCheck(ours, Optional.empty());
      }
      return stop(ours, new MembershipStep.Refuse("the ensemble at " + zk.servers() + " holds cluster id "
          + f.clusterId() + ", not ours (" + ours + "): it is not the ensemble this scheduler bootstrapped"));
    }
    if (read instanceof ClusterIdRead.Missing) {
      return stop(ours, new MembershipStep.Refuse("the ensemble at " + zk.servers() + " holds no cluster id (ours is "
          + ours + "): it is not the ensemble this scheduler bootstrapped, or it lost its data"));
    }
    return stop(ours, new MembershipStep.Wait("cannot read the ensemble's cluster id: " + read));
  }

  private static IdentityCheck stop(String id, MembershipStep step) {
    return new IdentityCheck(id, Optional.of(step));
  }
}

package org.exhibitormesos.storage.zk;

import java.util.Objects;
import org.apache.zookeeper.Op;

/**
 * Proof of one leadership term: the leader's own ephemeral candidate znode and its data version.
 *
 * <p>A fenced {@link ZkStateStore} puts {@link #check()} in the same ZooKeeper {@code multi} as
 * every state write. The candidate znode lives exactly as long as the session that won the
 * election, so once that session has expired (and only then can another instance lead) the check
 * fails and the write is refused atomically by the server, whatever the old leader believes.
 *
 * @param candidatePath the leader's candidate znode
 * @param candidateVersion its data version when leadership was won
 */
public record LeadershipFence(String candidatePath, int candidateVersion) {

  /** @throws IllegalArgumentException if the path is not absolute or the version negative */
  public LeadershipFence {
    Objects.requireNonNull(candidatePath, "candidatePath");
    if (!candidatePath.startsWith("/")) {
      throw new IllegalArgumentException("candidatePath must be absolute: " + candidatePath);
    }
    if (candidateVersion < 0) {
      throw new IllegalArgumentException("candidateVersion must be >= 0: " + candidateVersion);
    }
  }

  /** @return the operation that fails unless the candidate znode still exists at its version */
  Op check() {
    return Op.check(candidatePath, candidateVersion);
  }
}

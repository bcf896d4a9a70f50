package org.exhibitormesos.storage.zk;

/**
 * Told when this instance starts and stops leading. Called on the election's own thread, one call
 * at a time and in order; implementations hand the news to their event loop and return.
 *
 * <p>Every {@link #onLeader} is followed, before any other {@code onLeader}, by exactly one
 * {@link #onNotLeader}. A term may end with {@link Reason#SUSPENDED} and a new term begin with the
 * same candidate znode if the connection comes back in time; the instance must then re-read its
 * state, as after any new term.
 */
public interface LeadershipListener {

  /** Why a leadership term ended. */
  enum Reason {
    /**
     * The connection to ZooKeeper is lost. The session (and the candidate znode) may survive, but
     * this instance cannot know whether another one is about to lead: it must stop acting now.
     */
    SUSPENDED,
    /** The session expired: the candidate znode is gone and another instance may lead already. */
    SESSION_EXPIRED,
    /** The candidate znode was deleted by someone else while the session lived. */
    CANDIDATE_DELETED,
    /** The election was closed by its owner. */
    CLOSED
  }

  /**
   * This instance leads from now on.
   *
   * @param fence proof of this term, for {@link ZkStateStore#fenced}
   */
  void onLeader(LeadershipFence fence);

  /**
   * This instance's term is over; it must stop acting as leader (writes through a fenced store are
   * refused from now on).
   *
   * @param reason why
   */
  void onNotLeader(Reason reason);
}

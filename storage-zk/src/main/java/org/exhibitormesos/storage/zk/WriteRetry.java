package org.exhibitormesos.storage.zk;

import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooKeeper;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.StateStoreException.Reason;
import org.exhibitormesos.core.state.store.WriteResult;

/**
 * The retry loop of one {@link ZkStateStore} write: attempt; on a lost reply, back off, settle
 * (re-read to learn whether the write happened) and attempt again only if it did not. A fenced
 * write whose session expired is not retried: the term is over.
 */
final class WriteRetry {

  private static final Logger LOG = LogManager.getLogger(WriteRetry.class);

  /** One attempt of the write. */
  interface Attempt {
    WriteResult run(ZooKeeper zk)
        throws KeeperException, InterruptedException, StateStoreException;
  }

  /** After a lost reply: the outcome if the znode shows it, empty to attempt again. */
  interface Settle {
    Optional<WriteResult> run() throws KeeperException, StateStoreException;
  }

  private WriteRetry() {}

  static WriteResult run(ZkSession session, String store, String what, long expected,
      Optional<LeadershipFence> term, Attempt attempt, Settle settle) throws StateStoreException {
    Backoff backoff = session.backoff(what);
    boolean uncertain = false;
    while (true) {
      try {
        if (uncertain) {
          Optional<WriteResult> settled = settle.run();
          if (settled.isPresent()) {
            LOG.info("{} of {} from version {} settled after a lost reply: {}", what, store,
                expected, settled.get());
            return settled.get();
          }
        }
        return attempt.run(session.client());
      } catch (KeeperException.SessionExpiredException e) {
        if (term.isPresent()) {
          throw fenced(store, what, term.get(), e);
        }
        uncertain = true;
        backoff.pause(e);
      } catch (KeeperException.ConnectionLossException | KeeperException.SessionMovedException e) {
        uncertain = true;
        backoff.pause(e);
      } catch (KeeperException e) {
        throw Znodes.failure(store, what, e);
      } catch (InterruptedException e) {
        throw Backoff.interrupted(store, what, e);
      }
    }
  }

  /** In a failed multi the check is the first operation; its own error means the fence broke. */
  static boolean checkFailed(KeeperException e) {
    List<OpResult> results = e.getResults();
    return results != null && !results.isEmpty()
        && results.get(0) instanceof OpResult.ErrorResult error
        && error.getErr() != KeeperException.Code.OK.intValue();
  }

  static StateStoreException fenced(String store, String what, LeadershipFence term,
      KeeperException e) {
    LOG.warn("{} to {} refused: leadership term of {} is over ({})", what, store,
        term.candidatePath(), e.code());
    return new StateStoreException(Reason.FENCED, store, what + " to " + store
        + " refused: this instance lost its leadership (candidate " + term.candidatePath()
        + " is gone: " + e.code() + "); stop writing", e);
  }
}

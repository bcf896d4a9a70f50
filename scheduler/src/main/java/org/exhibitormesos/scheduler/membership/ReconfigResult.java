package org.exhibitormesos.scheduler.membership;

import java.util.Objects;
import org.apache.zookeeper.KeeperException.Code;
import org.exhibitormesos.core.ensemble.Ensemble;

/**
 * How a conditional {@code reconfig} ended. Only {@link Applied} means the change committed; every
 * other outcome leaves the caller to re-read the configuration before deciding again.
 */
public sealed interface ReconfigResult {

  /** The reconfiguration committed; {@code ensemble} is the new config with its version. */
  record Applied(Ensemble ensemble) implements ReconfigResult {
    public Applied {
      Objects.requireNonNull(ensemble, "ensemble");
    }

    public long newVersion() {
      return ensemble.version();
    }
  }

  /** {@code BadVersion}: the configuration moved since it was read (perhaps by our own earlier try). */
  record Stale() implements ReconfigResult { }

  /** {@code NewConfigNoQuorum}: the new voter set has no synced quorum yet; wait and retry. */
  record NoQuorum() implements ReconfigResult { }

  /** {@code ReconfigInProgress}: another reconfiguration is being committed; wait and retry. */
  record InProgress() implements ReconfigResult { }

  /**
   * No answer ({@code ConnectionLoss}, session expiry, timeout): the change may or may not have
   * committed; re-read to learn.
   */
  record Unknown(String reason) implements ReconfigResult {
    public Unknown {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Refused for a reason a retry does not fix (no auth, bad arguments, reconfig disabled). */
  record Failed(String reason) implements ReconfigResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Whether retrying the same step after a backoff is the right reaction. */
  default boolean retryable() {
    return this instanceof NoQuorum || this instanceof InProgress || this instanceof Unknown;
  }

  /**
   * The outcome for a result code other than {@code OK}.
   *
   * @throws IllegalArgumentException for {@code OK}, which carries a configuration
   */
  static ReconfigResult ofError(Code code) {
    return switch (code) {
      case OK -> throw new IllegalArgumentException("OK is Applied, with the new configuration");
      case BADVERSION -> new Stale();
      case NEWCONFIGNOQUORUM -> new NoQuorum();
      case RECONFIGINPROGRESS -> new InProgress();
      case CONNECTIONLOSS, SESSIONEXPIRED, OPERATIONTIMEOUT, SESSIONMOVED, REQUESTTIMEOUT ->
          new Unknown("no answer (" + code + ")");
      default -> new Failed("refused by ZooKeeper (" + code + ")");
    };
  }
}

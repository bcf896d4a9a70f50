package org.exhibitormesos.scheduler.membership;

import java.util.Objects;
import org.exhibitormesos.core.ensemble.Ensemble;

/** What reading the committed configuration ({@code sync} then {@code getConfig}) gave. */
public sealed interface ConfigRead {

  /** The committed configuration, with its {@code version=} (never {@code Stat.getVersion()}). */
  record Committed(Ensemble ensemble) implements ConfigRead {
    public Committed {
      Objects.requireNonNull(ensemble, "ensemble");
    }
  }

  /**
   * No answer in time, no quorum, or an unreadable answer: nothing is known about the membership.
   * The caller must not change it.
   */
  record Unavailable(String reason) implements ConfigRead {
    public Unavailable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}

package org.exhibitormesos.scheduler.loop;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.exhibitormesos.core.state.ClusterState;

/**
 * What the state loop last published; immutable.
 *
 * @param state the latest persisted state
 * @param live the ensemble as the membership driver last saw it; empty until it probed it once
 *     (nothing launched yet, or the driver has not run)
 * @param at when this snapshot was published
 */
public record ClusterSnapshot(ClusterState state, Optional<LiveEnsemble> live, Instant at) {
  public ClusterSnapshot {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(at, "at");
  }
}

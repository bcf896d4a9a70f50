package org.exhibitormesos.core.cluster;

import java.util.List;
import java.util.Objects;
import org.exhibitormesos.core.lifecycle.Effect;
import org.exhibitormesos.core.state.ClusterState;

/**
 * The result of an accepted operator command: the new state (to persist before anything else), the
 * effects to perform afterwards, and the message operators see ({@code Started servers 0..2}).
 */
public record CommandOutcome(ClusterState state, List<Effect> effects, String message) {
  public CommandOutcome {
    Objects.requireNonNull(state, "state");
    effects = List.copyOf(effects);
    Objects.requireNonNull(message, "message");
  }
}

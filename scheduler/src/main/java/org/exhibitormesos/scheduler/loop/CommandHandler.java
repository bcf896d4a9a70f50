package org.exhibitormesos.scheduler.loop;

import java.time.Instant;
import org.exhibitormesos.core.cluster.ClusterCommands;
import org.exhibitormesos.core.cluster.CommandOutcome;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.ServerMode;

/**
 * Applies an operator command with {@link ClusterCommands}. The first {@code add} fixes the
 * ensemble's mode to the scheduler's {@code --mode}; later ones keep the mode the state has.
 */
final class CommandHandler {
  private final ServerMode mode;

  CommandHandler(ServerMode mode) {
    this.mode = mode;
  }

  /** @throws org.exhibitormesos.core.InvalidInputException for bad input or a refused command */
  CommandOutcome apply(ClusterState state, ClusterCommand command, Instant now) {
    if (command instanceof ClusterCommand.Add c) {
      ClusterState withMode = state.mode().isPresent() ? state : state.withMode(mode);
      return ClusterCommands.add(withMode, c.ids(), c.options());
    } else if (command instanceof ClusterCommand.Config c) {
      return ClusterCommands.config(state, c.ids(), c.options());
    } else if (command instanceof ClusterCommand.Start c) {
      return ClusterCommands.start(state, c.ids(), now);
    } else if (command instanceof ClusterCommand.Stop c) {
      return ClusterCommands.stop(state, c.ids(), c.force(), now);
    } else if (command instanceof ClusterCommand.Remove c) {
      return ClusterCommands.remove(state, c.ids(), c.force(), now);
    }
    throw new IllegalArgumentException("unknown command " + command);
  }
}

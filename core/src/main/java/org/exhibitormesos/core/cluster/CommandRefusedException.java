package org.exhibitormesos.core.cluster;

import org.exhibitormesos.core.InvalidInputException;

/**
 * A command that is well formed but cannot be carried out in the current state (an unknown server,
 * a stop that would lose the quorum); nothing was changed. The message says why and, where there is
 * one, how to insist.
 */
public final class CommandRefusedException extends InvalidInputException {
  public CommandRefusedException(String message) {
    super(message);
  }
}

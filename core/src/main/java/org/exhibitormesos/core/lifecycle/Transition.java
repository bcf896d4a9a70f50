package org.exhibitormesos.core.lifecycle;

import java.util.List;
import java.util.Objects;
import org.exhibitormesos.core.server.Server;

/** The result of one lifecycle step: the server afterwards and the effects to perform, in order. */
public record Transition(Server server, List<Effect> effects) {
  public Transition {
    Objects.requireNonNull(server, "server");
    effects = List.copyOf(effects);
  }

  static Transition of(Server server, Effect... effects) {
    return new Transition(server, List.of(effects));
  }

  /** True when neither the server nor the world changes. */
  public boolean isNoop(Server before) {
    return server.equals(before) && effects.isEmpty();
  }
}

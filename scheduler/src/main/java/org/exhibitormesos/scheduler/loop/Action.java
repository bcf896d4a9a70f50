package org.exhibitormesos.scheduler.loop;

import java.util.Objects;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.exhibitormesos.core.lifecycle.Effect;

/** Something the state loop does after the state it depends on is persisted. */
public sealed interface Action {
  /** A lifecycle effect; state changes among them are folded into the state before persisting. */
  record Perform(Effect effect) implements Action {
    public Perform {
      Objects.requireNonNull(effect, "effect");
    }
  }

  /** A Mesos call. */
  record Send(Call call) implements Action {
    public Send {
      Objects.requireNonNull(call, "call");
    }
  }

  /** Ask the membership driver for a round soon (after a launch, a RUNNING task, a leave). */
  record PokeMembership() implements Action { }
}

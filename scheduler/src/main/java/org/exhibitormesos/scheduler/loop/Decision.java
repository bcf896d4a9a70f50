package org.exhibitormesos.scheduler.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.exhibitormesos.core.lifecycle.Effect;
import org.exhibitormesos.core.state.ClusterState;

/** The next state and the actions to take, in order, once it is persisted. */
public record Decision(ClusterState state, List<Action> actions) {
  public Decision {
    Objects.requireNonNull(state, "state");
    actions = List.copyOf(actions);
  }

  public static Decision none(ClusterState state) {
    return new Decision(state, List.of());
  }

  /** Collects a state and actions as a handler goes along. */
  public static final class Builder {
    private ClusterState state;
    private final List<Action> actions = new ArrayList<>();

    public Builder(ClusterState state) {
      this.state = state;
    }

    public ClusterState state() {
      return state;
    }

    public Builder state(ClusterState value) {
      this.state = Objects.requireNonNull(value, "state");
      return this;
    }

    public Builder effects(List<Effect> effects) {
      effects.forEach(e -> actions.add(new Action.Perform(e)));
      return this;
    }

    public Builder send(Call call) {
      actions.add(new Action.Send(call));
      return this;
    }

    public Builder poke() {
      actions.add(new Action.PokeMembership());
      return this;
    }

    public Builder add(Decision other) {
      state = other.state();
      actions.addAll(other.actions());
      return this;
    }

    public Decision build() {
      return new Decision(state, actions);
    }
  }
}

package org.exhibitormesos.core.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.exhibitormesos.core.config.Command;
import org.exhibitormesos.core.config.SettingsEditor;
import org.exhibitormesos.core.ids.IdExpression;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.lifecycle.Effect;
import org.exhibitormesos.core.lifecycle.Lifecycle;
import org.exhibitormesos.core.lifecycle.LifecycleEvent;
import org.exhibitormesos.core.lifecycle.Transition;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.state.ClusterState;

/**
 * The operator's commands ({@code add}, {@code config}, {@code start}, {@code stop},
 * {@code remove}) as pure functions over the cluster state. Every command validates everything
 * first and throws before changing anything ({@link org.exhibitormesos.core.InvalidInputException}
 * for bad input, {@link CommandRefusedException} for a state that forbids it); an accepted one
 * returns the new state, the effects and the original framework's message.
 */
public final class ClusterCommands {
  private ClusterCommands() {
  }

  public static CommandOutcome add(ClusterState state, IdExpression ids, Map<String, String> options) {
    if (ids.isAll()) {
      throw new CommandRefusedException("add needs explicit server ids such as 0 or 0..2, not *");
    }
    SortedSet<ServerId> toAdd = ids.resolve(List.of());
    List<ServerId> existing = toAdd.stream().filter(state.servers()::containsKey).toList();
    if (!existing.isEmpty()) {
      throw new CommandRefusedException("servers " + IdExpression.format(existing) + " already exist");
    }
    ServerSettings settings = SettingsEditor.apply(Command.ADD, ServerSettings.DEFAULT, options);
    ClusterState next = state;
    for (ServerId id : toAdd) {
      next = next.withServer(Server.added(id, settings));
    }
    return new CommandOutcome(next, List.of(), "Added servers " + IdExpression.format(toAdd));
  }

  public static CommandOutcome config(ClusterState state, IdExpression ids, Map<String, String> options) {
    SortedSet<ServerId> targets = existing(state, ids, "config");
    ClusterState next = state;
    for (ServerId id : targets) {
      ServerSettings updated = SettingsEditor.apply(Command.CONFIG, state.servers().get(id).settings(), options);
      next = next.updateServer(id, s -> s.withSettings(updated));
    }
    return new CommandOutcome(next, List.of(), "Updated configuration for servers " + IdExpression.format(targets));
  }

  public static CommandOutcome start(ClusterState state, IdExpression ids, Instant now) {
    SortedSet<ServerId> targets = existing(state, ids, "start");
    refuseRemoving(state, targets, "start");
    return applyAll(state, targets, new LifecycleEvent.Start(), now, "Started servers ");
  }

  public static CommandOutcome stop(ClusterState state, IdExpression ids, boolean force, Instant now) {
    SortedSet<ServerId> targets = existing(state, ids, "stop");
    refuseRemoving(state, targets, "stop");
    if (!force) {
      QuorumGuard.check(state, "stopping", targets, Set.of());
    }
    return applyAll(state, targets, new LifecycleEvent.Stop(), now, "Stopped servers ");
  }

  public static CommandOutcome remove(ClusterState state, IdExpression ids, boolean force, Instant now) {
    SortedSet<ServerId> targets = existing(state, ids, "remove");
    if (!force) {
      QuorumGuard.check(state, "removing", targets, targets);
    }
    return applyAll(state, targets, new LifecycleEvent.Remove(), now, "Removed servers ");
  }

  private static CommandOutcome applyAll(ClusterState state, SortedSet<ServerId> targets, LifecycleEvent event,
      Instant now, String message) {
    ClusterState next = state;
    List<Effect> effects = new ArrayList<>();
    for (ServerId id : targets) {
      Transition t = Lifecycle.apply(next.servers().get(id), event, now);
      next = next.withServer(t.server());
      effects.addAll(t.effects());
    }
    return new CommandOutcome(next, effects, message + IdExpression.format(targets));
  }

  /** The servers an expression names; every one must exist. */
  static SortedSet<ServerId> existing(ClusterState state, IdExpression ids, String verb) {
    if (state.servers().isEmpty()) {
      throw new CommandRefusedException("there are no servers to " + verb + "; add some first");
    }
    SortedSet<ServerId> targets = ids.resolve(state.servers().keySet());
    List<ServerId> unknown = targets.stream().filter(id -> !state.servers().containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      throw new CommandRefusedException("unknown servers " + IdExpression.format(unknown) + "; existing servers: "
          + IdExpression.format(state.servers().keySet()));
    }
    return new TreeSet<>(targets);
  }

  private static void refuseRemoving(ClusterState state, Set<ServerId> targets, String verb) {
    List<ServerId> removing = targets.stream()
        .filter(id -> state.servers().get(id).desired() == DesiredState.REMOVED).toList();
    if (!removing.isEmpty()) {
      throw new CommandRefusedException("cannot " + verb + " servers " + IdExpression.format(removing)
          + ": they are being removed");
    }
  }
}

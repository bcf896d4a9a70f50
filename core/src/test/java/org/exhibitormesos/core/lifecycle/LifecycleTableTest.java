package org.exhibitormesos.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.core.server.DesiredState.ACTIVE;
import static org.exhibitormesos.core.server.DesiredState.INACTIVE;
import static org.exhibitormesos.core.server.DesiredState.REMOVED;
import static org.exhibitormesos.core.server.ObservedState.ADDED;
import static org.exhibitormesos.core.server.ObservedState.PENDING;
import static org.exhibitormesos.core.server.ObservedState.RECONCILING;
import static org.exhibitormesos.core.server.ObservedState.RUNNING;
import static org.exhibitormesos.core.server.ObservedState.STAGING;
import static org.exhibitormesos.core.server.ObservedState.STOPPING;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.lifecycle.Effect.KillTask;
import org.exhibitormesos.core.lifecycle.Effect.ReconcileTask;
import org.exhibitormesos.core.lifecycle.Effect.Revive;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.server.TaskState;
import org.testng.annotations.AfterClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Every (observed state, event) pair, each with the expected state, desired state and effects. */
public class LifecycleTableTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final ServerId ID = ServerId.of(1);
  static final String CURRENT = "exhibitor-1-current";
  static final String OLD = "exhibitor-1-old";
  static final Ports PORTS = new Ports(31000, 31001, 31002, 31003);

  private final Set<String> covered = new HashSet<>();

  static Task task(TaskState state) {
    return Task.launched(CURRENT, "exec-1", "agent-1", AgentAttributes.ofHost("host-1"), PORTS, LaunchKind.RESTART,
        NOW.minusSeconds(60)).withState(state, NOW.minusSeconds(30));
  }

  static Server inState(ObservedState state) {
    Server added = Server.added(ID, ServerSettings.DEFAULT);
    return switch (state) {
      case ADDED -> added;
      case PENDING -> added.withDesired(ACTIVE).withObserved(PENDING, Optional.empty(), "waiting for an offer");
      case STAGING -> added.withDesired(ACTIVE).withObserved(STAGING, Optional.of(task(TaskState.STAGING)), "");
      case RUNNING -> added.withDesired(ACTIVE).withObserved(RUNNING, Optional.of(task(TaskState.RUNNING)), "");
      case RECONCILING -> added.withDesired(ACTIVE).withObserved(RECONCILING, Optional.of(task(TaskState.RUNNING)), "");
      case STOPPING -> added.withDesired(INACTIVE).withObserved(STOPPING, Optional.of(task(TaskState.RUNNING)), "stopping");
    };
  }

  static LifecycleEvent event(String name) {
    return switch (name) {
      case "start" -> new LifecycleEvent.Start();
      case "stop" -> new LifecycleEvent.Stop();
      case "remove" -> new LifecycleEvent.Remove();
      case "launched" -> new LifecycleEvent.Launched(
          Task.launched("exhibitor-1-new", "exec-2", "agent-2", AgentAttributes.ofHost("host-2"), PORTS, LaunchKind.RESTART, NOW), Identity.of(1, Identity.Membership.JOINING), Optional.empty());
      case "current RUNNING" -> update(CURRENT, TaskState.RUNNING);
      case "current FAILED" -> update(CURRENT, TaskState.FAILED);
      case "old RUNNING" -> update(OLD, TaskState.RUNNING);
      case "old FAILED" -> update(OLD, TaskState.FAILED);
      case "reconcile" -> new LifecycleEvent.ReconcileStarted();
      case "agent gone" -> new LifecycleEvent.AgentGone("agent-1");
      case "left ensemble" -> new LifecycleEvent.LeftEnsemble();
      default -> throw new IllegalArgumentException(name);
    };
  }

  static LifecycleEvent.TaskUpdate update(String taskId, TaskState state) {
    return new LifecycleEvent.TaskUpdate(taskId, "agent-1", state, "", "");
  }

  static final List<String> EVENTS = List.of("start", "stop", "remove", "launched", "current RUNNING",
      "current FAILED", "old RUNNING", "old FAILED", "reconcile", "agent gone", "left ensemble");

  @DataProvider
  public Object[][] table() {
    List<Object[]> rows = new ArrayList<>();
    // state, event, expected observed, expected desired, expected effect types
    row(rows, ADDED, "start", PENDING, ACTIVE, Revive.class);
    row(rows, ADDED, "stop", ADDED, INACTIVE);
    row(rows, ADDED, "remove", ADDED, REMOVED, Effect.Forget.class);
    row(rows, ADDED, "launched", ADDED, INACTIVE, KillTask.class);
    row(rows, ADDED, "current RUNNING", ADDED, INACTIVE, KillTask.class);
    row(rows, ADDED, "current FAILED", ADDED, INACTIVE);
    row(rows, ADDED, "old RUNNING", ADDED, INACTIVE, KillTask.class);
    row(rows, ADDED, "old FAILED", ADDED, INACTIVE);
    row(rows, ADDED, "reconcile", ADDED, INACTIVE);
    row(rows, ADDED, "agent gone", ADDED, INACTIVE);
    row(rows, ADDED, "left ensemble", ADDED, INACTIVE);

    row(rows, PENDING, "start", PENDING, ACTIVE, Revive.class);
    row(rows, PENDING, "stop", ADDED, INACTIVE);
    row(rows, PENDING, "remove", ADDED, REMOVED, Effect.Forget.class);
    row(rows, PENDING, "launched", STAGING, ACTIVE);
    row(rows, PENDING, "current RUNNING", PENDING, ACTIVE, KillTask.class);
    row(rows, PENDING, "current FAILED", PENDING, ACTIVE);
    row(rows, PENDING, "old RUNNING", PENDING, ACTIVE, KillTask.class);
    row(rows, PENDING, "old FAILED", PENDING, ACTIVE);
    row(rows, PENDING, "reconcile", PENDING, ACTIVE);
    row(rows, PENDING, "agent gone", PENDING, ACTIVE);
    row(rows, PENDING, "left ensemble", PENDING, ACTIVE);

    for (ObservedState s : List.of(STAGING, RUNNING, RECONCILING)) {
      row(rows, s, "start", s, ACTIVE);
      row(rows, s, "stop", STOPPING, INACTIVE, KillTask.class);
      row(rows, s, "remove", STOPPING, REMOVED, KillTask.class);
      row(rows, s, "launched", s, ACTIVE, KillTask.class);
      row(rows, s, "current RUNNING", RUNNING, ACTIVE);
      row(rows, s, "current FAILED", PENDING, ACTIVE, Revive.class);
      row(rows, s, "old RUNNING", s, ACTIVE, KillTask.class);
      row(rows, s, "old FAILED", s, ACTIVE);
      row(rows, s, "reconcile", RECONCILING, ACTIVE, ReconcileTask.class);
      row(rows, s, "agent gone", s, ACTIVE);
      row(rows, s, "left ensemble", s, ACTIVE);
    }

    row(rows, STOPPING, "start", STOPPING, ACTIVE);
    row(rows, STOPPING, "stop", STOPPING, INACTIVE);
    row(rows, STOPPING, "remove", STOPPING, REMOVED);
    row(rows, STOPPING, "launched", STOPPING, INACTIVE, KillTask.class);
    row(rows, STOPPING, "current RUNNING", STOPPING, INACTIVE);
    row(rows, STOPPING, "current FAILED", ADDED, INACTIVE);
    row(rows, STOPPING, "old RUNNING", STOPPING, INACTIVE, KillTask.class);
    row(rows, STOPPING, "old FAILED", STOPPING, INACTIVE);
    row(rows, STOPPING, "reconcile", STOPPING, INACTIVE, KillTask.class);
    row(rows, STOPPING, "agent gone", STOPPING, INACTIVE);
    row(rows, STOPPING, "left ensemble", STOPPING, INACTIVE);
    return rows.toArray(Object[][]::new);
  }

  private static void row(List<Object[]> rows, ObservedState state, String event, ObservedState observed,
              DesiredState desired, Class<?>... effects) {
    rows.add(new Object[] {state, event, observed, desired, List.of(effects)});
  }

  @Test(dataProvider = "table")
  public void transition(ObservedState state, String eventName, ObservedState observed, DesiredState desired,
             List<Class<?>> effects) {
    covered.add(state + "/" + eventName);
    Server before = inState(state);
    Transition t = Lifecycle.apply(before, event(eventName), NOW);
    assertThat(t.server().observed()).as("observed").isEqualTo(observed);
    assertThat(t.server().desired()).as("desired").isEqualTo(desired);
    List<Class<?>> actual = t.effects().stream().<Class<?>>map(Object::getClass).toList();
    assertThat(actual).as("effects").isEqualTo(effects);
    assertThat(t.server().id()).isEqualTo(ID);
    if (eventName.startsWith("old")) {
      // An update of an older task never touches the current one.
      assertThat(t.server().task()).isEqualTo(before.task());
      assertThat(t.server().reason()).isEqualTo(before.reason());
    }
    for (Effect e : t.effects()) {
      if (e instanceof KillTask kill && eventName.startsWith("old")) {
        assertThat(kill.taskId()).isEqualTo(OLD);
      }
    }
  }

  @AfterClass
  public void everyPairIsCovered() {
    Set<String> expected = new HashSet<>();
    for (ObservedState s : EnumSet.allOf(ObservedState.class)) {
      for (String e : EVENTS) {
        expected.add(s + "/" + e);
      }
    }
    assertThat(covered).containsExactlyInAnyOrderElementsOf(expected);
  }
}

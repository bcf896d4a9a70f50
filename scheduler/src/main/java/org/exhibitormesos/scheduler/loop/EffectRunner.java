package org.exhibitormesos.scheduler.loop;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.lifecycle.Effect;
import org.exhibitormesos.scheduler.mesos.Calls;

/**
 * Performs a decision's actions, in order, after its state is persisted. Lifecycle effects that are
 * state changes ({@code ReleaseReservation}, {@code Forget}) were folded into the state already (a
 * release still revives offers, so that its agent offers the volume to destroy) and
 * are skipped here. Confined to the state loop.
 */
final class EffectRunner {
  private static final Logger LOG = LogManager.getLogger(EffectRunner.class);

  private final Outbox outbox;
  private final OfferSuppression suppression;
  private final Consumer<Instant> wakeUp;

  /** @param wakeUp arms a timer that makes the loop look at waiting servers again at that instant */
  EffectRunner(Outbox outbox, OfferSuppression suppression, Consumer<Instant> wakeUp) {
    this.outbox = outbox;
    this.suppression = suppression;
    this.wakeUp = wakeUp;
  }

  void run(List<Action> actions) {
    boolean revived = false;
    boolean poked = false;
    for (Action a : actions) {
      if (a instanceof Action.Send s) {
        LOG.debug("sending {}", Calls.describe(s.call()));
        outbox.send(s.call());
      } else if (a instanceof Action.PokeMembership) {
        if (!poked) {
          outbox.pokeMembership();
          poked = true;
        }
      } else if (a instanceof Action.Perform p) {
        Effect e = p.effect();
        if (e instanceof Effect.KillTask k) {
          LOG.info("killing task {} of server {} on agent {}", k.taskId(), k.server(), k.agentId());
          outbox.send(Calls.kill(k.taskId(), k.agentId()));
        } else if (e instanceof Effect.ReconcileTask r) {
          outbox.send(Calls.reconcile(List.of(new Calls.TaskRef(r.taskId(), r.agentId()))));
        } else if (e instanceof Effect.Revive || e instanceof Effect.ReleaseReservation) {
          // A released volume is destroyed when its agent offers it again: offers must flow.
          if (!revived) {
            outbox.send(suppression.revive());
            revived = true;
          }
        } else if (e instanceof Effect.WakeUpAt w) {
          wakeUp.accept(w.at());
        } else if (e instanceof Effect.LeaveEnsemble l) {
          LOG.info("server {} (myid {}) leaves the ensemble", l.server(), l.myid());
          if (!poked) {
            outbox.pokeMembership();
            poked = true;
          }
        }
      }
    }
  }
}

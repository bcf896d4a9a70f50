package org.exhibitormesos.scheduler.loop;

import java.time.Instant;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.ensemble.DynamicConfig;
import org.exhibitormesos.core.lifecycle.Lifecycle;
import org.exhibitormesos.core.lifecycle.LifecycleEvent;
import org.exhibitormesos.core.lifecycle.Transition;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.scheduler.membership.MembershipEvent;

/**
 * Applies the membership driver's events to the state. Every event is idempotent: one that the
 * state already shows changes nothing. Refusals and waits are logged once each time they change and
 * shown as the reason of the running servers whose membership they hold up (joiners, leavers).
 */
final class MembershipHandler {
  private static final Logger LOG = LogManager.getLogger(MembershipHandler.class);

  private String lastNote = "";

  Decision apply(ClusterState state, MembershipEvent event, Instant now) {
    Decision.Builder d = new Decision.Builder(state);
    if (event instanceof MembershipEvent.MarkVoter v) {
      state.server(v.server()).filter(s -> s.identity().myid().map(m -> m == v.myid()).orElse(false)
              && s.identity().membership() == Membership.JOINING)
          .ifPresent(s -> {
            LOG.info("server {} (myid {}) is a voter of the committed configuration", s.id(), v.myid());
            d.state(state.withServer(s.withIdentity(s.identity().withMembership(Membership.VOTER)).withReason("")));
          });
    } else if (event instanceof MembershipEvent.MarkLeft l) {
      state.server(l.server()).filter(s -> s.identity().myid().map(m -> m == l.myid()).orElse(false)
              && s.identity().membership() == Membership.LEAVING)
          .ifPresent(s -> {
            LOG.info("server {} (myid {}) left the ensemble", s.id(), l.myid());
            Transition t = Lifecycle.apply(s, new LifecycleEvent.LeftEnsemble(), now);
            d.state(state.withServer(t.server())).effects(t.effects());
          });
    } else if (event instanceof MembershipEvent.ConfigObserved c) {
      if (c.version() != state.ensemble().configVersion()
          || state.ensemble().committedConfig().isEmpty()) {
        LOG.info("committed configuration version 0x{}: {}", Long.toHexString(c.version()),
            DynamicConfig.render(c.ensemble()).strip().replace('\n', ' '));
        d.state(state.withEnsemble(state.ensemble().withCommittedConfig(c.version(),
            DynamicConfig.render(c.ensemble()))));
      }
    } else if (event instanceof MembershipEvent.ClusterIdObserved id) {
      if (!state.ensemble().clusterId().equals(java.util.Optional.of(id.clusterId()))) {
        LOG.info("ensemble cluster id {}", id.clusterId());
        d.state(state.withEnsemble(state.ensemble().withClusterId(id.clusterId())));
      }
    } else if (event instanceof MembershipEvent.Refused r) {
      note(d, "membership change refused: " + r.reason());
    } else if (event instanceof MembershipEvent.Waiting w) {
      note(d, "membership waits: " + w.reason());
    }
    return d.build();
  }

  /** The last refusal or wait the driver reported; empty when none. */
  String lastNote() {
    return lastNote;
  }

  /** Logged when it changes, and shown as the reason of running servers whose membership is in flux. */
  private void note(Decision.Builder d, String text) {
    if (!text.equals(lastNote)) {
      LOG.info(text);
      lastNote = text;
    }
    for (var s : d.state().serverList()) {
      Membership m = s.identity().membership();
      boolean inFlux = m == Membership.JOINING && d.state().ensemble().configVersion() != 0
          || m == Membership.LEAVING;
      if (inFlux && s.observed() == ObservedState.RUNNING && !text.equals(s.reason())) {
        d.state(d.state().withServer(s.withReason(text)));
      }
    }
  }
}

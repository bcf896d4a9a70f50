package org.exhibitormesos.scheduler.mesos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.Protos.Offer.Operation;
import org.exhibitormesos.core.cluster.BootstrapPlan;
import org.exhibitormesos.core.cluster.BootstrapPlanner;
import org.exhibitormesos.core.ensemble.ConfigFiles;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.lifecycle.Lifecycle;
import org.exhibitormesos.core.lifecycle.LifecycleEvent;
import org.exhibitormesos.core.lifecycle.Transition;
import org.exhibitormesos.core.offers.Evaluation;
import org.exhibitormesos.core.offers.Offer;
import org.exhibitormesos.core.offers.OfferEvaluator;
import org.exhibitormesos.core.offers.Placement;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.scheduler.loop.Decision;
import org.exhibitormesos.scheduler.loop.LaunchPlanner;
import org.exhibitormesos.scheduler.loop.OfferSuppression;
import org.exhibitormesos.scheduler.loop.ServerLaunch;

/**
 * Decides what to do with offers. Before the bootstrap, offers are held until every initial member
 * has a place, then all are launched together from one configuration (the bootstrap is in the
 * persisted state before any ACCEPT leaves); held offers are declined after {@code holdLimit}.
 * After it, each offer is evaluated on its own: launches (restart on the volume, or a new identity
 * that joins), releases of old volumes (DESTROY + UNRESERVE), or a decline with a filter. Offers
 * are suppressed while nothing waits. Confined to the state loop.
 */
public final class OfferHandler {
  private static final Logger LOG = LogManager.getLogger(OfferHandler.class);

  /**
   * @param holdLimit how long offers are held for a bootstrap before all are declined
   * @param shortRefuse the filter of declines while servers wait
   * @param longRefuse the filter of declines while nothing waits
   */
  public record Settings(Duration holdLimit, Duration shortRefuse, Duration longRefuse) {
    public static final Settings DEFAULT = new Settings(Duration.ofSeconds(30), Duration.ofSeconds(5),
        Duration.ofMinutes(5));
  }

  private final OfferTranslator translator;
  private final OfferEvaluator evaluator;
  private final BootstrapPlanner bootstrapPlanner;
  private final LaunchPlanner launches;
  private final LaunchOperations operations;
  private final OfferSuppression suppression;
  private final Settings settings;
  private final HeldOffers held = new HeldOffers();
  private final Set<String> releasesSent = new HashSet<>();

  public OfferHandler(OfferTranslator translator, OfferEvaluator evaluator, LaunchPlanner launches,
      LaunchOperations operations, OfferSuppression suppression, Settings settings) {
    this.translator = translator;
    this.evaluator = evaluator;
    this.bootstrapPlanner = new BootstrapPlanner(evaluator);
    this.launches = launches;
    this.operations = operations;
    this.suppression = suppression;
    this.settings = settings;
  }

  public Decision onOffers(ClusterState state, List<Protos.Offer> offers, Instant now) {
    Decision.Builder d = new Decision.Builder(state);
    if (!state.ensemble().bootstrapped() && waiting(state)) {
      bootstrap(d, offers, now);
    } else {
      // One reason per waiting server for the whole batch, so that it does not change (and is not
      // persisted again) with every offer of the same allocation.
      Map<ServerId, List<String>> reasons = new LinkedHashMap<>();
      for (Protos.Offer offer : offers) {
        evaluate(d, offer, now, reasons);
      }
      reasons.forEach((id, r) -> reason(d, id, String.join("; ", r)));
    }
    if (!waiting(d.state()) && d.state().releases().isEmpty() && held.isEmpty()) {
      suppression.suppress().ifPresent(call -> {
        LOG.info("no server waits for offers: suppressing offers");
        d.send(call);
      });
    }
    return d.build();
  }

  /** Declines every held offer once they were held for the hold limit. */
  public Decision onHoldExpired(ClusterState state, Instant now) {
    Decision.Builder d = new Decision.Builder(state);
    if (held.since().isPresent() && !now.isBefore(held.since().get().plus(settings.holdLimit()))) {
      LOG.info("initial members not all placed within {}; declining the {} held offers", settings.holdLimit(),
          held.ids().size());
      d.send(Calls.decline(held.ids(), settings.shortRefuse()));
      held.clear();
    }
    return d.build();
  }

  /** When the held offers must be declined; empty while nothing is held. */
  public Optional<Instant> holdDeadline() {
    return held.since().map(t -> t.plus(settings.holdLimit()));
  }

  public void rescind(String offerId) {
    if (held.remove(offerId)) {
      LOG.info("held offer {} was rescinded", offerId);
    }
  }

  /** The subscription changed: offers held so far are void. */
  public void forgetAll() {
    held.clear();
  }

  private void bootstrap(Decision.Builder d, List<Protos.Offer> offers, Instant now) {
    for (Protos.Offer proto : offers) {
      held.add(proto, translator.translate(proto), now);
    }
    BootstrapPlan plan = bootstrapPlanner.plan(d.state(), held.offers(), now);
    if (plan instanceof BootstrapPlan.Waiting w) {
      List<String> decline = held.ids().stream().filter(id -> !w.keepOffers().contains(id)).toList();
      decline.forEach(held::remove);
      if (!decline.isEmpty()) {
        d.send(Calls.decline(decline, settings.shortRefuse()));
      }
      w.reasons().forEach((id, reasons) -> reason(d, id, "bootstrap: " + String.join("; ", reasons)));
      return;
    }
    BootstrapPlan.Ready ready = (BootstrapPlan.Ready) plan;
    ClusterState state = BootstrapPlanner.recordBootstrap(d.state(), ready);
    List<EnsembleMember> members = new ArrayList<>();
    for (Placement p : ready.placements()) {
      members.add(EnsembleMember.participant(ready.myids().get(p.server()), p.agent().hostname(), p.ports().peer(),
          p.ports().election(), p.ports().client()));
    }
    String dynamic = ConfigFiles.dynamicConfig(members);
    Map<String, List<Operation>> byOffer = new LinkedHashMap<>();
    for (Placement p : ready.placements()) {
      LaunchPlanner.Planned planned = launches.bootstrap(state, p, ready.myids().get(p.server()), dynamic, now);
      state = launched(planned);
      HeldOffers.Held offer = held.get(p.offerId()).orElseThrow();
      byOffer.computeIfAbsent(p.offerId(), k -> new ArrayList<>()).addAll(operations.launch(planned.launch(),
          offer.proto(), state.server(p.server()).orElseThrow().settings().javaOptions()));
      LOG.info("bootstrap: server {} (myid {}) launches as task {} on {} ports {}", p.server(),
          ready.myids().get(p.server()), planned.launch().task().taskId(), p.agent().hostname(), p.ports());
    }
    d.state(state);
    List<String> unused = new ArrayList<>();
    for (String offerId : held.ids()) {
      if (byOffer.containsKey(offerId)) {
        d.send(Calls.accept(offerId, byOffer.get(offerId), settings.shortRefuse()));
      } else {
        unused.add(offerId);
      }
    }
    if (!unused.isEmpty()) {
      d.send(Calls.decline(unused, settings.shortRefuse()));
    }
    held.clear();
    d.poke();
  }

  private void evaluate(Decision.Builder d, Protos.Offer proto, Instant now, Map<ServerId, List<String>> reasons) {
    Offer offer = translator.translate(proto);
    pruneReleases(d, offer);
    Evaluation e = evaluator.evaluate(offer, d.state(), now);
    List<Operation> ops = new ArrayList<>();
    for (Placement p : e.placements()) {
      LaunchPlanner.Result result = launches.afterBootstrap(d.state(), p, now);
      if (result instanceof LaunchPlanner.Deferred deferred) {
        List<String> r = reasons.computeIfAbsent(p.server(), k -> new ArrayList<>());
        if (!r.contains(deferred.reason())) {
          r.add(deferred.reason());
        }
        continue;
      }
      LaunchPlanner.Planned planned = (LaunchPlanner.Planned) result;
      ServerLaunch launch = planned.launch();
      d.state(launched(planned));
      ops.addAll(operations.launch(launch, proto, d.state().server(p.server()).orElseThrow().settings().javaOptions()));
      LOG.info("server {} (myid {}) launches as task {} on {} ports {} ({})", p.server(),
          launch.spec().myid(), launch.task().taskId(), offer.hostname(), p.ports(), launch.spec().configSource().text());
    }
    for (Reservation r : e.releases()) {
      LOG.info("destroying volume {} and unreserving its resources on {}", r.persistenceId(), r.hostname());
      ops.addAll(operations.release(r, proto));
      releasesSent.add(r.persistenceId());
    }
    e.notPlaced().forEach((id, why) -> reasons.computeIfAbsent(id, k -> new ArrayList<>())
        .add("offer from " + offer.hostname() + ": " + String.join(", ", why)));
    if (ops.isEmpty()) {
      boolean busy = waiting(d.state()) || !d.state().releases().isEmpty();
      d.send(Calls.decline(List.of(offer.offerId()), busy ? settings.shortRefuse() : settings.longRefuse()));
      if (!e.notPlaced().isEmpty()) {
        LOG.debug("declined offer {} from {}: {}", offer.offerId(), offer.hostname(), e.declineReasons());
      }
    } else {
      d.send(Calls.accept(offer.offerId(), ops, settings.shortRefuse()));
      if (!e.placements().isEmpty()) {
        d.poke();
      }
    }
  }

  /** The state with the launch recorded on its server (STAGING, identity, reservation). */
  private ClusterState launched(LaunchPlanner.Planned planned) {
    ServerLaunch launch = planned.launch();
    Server s = planned.state().server(launch.placement().server()).orElseThrow();
    Transition t = Lifecycle.apply(s, new LifecycleEvent.Launched(launch.task(), launch.identity(),
        launch.reservation()), launch.task().launchedAt());
    if (!t.effects().isEmpty()) {
      throw new IllegalStateException("server " + s.id() + " was placed while not waiting for an offer");
    }
    return planned.state().withServer(t.server());
  }

  /** Releases whose DESTROY was sent and whose volume the agent no longer offers are done. */
  private void pruneReleases(Decision.Builder d, Offer offer) {
    List<Reservation> kept = new ArrayList<>();
    for (Reservation r : d.state().releases()) {
      boolean gone = releasesSent.contains(r.persistenceId()) && r.hostname().equals(offer.hostname())
          && offer.volumes().stream().noneMatch(v -> v.persistenceId().equals(r.persistenceId()));
      if (gone) {
        LOG.info("volume {} on {} is destroyed and its resources unreserved", r.persistenceId(), r.hostname());
        releasesSent.remove(r.persistenceId());
      } else {
        kept.add(r);
      }
    }
    if (kept.size() != d.state().releases().size()) {
      d.state(d.state().withReleases(kept));
    }
  }

  private static void reason(Decision.Builder d, ServerId id, String reason) {
    d.state().server(id).filter(s -> s.observed() == ObservedState.PENDING && !reason.equals(s.reason()))
        .ifPresent(s -> d.state(d.state().withServer(s.withReason(reason))));
  }

  /** True while a server wants to run and has no task. */
  static boolean waiting(ClusterState state) {
    return state.serverList().stream()
        .anyMatch(s -> s.desired() == DesiredState.ACTIVE && s.observed() == ObservedState.PENDING);
  }
}

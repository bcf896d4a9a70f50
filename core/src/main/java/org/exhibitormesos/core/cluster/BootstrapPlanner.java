package org.exhibitormesos.core.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.offers.Evaluation;
import org.exhibitormesos.core.offers.Offer;
import org.exhibitormesos.core.offers.OfferEvaluator;
import org.exhibitormesos.core.offers.Placement;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.ServerMode;

/**
 * Places a new ensemble's initial members together: all of them start from one configuration that
 * lists every one of them, so none may launch before all have a place. Offers are held while the
 * members are placed across them; the plan is ready only when every member waiting to run has one.
 *
 * <p>Pure: the caller holds the offers, persists the bootstrap before launching, and decides how
 * long to hold offers before declining them and trying again.
 */
public final class BootstrapPlanner {
  private final OfferEvaluator evaluator;

  public BootstrapPlanner(OfferEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /**
   * @param state a state whose ensemble is not bootstrapped yet
   * @param held  the offers held so far, in the order they arrived
   */
  public BootstrapPlan plan(ClusterState state, List<Offer> held, Instant now) {
    if (state.ensemble().bootstrapped()) {
      throw new IllegalStateException("the ensemble is bootstrapped already; it is never bootstrapped again");
    }
    List<ServerId> members = state.serverList().stream()
        .filter(s -> s.desired() == DesiredState.ACTIVE && s.wantsOffer(now)).map(Server::id).toList();
    ClusterState tentative = state;
    List<Placement> placements = new ArrayList<>();
    Set<String> keep = new LinkedHashSet<>();
    SortedMap<ServerId, List<String>> reasons = new TreeMap<>();
    for (Offer offer : held) {
      Evaluation e = evaluator.evaluate(offer, tentative, now);
      for (Placement p : e.placements()) {
        placements.add(p);
        keep.add(offer.offerId());
        reasons.remove(p.server());
        tentative = placeTentatively(tentative, p, now);
      }
      e.notPlaced().forEach(reasons::put);
    }
    if (!members.isEmpty() && placements.size() == members.size()) {
      SortedMap<ServerId, Integer> myids = new TreeMap<>();
      int next = state.ensemble().nextMyid();
      for (ServerId id : members) {
        myids.put(id, next++);
      }
      return new BootstrapPlan.Ready(placements, myids);
    }
    for (ServerId id : members) {
      if (placements.stream().noneMatch(p -> p.server().equals(id))) {
        reasons.putIfAbsent(id, List.of(held.isEmpty() ? "waiting for offers" : "no held offer fits"));
      }
    }
    reasons.keySet().retainAll(members);
    return new BootstrapPlan.Waiting(List.copyOf(keep), reasons);
  }

  /** The state with the bootstrap recorded: the initial members and their myids, counter advanced. */
  public static ClusterState recordBootstrap(ClusterState state, BootstrapPlan.Ready plan) {
    List<Integer> myids = List.copyOf(plan.myids().values());
    int next = myids.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    var ensemble = state.ensemble().withBootstrap(myids).withNextMyid(Math.max(next, state.ensemble().nextMyid()));
    if (state.mode().orElse(ServerMode.NATIVE) == ServerMode.EXHIBITOR && ensemble.sharedPorts().isEmpty()
        && !plan.placements().isEmpty()) {
      // Exhibitor assumes every member uses the same four ports: they are the ensemble's from now on.
      ensemble = ensemble.withSharedPorts(Optional.of(plan.placements().get(0).ports()));
    }
    ClusterState recorded = state.withEnsemble(ensemble);
    for (var e : plan.myids().entrySet()) {
      recorded = recorded.updateServer(e.getKey(),
          s -> s.withIdentity(Identity.of(e.getValue(), Identity.Membership.JOINING)));
    }
    return recorded;
  }

  /** Marks the server as if launched, so later offers see it placed and do not place it again. */
  private static ClusterState placeTentatively(ClusterState state, Placement p, Instant now) {
    Task t = Task.launched("tentative-" + p.server(), "tentative-" + p.server(), p.agentId(), p.agent(), p.ports(),
        LaunchKind.BOOTSTRAP, now);
    ClusterState placed = state.updateServer(p.server(),
        s -> s.withObserved(ObservedState.STAGING, Optional.of(t), "tentative"));
    if (state.mode().orElse(ServerMode.NATIVE) == ServerMode.EXHIBITOR && state.ensemble().sharedPorts().isEmpty()) {
      // The next offers must give the other initial members the same ports.
      placed = placed.withEnsemble(placed.ensemble().withSharedPorts(Optional.of(p.ports())));
    }
    return placed;
  }
}

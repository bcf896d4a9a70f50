package org.exhibitormesos.core.offers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.exhibitormesos.core.cluster.BootstrapRelaunch;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.offers.Offer.OfferedVolume;
import org.exhibitormesos.core.placement.PlacedServer;
import org.exhibitormesos.core.placement.Verdict;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.LastPlacement;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Resources;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.ServerMode;

/**
 * Decides what to do with one offer: which waiting servers to launch on it (several when resources,
 * ports and constraints allow), with the exact resources, ports and volume, which released volumes to
 * destroy, and why every other waiting server does not fit. Pure and deterministic: servers are
 * considered in id order, ports lowest first.
 *
 * <p>A server with a volume relaunches only on that volume while its stickiness lasts; a server
 * without one sticks to its previous agent for its stickiness period unless that agent is gone.
 * Servers with a task or a reservation count as placed for constraints. An initial member relaunching
 * during the bootstrap ({@link BootstrapRelaunch}) goes back only to its own agent, and when its
 * volume is not there (its launch was lost) it is created again with the same persistence id.
 *
 * <p>Safe to share between threads; it keeps the last state it saw (and its servers in id order and
 * placed servers) so that a batch of offers against one state computes those once.
 */
public final class OfferEvaluator {
  /** Where the volume is mounted in the task's sandbox. */
  public static final String CONTAINER_PATH = "zkdata";

  /** Supplies fresh persistence ids for new volumes (unique per role and agent). */
  @FunctionalInterface
  public interface PersistenceIds {
    String next(ServerId server);
  }

  private final PersistenceIds persistenceIds;
  /** What every offer against the same state needs; replaced when a different state comes. */
  private volatile StateIndex index;

  public OfferEvaluator(PersistenceIds persistenceIds) {
    this.persistenceIds = persistenceIds;
  }

  /**
   * The servers in id order and the placed servers of one state, computed once for all the offers
   * evaluated against it (a batch of offers usually is). States are immutable, so identity is exact;
   * a stale index read by another thread is only recomputed, never wrong.
   */
  private record StateIndex(ClusterState state, List<Server> servers, List<PlacedServer> placed, int[] groups,
      int groupCount) {
    static StateIndex of(ClusterState state) {
      List<Server> servers = List.copyOf(state.serverList());
      int[] groups = DeclineMemo.groups(servers);
      return new StateIndex(state, servers, List.copyOf(placedServers(state)), groups, DeclineMemo.count(groups));
    }
  }

  private StateIndex indexOf(ClusterState state) {
    StateIndex i = index;
    if (i == null || i.state() != state) {
      i = StateIndex.of(state);
      index = i;
    }
    return i;
  }

  public Evaluation evaluate(Offer offer, ClusterState state, Instant now) {
    List<Reservation> releases = new ArrayList<>();
    for (Reservation r : state.releases()) {
      if (volumeOf(offer, r).isPresent()) {
        releases.add(r);
      }
    }
    OfferPools pools = new OfferPools(offer);
    StateIndex stateIndex = indexOf(state);
    List<PlacedServer> placed = new ArrayList<>(stateIndex.placed());
    Optional<Ports> shared = state.ensemble().sharedPorts();
    ServerMode mode = state.mode().orElse(ServerMode.NATIVE);
    List<Placement> placements = new ArrayList<>();
    // Servers come in id order, so the reasons are collected into a sorted array map in linear time.
    SortedArrayMap.Builder<ServerId, List<String>> notPlaced = new SortedArrayMap.Builder<>();
    // Hundreds of waiting servers usually share a few settings: decline the alike ones at once.
    DeclineMemo memo = new DeclineMemo(stateIndex.groupCount());
    List<Server> servers = stateIndex.servers();
    for (int i = 0; i < servers.size(); i++) {
      Server s = servers.get(i);
      if (s.desired() != DesiredState.ACTIVE || !s.wantsOffer(now)) {
        continue;
      }
      int group = stateIndex.groups()[i];
      Optional<List<String>> known = memo.reasonsFor(group);
      if (known.isPresent()) {
        notPlaced.put(s.id(), known.get());
        continue;
      }
      List<String> reasons = new ArrayList<>();
      boolean relaunch = BootstrapRelaunch.applies(state, s);
      Optional<Placement> p = place(s, offer, pools, others(placed, s.id()), mode, shared, relaunch, now, reasons);
      if (p.isPresent()) {
        placements.add(p.get());
        placed.removeIf(ps -> ps.id().equals(s.id()));
        placed.add(new PlacedServer(s.id(), offer.agent()));
        if (mode == ServerMode.EXHIBITOR && shared.isEmpty()) {
          shared = Optional.of(p.get().ports());
        }
        memo.forget();
      } else {
        List<String> why = List.copyOf(reasons);
        notPlaced.put(s.id(), why);
        memo.remember(group, why);
      }
    }
    return Evaluation.of(offer.offerId(), placements, releases, notPlaced.build());
  }

  private Optional<Placement> place(Server s, Offer offer, OfferPools pools, List<PlacedServer> others,
      ServerMode mode, Optional<Ports> shared, boolean bootstrapRelaunch, Instant now, List<String> reasons) {
    Optional<Reservation> reservation = s.reservation();
    Optional<OfferedVolume> volume = reservation.flatMap(r -> volumeOf(offer, r));
    if (volume.isEmpty() && bootstrapRelaunch) {
      return recreate(s, offer, pools, others, reasons);
    }
    boolean sticky = stickyUntil(s).map(now::isBefore).orElse(false);
    if (reservation.isPresent() && volume.isEmpty() && sticky) {
      reasons.add("waits for its volume on " + reservation.get().hostname() + " until "
          + stickyUntil(s).orElseThrow());
    } else if (reservation.isEmpty() && sticky && !onPreviousAgent(s, offer)) {
      reasons.add("sticks to its previous agent " + s.lastPlacement().orElseThrow().hostname() + " until "
          + stickyUntil(s).orElseThrow());
    }
    Verdict verdict = s.settings().constraints().evaluate(offer.agent(), others);
    reasons.addAll(verdict.reasons());
    if (volume.isPresent()) {
      // Relaunch on the existing volume with what was reserved for it, ports included.
      Reservation r = reservation.orElseThrow().onAgent(offer.agentId());
      reasons.addAll(OfferPools.checkReserved(volume.get(), r.ports()));
      if (!reasons.isEmpty()) {
        return Optional.empty();
      }
      Offer.OfferedResources res = volume.get().reserved();
      return Optional.of(new Placement(s.id(), offer.offerId(), offer.agentId(), offer.agent(),
          new Resources(res.cpus(), res.memMb(), res.diskMb()), r.ports(), new VolumePlan.ExistingVolume(r)));
    }
    Resources need = s.settings().resources();
    reasons.addAll(pools.checkUnreserved(need));
    PortChoice.Result ports = PortChoice.choose(pools.ports(), pin(s, "client-port", shared.map(Ports::client)),
        pin(s, "connect-port", shared.map(Ports::peer)), pin(s, "election-port", shared.map(Ports::election)),
        shared.map(p -> new PortChoice.Pin(p.admin(), "the ensemble's Exhibitor UI port")), s.settings().adminPorts());
    reasons.addAll(ports.reasons());
    if (!reasons.isEmpty()) {
      return Optional.empty();
    }
    Ports chosen = ports.ports().orElseThrow();
    pools.take(need, chosen);
    VolumePlan plan = "*".equals(offer.role()) ? new VolumePlan.Sandbox()
        : new VolumePlan.NewVolume(new Reservation(offer.agentId(), offer.agent(), offer.role(),
            persistenceIds.next(s.id()), CONTAINER_PATH, chosen), need.diskMb());
    return Optional.of(new Placement(s.id(), offer.offerId(), offer.agentId(), offer.agent(), need, chosen, plan));
  }

  /**
   * An initial member relaunching during the bootstrap ({@link BootstrapRelaunch}) whose volume the
   * offer does not show: its launch was lost before the volume was made. It goes back only to its
   * own agent, on its own ports, and RESERVE + CREATE run again with the same persistence id. Only
   * when all four of its reserved ports are offered <em>unreserved</em>: a port is either reserved or
   * not, so then the reservation holding the volume does not exist on the agent and neither does the
   * volume. Should it exist after all, Mesos refuses to CREATE a persistence id in use on the agent
   * and the launch fails; nothing is lost either way.
   */
  private static Optional<Placement> recreate(Server s, Offer offer, OfferPools pools, List<PlacedServer> others,
      List<String> reasons) {
    Reservation r = s.reservation().orElseThrow();
    if (!r.agentId().equals(offer.agentId()) && !r.hostname().equals(offer.hostname())) {
      reasons.add("bootstrap member waits for its agent " + r.hostname());
      return Optional.empty();
    }
    reasons.addAll(s.settings().constraints().evaluate(offer.agent(), others).reasons());
    Resources need = s.settings().resources();
    reasons.addAll(pools.checkUnreserved(need));
    for (int p : r.ports().asList()) {
      if (!pools.ports().available(p)) {
        reasons.add("waits for volume " + r.persistenceId() + " or its port " + p + " unreserved on " + r.hostname());
      }
    }
    if (!reasons.isEmpty()) {
      return Optional.empty();
    }
    pools.take(need, r.ports());
    Reservation again = r.onAgent(offer.agentId());
    return Optional.of(new Placement(s.id(), offer.offerId(), offer.agentId(), offer.agent(), need, r.ports(),
        new VolumePlan.NewVolume(again, need.diskMb())));
  }

  /** In Exhibitor mode the ensemble's shared port wins; otherwise the server's override, if any. */
  private static Optional<PortChoice.Pin> pin(Server s, String override, Optional<Integer> shared) {
    if (shared.isPresent()) {
      return Optional.of(new PortChoice.Pin(shared.get(), "the ensemble's " + override.replace("-port", "") + " port"));
    }
    return s.settings().pinnedPort(override).map(p -> new PortChoice.Pin(p, override));
  }

  private static Optional<java.time.Instant> stickyUntil(Server s) {
    return s.lastPlacement().map(p -> p.leftAt().plus(s.settings().stickinessPeriod()));
  }

  private static boolean onPreviousAgent(Server s, Offer offer) {
    LastPlacement last = s.lastPlacement().orElseThrow();
    return last.agentId().equals(offer.agentId()) || last.hostname().equals(offer.hostname());
  }

  static Optional<OfferedVolume> volumeOf(Offer offer, Reservation r) {
    if (!r.hostname().equals(offer.hostname())) {
      return Optional.empty();
    }
    return offer.volumes().stream().filter(v -> v.persistenceId().equals(r.persistenceId())).findFirst();
  }

  /** Servers with a task, or waiting to return to their volume, where they are (or will be). */
  private static List<PlacedServer> placedServers(ClusterState state) {
    List<PlacedServer> placed = new ArrayList<>();
    for (Server s : state.serverList()) {
      if (s.task().isPresent()) {
        placed.add(new PlacedServer(s.id(), s.task().get().agent()));
      } else if (s.reservation().isPresent() && s.desired() == DesiredState.ACTIVE) {
        placed.add(new PlacedServer(s.id(), s.reservation().get().agent()));
      }
    }
    return placed;
  }

  private static List<PlacedServer> others(List<PlacedServer> placed, ServerId self) {
    return placed.stream().filter(p -> !p.id().equals(self)).toList();
  }
}

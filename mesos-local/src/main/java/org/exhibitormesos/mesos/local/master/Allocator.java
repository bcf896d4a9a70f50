package org.exhibitormesos.mesos.local.master;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.exhibitormesos.mesos.local.resources.ResourceFormats;
import org.exhibitormesos.mesos.local.resources.Resources;

/**
 * Makes offers: every allocation interval (and soon after resources free up) each connected
 * framework gets, per active agent and per unsuppressed role, one offer with all available
 * resources of that agent that are unreserved or reserved to the role. Resources in an outstanding
 * offer are hidden. Refuse filters follow the hierarchical allocator's subset rule.
 */
final class Allocator {
  private static final Logger LOG = LogManager.getLogger(Allocator.class);
  /** Mesos caps refuse_seconds at one year. */
  private static final Duration MAX_REFUSE = Duration.ofSeconds(31_536_000);

  private final MasterState state;
  private ScheduledFuture<?> periodic;
  private boolean pending;

  Allocator(MasterState state) {
    this.state = state;
  }

  void start() {
    long ms = state.config.allocationInterval().toMillis();
    periodic = state.loop.scheduleWithFixedDelay(this::allocate, ms, ms, TimeUnit.MILLISECONDS);
  }

  void stop() {
    if (periodic != null) {
      periodic.cancel(false);
    }
  }

  /** Schedules one event-triggered allocation (coalesced). */
  void allocateSoon() {
    if (!pending) {
      pending = true;
      state.post(this::allocate);
    }
  }

  void allocate() {
    pending = false;
    Instant now = state.clock.instant();
    for (Framework fw : state.frameworks.values()) {
      if (!fw.connected()) {
        continue;
      }
      List<Protos.Offer> made = new ArrayList<>();
      for (Agent agent : state.agents) {
        if (!agent.active) {
          continue;
        }
        for (String role : fw.roles()) {
          if (fw.suppressedRoles.contains(role)) {
            continue;
          }
          Resources candidate = available(agent).filter(r -> {
            String owner = ResourceFormats.reservationRole(r);
            return owner.equals(ResourceFormats.UNRESERVED_ROLE) || owner.equals(role);
          });
          if (!allocatable(candidate)) {
            continue;
          }
          OfferFilter filter = fw.filters.get(Framework.filterKey(agent.idValue(), role));
          if (filter != null && filter.blocks(candidate, now)) {
            continue;
          }
          if (filter != null && !now.isBefore(filter.expires())) {
            fw.filters.remove(Framework.filterKey(agent.idValue(), role));
          }
          Offer offer = new Offer(state.nextOfferId(), fw, agent, role, candidate);
          state.offers.put(offer.id(), offer);
          made.add(toProto(offer));
          LOG.info("offer {} to framework {} for role {} on agent {} ({}): {}", offer.id(),
              fw.idValue(), role, agent.idValue(), agent.config.address(), candidate);
        }
      }
      if (!made.isEmpty()) {
        fw.send(Event.newBuilder().setType(Event.Type.OFFERS)
            .setOffers(Event.Offers.newBuilder().addAllOffers(made)).build());
      }
    }
  }

  /** What an agent has that is neither used nor offered. */
  Resources available(Agent agent) {
    Resources offered = Resources.empty();
    for (Offer o : state.offers.values()) {
      if (o.agent() == agent) {
        offered = offered.plus(o.resources());
      }
    }
    return agent.total.minus(agent.used()).minus(offered);
  }

  /** Mesos' default {@code --min_allocatable_resources=cpus:0.01|mem:32}. */
  private static boolean allocatable(Resources r) {
    return r.scalar("cpus") >= 0.01 || r.scalar("mem") >= 32;
  }

  /**
   * Returns an offer's unused resources; with a positive refuse duration they are filtered for
   * that (framework, agent, role).
   */
  void recover(Offer offer, Resources unused, Filters filters) {
    state.offers.remove(offer.id());
    Duration refuse = refuseDuration(filters);
    if (!refuse.isZero() && !unused.isEmpty()) {
      offer.framework().filters.put(Framework.filterKey(offer.agent().idValue(), offer.role()),
          new OfferFilter(unused, state.clock.instant().plus(refuse)));
      LOG.info("framework {} refuses {} on agent {} for role {} for {}",
          offer.framework().idValue(), unused, offer.agent().idValue(), offer.role(), refuse);
    }
    allocateSoon();
  }

  /** Drops offers without telling the framework (resubscribe, disconnect, master failover). */
  void discard(Collection<Offer> offers) {
    for (Offer o : List.copyOf(offers)) {
      state.offers.remove(o.id());
      LOG.info("offer {} of framework {} discarded", o.id(), o.framework().idValue());
    }
  }

  void discardOffersOf(Framework fw) {
    discard(state.offers.values().stream().filter(o -> o.framework() == fw).toList());
  }

  /** Rescinds every outstanding offer of {@code agent} (RESCIND events). */
  void rescindOffersOn(Agent agent) {
    for (Offer o : List.copyOf(state.offers.values())) {
      if (o.agent() == agent) {
        state.offers.remove(o.id());
        o.framework().send(Event.newBuilder().setType(Event.Type.RESCIND)
            .setRescind(Event.Rescind.newBuilder().setOfferId(OfferID.newBuilder().setValue(o.id())))
            .build());
        LOG.info("offer {} of framework {} rescinded: agent {} removed", o.id(),
            o.framework().idValue(), agent.idValue());
      }
    }
  }

  void revive(Framework fw, List<String> roles) {
    List<String> which = roles.isEmpty() ? fw.roles() : roles;
    which.forEach(fw.suppressedRoles::remove);
    fw.filters.keySet().removeIf(k -> which.contains(k.substring(k.indexOf('\u0000') + 1)));
    LOG.info("framework {} revives roles {}", fw.idValue(), which);
    allocateSoon();
  }

  void suppress(Framework fw, List<String> roles) {
    List<String> which = roles.isEmpty() ? fw.roles() : roles;
    fw.suppressedRoles.addAll(which);
    LOG.info("framework {} suppresses roles {}", fw.idValue(), which);
  }

  Duration refuseDuration(Filters filters) {
    if (filters == null || !filters.hasRefuseSeconds() || filters.getRefuseSeconds() < 0
        || Double.isNaN(filters.getRefuseSeconds())) {
      return state.config.defaultRefuse();
    }
    double seconds = filters.getRefuseSeconds();
    if (seconds == 0) {
      return Duration.ZERO;
    }
    if (seconds > MAX_REFUSE.getSeconds()) {
      return MAX_REFUSE;
    }
    Duration d = Duration.ofNanos((long) (seconds * 1e9));
    Duration min = state.config.allocationInterval();
    return d.compareTo(min) < 0 ? min : d;
  }

  private Protos.Offer toProto(Offer offer) {
    Framework fw = offer.framework();
    Agent agent = offer.agent();
    Protos.Offer.Builder b = Protos.Offer.newBuilder()
        .setId(OfferID.newBuilder().setValue(offer.id()))
        .setFrameworkId(fw.id)
        .setAgentId(agent.id)
        .setHostname(agent.info.getHostname())
        .setUrl(Protos.URL.newBuilder().setScheme("http").setPath("/slave(1)")
            .setAddress(Protos.Address.newBuilder().setHostname(agent.info.getHostname())
                .setIp(agent.endpoint.host()).setPort(agent.endpoint.port())))
        .addAllAttributes(agent.info.getAttributesList());
    for (Resource r : offer.resources().toList()) {
      b.addResources(ResourceFormats.forFramework(r, offer.role(), fw.multiRole(), fw.refinement()));
    }
    if (fw.multiRole()) {
      b.setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole(offer.role()));
    }
    for (Executor e : agent.executors.values()) {
      if (e.framework == fw && e.holdsResources()) {
        b.addExecutorIds(e.info.getExecutorId());
      }
    }
    return b.build();
  }
}

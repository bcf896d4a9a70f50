package org.exhibitormesos.bench.offers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.lifecycle.Lifecycle;
import org.exhibitormesos.core.lifecycle.LifecycleEvent;
import org.exhibitormesos.core.offers.Offer;
import org.exhibitormesos.core.offers.Offer.OfferedResources;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.placement.Constraints;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.PortRange;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.ServerMode;

/**
 * The cluster and the offers the offer-evaluation benchmark uses: {@value #SERVERS} started servers
 * constrained by {@value #CONSTRAINTS}, of which the first {@code placed} run on distinct agents
 * spread evenly over the racks, and offers from {@value #AGENTS} agents on {@value #RACKS} racks.
 *
 * <p>Deterministic for a given seed, so every fork sees the same offers. Offers vary the way a real
 * cluster's do: agent sizes differ, some agents are nearly full (too little memory or cpu left for
 * a server), port ranges are split, and about a third of the offers come from agents that already
 * run a server, where {@code hostname=unique} declines everybody.
 */
public final class OfferFixture {
  /** Every server id there is (0..254). */
  public static final int SERVERS = 255;
  public static final int AGENTS = 300;
  public static final int RACKS = 5;
  public static final String CONSTRAINTS = "hostname=unique,rack=groupBy:5";
  public static final String ROLE = "zookeeper";
  public static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

  private final ClusterState state;
  private final List<Offer> offers;

  private OfferFixture(ClusterState state, List<Offer> offers) {
    this.state = state;
    this.offers = List.copyOf(offers);
  }

  /**
   * @param placed how many servers (lowest ids first) already run, one per agent, 0..{@value #AGENTS}
   * @param offerCount how many offers to generate
   * @param seed the random seed for agent sizes and offer order
   */
  public static OfferFixture create(int placed, int offerCount, long seed) {
    if (placed < 0 || placed > Math.min(SERVERS, AGENTS)) {
      throw new IllegalArgumentException("placed " + placed + " is outside 0.." + Math.min(SERVERS, AGENTS));
    }
    ClusterState s = ClusterState.initial("0123456789abcdef-bench").withMode(ServerMode.NATIVE);
    for (int id = 0; id < SERVERS; id++) {
      // One settings value per server, equal but not shared, as in a state decoded from storage.
      ServerSettings settings = ServerSettings.DEFAULT.withConstraints(Constraints.parse(CONSTRAINTS));
      Server server = Lifecycle.apply(Server.added(ServerId.of(id), settings), new LifecycleEvent.Start(), NOW)
          .server();
      if (id < placed) {
        Task task = Task.launched("zk-" + id + "-task", "zk-" + id + "-executor", agentId(id), agent(id),
            new Ports(31000, 31001, 31002, 31003), LaunchKind.JOIN, NOW.minusSeconds(60));
        server = Lifecycle.apply(server, new LifecycleEvent.Launched(task, Identity.NONE, Optional.empty()), NOW)
            .server();
      }
      s = s.withServer(server);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Offer> offers = new ArrayList<>(offerCount);
    for (int i = 0; i < offerCount; i++) {
      offers.add(offer(i, random.nextInt(AGENTS), random));
    }
    return new OfferFixture(s, offers);
  }

  public ClusterState state() {
    return state;
  }

  public List<Offer> offers() {
    return offers;
  }

  private static Offer offer(int index, int agent, SplittableRandom random) {
    int size = 1 << random.nextInt(4);
    // One agent in ten is nearly full: what is left does not fit a server (0.2 cpus, 256 MB).
    boolean full = random.nextInt(10) == 0;
    double cpus = full ? 0.1 : 4.0 * size - random.nextInt(4) * 0.5;
    double memMb = full ? 128 : 16_384.0 * size - random.nextInt(8) * 1024;
    double diskMb = 200_000.0 * size;
    int low = 31000 + random.nextInt(100);
    List<PortRange> ports = List.of(new PortRange(low, low + 400), new PortRange(31600, 32000));
    return new Offer("offer-" + index, agentId(agent), agent(agent), ROLE,
        new OfferedResources(cpus, memMb, diskMb, ports), List.of());
  }

  static String agentId(int agent) {
    return "agent-" + agent + "-S0";
  }

  static AgentAttributes agent(int agent) {
    return new AgentAttributes(String.format("node%03d.dc1.example.com", agent),
        Map.of("rack", "rack-" + agent % RACKS, "zone", "dc1"));
  }
}

package org.exhibitormesos.scheduler.loop;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.exhibitormesos.core.cluster.BootstrapRelaunch;
import org.exhibitormesos.core.ensemble.ConfigFiles;
import org.exhibitormesos.core.ensemble.DynamicConfig;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.ensemble.SuperDigest;
import org.exhibitormesos.core.launch.ConfigSource;
import org.exhibitormesos.core.launch.ExhibitorServer;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.offers.Placement;
import org.exhibitormesos.core.offers.VolumePlan;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.MyidAllocator;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.scheduler.membership.exhibitor.ExhibitorSpecs;

/**
 * Decides how a placed server launches, as a pure function of the state:
 * <ul>
 *   <li>an initial member while the bootstrap is in progress (no committed configuration observed
 *       yet), on its own reservation: BOOTSTRAP again, same myid and the same initial dynamic config
 *       (see {@link BootstrapRelaunch} for the rule and why it is safe);</li>
 *   <li>on its existing volume: RESTART with the same myid and the config files on the volume;</li>
 *   <li>as an initial member: BOOTSTRAP with the one dynamic config listing every initial member;</li>
 *   <li>otherwise (new volume, or no volume): a new identity, a fresh myid, JOINING, and a JOIN spec
 *       rendered from the last committed configuration plus itself as an observer. Without a known
 *       committed configuration the launch waits.</li>
 * </ul>
 * A server that takes a new identity gives up its old reservation (it goes to the releases) and
 * its old myid (retired). The task records its {@link LaunchKind}, so any later life of the scheduler
 * can tell whether a report of no data on the volume means lost data.
 */
public final class LaunchPlanner {
  /** The launch, with the state after its identity bookkeeping (not yet the Launched event). */
  public sealed interface Result { }

  public record Planned(ClusterState state, ServerLaunch launch) implements Result { }

  public record Deferred(String reason) implements Result { }

  private final Supplier<String> uuids;

  /** @param uuids fresh unique strings for task and executor ids */
  public LaunchPlanner(Supplier<String> uuids) {
    this.uuids = uuids;
  }

  /** A launch of a bootstrap member with its myid and the shared initial dynamic config. */
  public Planned bootstrap(ClusterState state, Placement p, int myid, String dynamicConfig, Instant now) {
    Identity identity = Identity.of(myid, Membership.JOINING);
    if (exhibitorMode(state)) {
      // Every initial member starts with all of them in its servers spec.
      List<ExhibitorServer> spec = DynamicConfig.parse(dynamicConfig).members().stream()
          .map(m -> ExhibitorServer.voter(m.myid(), m.peerHost())).toList();
      return new Planned(state, launch(state, p, identity, ConfigSource.BOOTSTRAP, Optional.empty(),
          Optional.of(spec), now));
    }
    return new Planned(state, launch(state, p, identity, ConfigSource.BOOTSTRAP, Optional.of(dynamicConfig),
        Optional.empty(), now));
  }

  /** A launch after the bootstrap: a restart on the volume, or a new identity that joins. */
  public Result afterBootstrap(ClusterState state, Placement p, Instant now) {
    Server s = state.server(p.server()).orElseThrow();
    if (exhibitorMode(state)) {
      return exhibitorAfterBootstrap(state, p, s, now);
    }
    Optional<String> initial = BootstrapRelaunch.initialConfig(state, s);
    if (initial.isPresent() && onOwnVolume(s, p)) {
      return new Planned(state, launch(state, p, s.identity(), ConfigSource.BOOTSTRAP, initial, Optional.empty(),
          now));
    }
    if (p.volume() instanceof VolumePlan.ExistingVolume && s.identity().myid().isPresent()) {
      return new Planned(state, launch(state, p, s.identity(), ConfigSource.RESTART, Optional.empty(),
          Optional.empty(), now));
    }
    Optional<String> committedText = state.ensemble().committedConfig();
    // Version 0: the initial configuration recorded when an initial member served; joiners wait for
    // the configuration read from the ensemble.
    if (committedText.isEmpty() || state.ensemble().configVersion() == 0) {
      return new Deferred("waits for the ensemble's committed configuration before joining");
    }
    Ensemble committed = DynamicConfig.parse(committedText.get());
    Set<Integer> inConfig = new HashSet<>();
    committed.members().forEach(m -> inConfig.add(m.myid()));
    ClusterState next = newIdentity(state, s, inConfig);
    int myid = next.server(s.id()).orElseThrow().identity().myid().orElseThrow();
    EnsembleMember joiner = EnsembleMember.participant(myid, p.agent().hostname(), p.ports().peer(),
        p.ports().election(), p.ports().client());
    String config = ConfigFiles.joinerConfig(committed, joiner);
    Identity identity = Identity.of(myid, Membership.JOINING);
    return new Planned(next, launch(next, p, identity, ConfigSource.JOIN, Optional.of(config), Optional.empty(), now));
  }

  /**
   * Exhibitor mode: a restart on the volume keeps the myid; otherwise a new identity joins. Either
   * way the server's Exhibitor starts with the ensemble's spec plus itself (never outside its spec);
   * the membership driver then puts it into the other members' specs.
   */
  private Result exhibitorAfterBootstrap(ClusterState state, Placement p, Server s, Instant now) {
    ClusterState next = state;
    Identity identity = s.identity();
    ConfigSource source = ConfigSource.RESTART;
    if (!(p.volume() instanceof VolumePlan.ExistingVolume) || s.identity().myid().isEmpty()) {
      Set<Integer> inSpec = new HashSet<>();
      ExhibitorSpecs.desired(state).forEach(e -> inSpec.add(e.id()));
      next = newIdentity(state, s, inSpec);
      identity = Identity.of(next.server(s.id()).orElseThrow().identity().myid().orElseThrow(), Membership.JOINING);
      source = ConfigSource.JOIN;
    }
    List<ExhibitorServer> spec = ExhibitorSpecs.with(ExhibitorSpecs.desired(next),
        ExhibitorServer.voter(identity.myid().orElseThrow(), p.agent().hostname()));
    return new Planned(next, launch(next, p, identity, source, Optional.empty(), Optional.of(spec), now));
  }

  /**
   * The state with a fresh myid on server {@code s} (not yet its identity's membership): its old
   * myid retired and its old volume released, since a new identity starts on empty data.
   *
   * @param inConfig myids the ensemble's configuration holds, never allocated
   */
  private static ClusterState newIdentity(ClusterState state, Server s, Set<Integer> inConfig) {
    Set<Integer> held = new HashSet<>();
    for (Server other : state.serverList()) {
      if (!other.id().equals(s.id())) {
        other.identity().myid().ifPresent(held::add);
      }
    }
    MyidAllocator.Allocation allocation = MyidAllocator.allocate(state.ensemble(), held, inConfig);
    var ensemble = allocation.ensemble();
    if (s.identity().myid().isPresent()) {
      ensemble = MyidAllocator.retire(ensemble, s.identity().myid().get());
    }
    ClusterState next = state.withEnsemble(ensemble);
    if (s.reservation().isPresent()) {
      List<Reservation> releases = new java.util.ArrayList<>(next.releases());
      releases.add(s.reservation().get());
      next = next.withReleases(releases).updateServer(s.id(), x -> x.withReservation(Optional.empty()));
    }
    int myid = allocation.myid();
    return next.updateServer(s.id(), x -> x.withIdentity(Identity.of(myid, x.identity().membership())));
  }

  private static boolean exhibitorMode(ClusterState state) {
    return state.mode().orElse(ServerMode.NATIVE) == ServerMode.EXHIBITOR;
  }

  /** True when the placement is on the server's own reservation (its volume, or the same one again). */
  private static boolean onOwnVolume(Server s, Placement p) {
    return p.volume().volumeReservation().map(Reservation::persistenceId)
        .equals(s.reservation().map(Reservation::persistenceId));
  }

  private ServerLaunch launch(ClusterState state, Placement p, Identity identity, ConfigSource source,
      Optional<String> dynamicConfig, Optional<List<ExhibitorServer>> exhibitorSpec, Instant now) {
    Server s = state.server(p.server()).orElseThrow();
    String taskId = "exhibitor-" + s.id() + "-" + uuids.get();
    String executorId = "exhibitor-" + s.id() + "-" + uuids.get();
    Optional<Reservation> reservation = p.volume().volumeReservation();
    Task task = Task.launched(taskId, executorId, p.agentId(), p.agent(), p.ports(), kindOf(source), now);
    String digest = SuperDigest.of(state.ensemble().superSecret());
    LaunchSpec spec = new LaunchSpec(s.id(), identity.myid().orElseThrow(), state.mode().orElse(ServerMode.NATIVE),
        p.agent().hostname(), p.ports(), source, dynamicConfig, reservation.map(Reservation::containerPath),
        ZooKeeperSettingsOf.of(s.settings(), digest, reservation.isPresent()),
        exhibitorSpec.map(servers -> ExhibitorSpecs.settings(s.settings(), servers)));
    return new ServerLaunch(p, task, identity, reservation, spec);
  }

  private static LaunchKind kindOf(ConfigSource source) {
    return switch (source) {
      case BOOTSTRAP -> LaunchKind.BOOTSTRAP;
      case JOIN -> LaunchKind.JOIN;
      case RESTART -> LaunchKind.RESTART;
    };
  }
}

package org.exhibitormesos.scheduler.membership.exhibitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.exhibitormesos.core.config.ConfigOption;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.launch.ExhibitorServer;
import org.exhibitormesos.core.launch.ExhibitorSettings;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.state.ClusterState;

/**
 * Exhibitor mode's membership as a pure function of the state: the servers spec every member's
 * Exhibitor should have, and the Exhibitor settings of a launch.
 *
 * <p>The spec lists every server whose identity is in the ensemble or joining it ({@code JOINING},
 * {@code VOTER}) and whose host is known (its task's, else its volume's), as {@code S:<myid>:<host>}.
 * A leaving server is left out: taking it out of the other members' specs is how it leaves.
 */
public final class ExhibitorSpecs {
  private ExhibitorSpecs() {
  }

  /** The servers spec the ensemble should have, sorted by myid. */
  public static List<ExhibitorServer> desired(ClusterState state) {
    List<ExhibitorServer> out = new ArrayList<>();
    for (Server s : state.serverList()) {
      Membership m = s.identity().membership();
      if (s.identity().myid().isEmpty() || m != Membership.JOINING && m != Membership.VOTER) {
        continue;
      }
      host(s).ifPresent(h -> out.add(ExhibitorServer.voter(s.identity().myid().get(), h)));
    }
    out.sort(Comparator.comparingInt(ExhibitorServer::id));
    return List.copyOf(out);
  }

  /** {@code spec} with {@code self} in it, replacing an entry with the same id. */
  public static List<ExhibitorServer> with(List<ExhibitorServer> spec, ExhibitorServer self) {
    List<ExhibitorServer> out = new ArrayList<>(spec.stream().filter(e -> e.id() != self.id()).toList());
    out.add(self);
    out.sort(Comparator.comparingInt(ExhibitorServer::id));
    return List.copyOf(out);
  }

  /** Where a server runs or last ran: its task's host, else its volume's. */
  public static Optional<String> host(Server s) {
    return s.task().map(Task::hostname).or(() -> s.reservation().map(r -> r.hostname()));
  }

  /**
   * The Exhibitor settings of a launch: the server's Exhibitor flags passed through, the shared
   * config keys Exhibitor keeps on its own, the default heap, and {@code spec}.
   */
  public static ExhibitorSettings settings(ServerSettings settings, List<ExhibitorServer> spec) {
    Map<String, String> flags = new TreeMap<>(settings.exhibitorFlags());
    flags.remove(ConfigOption.DEFAULTCONFIG.optionName());
    Map<String, String> shared = new TreeMap<>(settings.sharedOverrides());
    shared.keySet().retainAll(ExhibitorSettings.SHARED_KEYS);
    return ExhibitorSettings.of(spec).withFlags(flags).withSharedConfig(shared);
  }

  /** The spec as an ensemble of voters on the shared ports, as the state records a committed config. */
  public static Optional<Ensemble> ensemble(List<ExhibitorServer> spec, Optional<Ports> shared) {
    if (spec.isEmpty() || shared.isEmpty()) {
      return Optional.empty();
    }
    Ports p = shared.get();
    return Optional.of(Ensemble.of(spec.stream()
        .map(e -> EnsembleMember.participant(e.id(), e.host(), p.peer(), p.election(), p.client())).toList()));
  }
}

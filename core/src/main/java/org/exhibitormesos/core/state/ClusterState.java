package org.exhibitormesos.core.state;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.server.Reservation;
import org.exhibitormesos.core.server.Server;

/**
 * The scheduler's whole persisted state: one versioned document (see {@link StateCodec}).
 *
 * @param frameworkId the Mesos framework id, once Mesos assigned one
 * @param mode        the server mode, fixed once an ensemble exists
 * @param ensemble    ensemble-wide records (bootstrap, myid counter, secret, config version)
 * @param servers     servers by id
 * @param releases    reservations and volumes of removed or replaced servers still to be destroyed
 *                    and unreserved on Mesos
 */
public record ClusterState(Optional<String> frameworkId, Optional<ServerMode> mode, EnsembleState ensemble,
             SortedMap<ServerId, Server> servers, List<Reservation> releases) {
  public ClusterState {
    Objects.requireNonNull(frameworkId, "frameworkId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(ensemble, "ensemble");
    servers = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(servers));
    servers.forEach((id, s) -> {
      if (!id.equals(s.id())) {
        throw new IllegalArgumentException("server " + s.id() + " is stored under id " + id);
      }
    });
    releases = List.copyOf(releases);
  }

  /** A fresh state with no framework id and no servers. */
  public static ClusterState initial(String superSecret) {
    return new ClusterState(Optional.empty(), Optional.empty(), EnsembleState.initial(superSecret), new TreeMap<>(), List.of());
  }

  public Optional<Server> server(ServerId id) {
    return Optional.ofNullable(servers.get(id));
  }

  public Collection<Server> serverList() {
    return servers.values();
  }

  public ClusterState withFrameworkId(String value) {
    return new ClusterState(Optional.of(value), mode, ensemble, servers, releases);
  }

  public ClusterState withMode(ServerMode value) {
    return new ClusterState(frameworkId, Optional.of(value), ensemble, servers, releases);
  }

  public ClusterState withEnsemble(EnsembleState value) {
    return new ClusterState(frameworkId, mode, value, servers, releases);
  }

  public ClusterState withServer(Server server) {
    TreeMap<ServerId, Server> next = new TreeMap<>(servers);
    next.put(server.id(), server);
    return new ClusterState(frameworkId, mode, ensemble, next, releases);
  }

  public ClusterState updateServer(ServerId id, UnaryOperator<Server> change) {
    Server current = servers.get(id);
    if (current == null) {
      throw new IllegalArgumentException("no server " + id);
    }
    return withServer(change.apply(current));
  }

  public ClusterState withoutServer(ServerId id) {
    TreeMap<ServerId, Server> next = new TreeMap<>(servers);
    next.remove(id);
    return new ClusterState(frameworkId, mode, ensemble, next, releases);
  }

  public ClusterState withReleases(List<Reservation> value) {
    return new ClusterState(frameworkId, mode, ensemble, servers, value);
  }
}

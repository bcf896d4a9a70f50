package org.exhibitormesos.mesos.local.master;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.exhibitormesos.mesos.http.HostAndPort;
import org.exhibitormesos.mesos.local.MesosLocalConfig;
import org.exhibitormesos.mesos.local.agent.ExecutorRuntime;

/**
 * Everything the master and its agents know, plus the services the components share. Owned by the
 * single state thread {@link #loop}: no field is touched from any other thread.
 */
final class MasterState {
  final MesosLocalConfig config;
  final Clock clock;
  final ScheduledExecutorService loop;
  final ExecutorRuntime runtime;
  HostAndPort endpoint;
  String masterId;
  MasterInfo masterInfo;
  private long nextFramework;
  private long nextAgent;
  private long nextOffer;
  final Map<String, Framework> frameworks = new LinkedHashMap<>();
  final Set<String> removedFrameworks = new HashSet<>();
  /** Agents by index (configuration order); ids change when a master fails over. */
  final List<Agent> agents = new ArrayList<>();
  final Map<String, Offer> offers = new LinkedHashMap<>();
  /** Fault injection: scheduler event types silently dropped (at-most-once delivery). */
  volatile Set<org.apache.mesos.v1.scheduler.Protos.Event.Type> droppedEvents = Set.of();

  MasterState(MesosLocalConfig config, Clock clock, ScheduledExecutorService loop,
      ExecutorRuntime runtime) {
    this.config = config;
    this.clock = clock;
    this.loop = loop;
    this.runtime = runtime;
  }

  /** Runs {@code action} on the state loop; dropped once the master is shut down. */
  void post(Runnable action) {
    try {
      loop.execute(action);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // shutting down: callbacks of closing connections and exiting processes are moot
    }
  }

  /** A new master identity (first start and every emulated failover). */
  void newMasterIdentity(HostAndPort at) {
    endpoint = at;
    masterId = UUID.randomUUID().toString();
    nextOffer = 0;
    masterInfo = MasterInfo.newBuilder()
        .setId(masterId)
        .setIp(packIpv4(at.host()))
        .setPort(at.port())
        .setPid("master@" + at.host() + ":" + at.port())
        .setHostname(at.host())
        .setVersion("1.11.0")
        .setAddress(Address.newBuilder().setHostname(at.host()).setIp(at.host()).setPort(at.port()))
        .build();
  }

  String nextFrameworkId() {
    return masterId + "-" + String.format("%04d", nextFramework++);
  }

  String nextAgentId() {
    return masterId + "-S" + nextAgent++;
  }

  String nextOfferId() {
    return masterId + "-O" + nextOffer++;
  }

  Optional<Agent> agent(String id) {
    return agents.stream().filter(a -> a.id != null && a.idValue().equals(id)).findFirst();
  }

  /** MasterInfo.ip: the IPv4 address as a uint32 in network byte order, read little-endian. */
  static int packIpv4(String ip) {
    String[] p = ip.split("\\.");
    if (p.length != 4) {
      return 0;
    }
    int v = 0;
    for (int i = 3; i >= 0; i--) {
      v = (v << 8) | (Integer.parseInt(p[i]) & 0xff);
    }
    return v;
  }
}

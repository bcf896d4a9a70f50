package org.exhibitormesos.mesos.local;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.exhibitormesos.mesos.http.HostAndPort;
import java.util.Optional;
import org.exhibitormesos.mesos.local.agent.DirectoryVolumeStore;
import org.exhibitormesos.mesos.local.agent.ExecutorRuntime;
import org.exhibitormesos.mesos.local.agent.ProcessExecutorRuntime;
import org.exhibitormesos.mesos.local.process.RunMarkers;
import org.exhibitormesos.mesos.local.agent.VolumeStore;
import org.exhibitormesos.mesos.local.http.BasicAuth;
import org.exhibitormesos.mesos.local.http.ExecutorApiHandler;
import org.exhibitormesos.mesos.local.http.HttpServer;
import org.exhibitormesos.mesos.local.http.SchedulerApiHandler;
import org.exhibitormesos.mesos.local.http.StandbyHandler;
import org.exhibitormesos.mesos.local.master.Master;
import org.exhibitormesos.mesos.local.zk.ZkRegistration;

/**
 * A running single-machine Mesos: one master and N agents in this JVM, each agent with its own
 * loopback address and executor API server. Created by {@link #start}; {@link #close()} stops the
 * servers and kills every process it started (idempotent).
 */
public final class MesosLocal implements FaultInjection, AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(MesosLocal.class);

  /** What a caller needs to know about one agent. */
  public record AgentView(int index, String id, HostAndPort endpoint, String resources,
      String attributes, Path workDir) {}

  private final MesosLocalConfig config;
  private final ExecutorRuntime runtime;
  private final Master master;
  private final EventLoopGroup io;
  private final ExecutorService blocking;
  private final HttpServer masterServer;
  private final List<HttpServer> agentServers = new ArrayList<>();
  private final List<HostAndPort> agentEndpoints = new ArrayList<>();
  private final List<HttpServer> standbys = new ArrayList<>();
  private final Thread exitHook = new Thread(this::close, "mesos-local-exit");
  private ZkRegistration zk;
  private HostAndPort masterEndpoint;
  private volatile boolean closed;

  private MesosLocal(MesosLocalConfig config, ExecutorRuntime runtime,
      Function<Path, VolumeStore> volumes) {
    this.config = config;
    this.runtime = runtime;
    this.master = new Master(config, Clock.systemUTC(), runtime, volumes);
    this.io = new NioEventLoopGroup(2, new DefaultThreadFactory("mesos-local-http", true));
    this.blocking = Executors.newCachedThreadPool(new DefaultThreadFactory("mesos-local-faults",
        true));
    this.masterServer = new HttpServer("mesos-local master", io);
  }

  /**
   * Binds the master and every agent, registers the agents and, with {@code zk}, the master in
   * ZooKeeper. On failure everything started so far is stopped.
   *
   * @param runtime starts executors; owned by the returned instance (closed with it)
   * @param volumes the volume store of an agent given its work dir
   * @throws IOException if an address cannot be bound or ZooKeeper cannot be reached
   */
  public static MesosLocal start(MesosLocalConfig config, ExecutorRuntime runtime,
      Function<Path, VolumeStore> volumes) throws IOException {
    MesosLocal local = new MesosLocal(Objects.requireNonNull(config), Objects.requireNonNull(runtime),
        Objects.requireNonNull(volumes));
    try {
      local.bind();
      // JVM exit (including SIGTERM) kills every process this instance started.
      Runtime.getRuntime().addShutdownHook(local.exitHook);
      return local;
    } catch (IOException | RuntimeException e) {
      local.close();
      throw e;
    }
  }

  /**
   * Starts mesos-local with executors as real processes (marked with a fresh run marker) and
   * volume directories under each agent's work dir.
   */
  public static MesosLocal start(MesosLocalConfig config) throws IOException {
    return start(config, new ProcessExecutorRuntime(RunMarkers.newMarker(),
        config.cleanupProcessGroups()), DirectoryVolumeStore::new);
  }

  /**
   * Removes the JVM exit hook that closes this instance: the caller takes over closing it at exit,
   * e.g. to stop a scheduler first (JVM exit hooks run concurrently, in no order). Idempotent.
   */
  public void detachExitHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException e) {
      // the JVM is already exiting: the hook runs anyway, and close() is idempotent
    }
  }

  /** The run marker of the executor processes, when they are real processes. */
  public Optional<String> runMarker() {
    return runtime instanceof ProcessExecutorRuntime p ? Optional.of(p.runMarker())
        : Optional.empty();
  }

  private void bind() throws IOException {
    for (int i = 0; i < config.agents().size(); i++) {
      AgentConfig a = config.agents().get(i);
      HttpServer server = new HttpServer("mesos-local agent " + a.address(), io);
      int index = i;
      agentEndpoints.add(server.start(a.address(), a.port(),
          () -> new ExecutorApiHandler(master, index)));
      agentServers.add(server);
    }
    masterEndpoint = masterServer.start(config.masterAddress(), config.masterPort(),
        () -> new SchedulerApiHandler(master, this, blocking,
            new BasicAuth(config.credentials())));
    master.start(masterEndpoint, agentEndpoints);
    if (config.zk().isPresent()) {
      zk = new ZkRegistration(config.zk().get());
      zk.register(master.masterInfo());
    }
  }

  /** {@code http://127.0.0.1:5050}. */
  public String masterUrl() {
    return "http://" + masterEndpoint;
  }

  public HostAndPort masterEndpoint() {
    return masterEndpoint;
  }

  public Master master() {
    return master;
  }

  public MesosLocalConfig config() {
    return config;
  }

  public List<AgentView> agents() {
    List<AgentView> out = new ArrayList<>();
    for (int i = 0; i < agentEndpoints.size(); i++) {
      var json = master.stateJson().getAsJsonArray("agents").get(i).getAsJsonObject();
      out.add(new AgentView(i, json.get("id").getAsString(), agentEndpoints.get(i),
          json.get("resources").getAsString(), json.get("attributes").getAsString(),
          config.agentWorkDir(i)));
    }
    return out;
  }

  /** The fault injection API (this object). */
  public FaultInjection faults() {
    return this;
  }

  @Override
  public synchronized void removeAgent(int index) {
    master.removeAgent(index);
    agentServers.get(index).close();
  }

  @Override
  public synchronized void restoreAgent(int index) {
    if (master.agentActive(index)) {
      return;
    }
    HttpServer server = new HttpServer("mesos-local agent " + config.agents().get(index).address(),
        io);
    try {
      server.start(agentEndpoints.get(index).host(), agentEndpoints.get(index).port(),
          () -> new ExecutorApiHandler(master, index));
    } catch (IOException e) {
      throw new IllegalStateException("cannot bring agent " + index + " back: " + e.getMessage(), e);
    }
    agentServers.set(index, server);
    master.restoreAgent(index);
  }

  @Override
  public synchronized void failoverMaster() {
    MasterInfo info = master.failover();
    if (zk != null) {
      try {
        zk.register(info);
      } catch (IOException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }

  @Override
  public boolean dropSubscription(String frameworkId) {
    return master.dropSubscription(frameworkId);
  }

  @Override
  public int dropExecutorConnections(int index) {
    return master.dropExecutorConnections(index);
  }

  @Override
  public void dropEvents(java.util.Set<org.apache.mesos.v1.scheduler.Protos.Event.Type> types) {
    master.dropEvents(types);
  }

  @Override
  public void setProcessGroupCleanup(boolean on) {
    LOG.info("process-group cleanup of new executors turned {}", on ? "on" : "off");
    runtime.setProcessGroupCleanup(on);
  }

  /**
   * Starts a standby master on {@code address} (port 0 = free) that redirects schedulers to this
   * leader with 307 (optional Mesos behaviour, off unless called). Closed with this instance.
   */
  public synchronized HostAndPort startStandby(String address, int port) throws IOException {
    HttpServer standby = new HttpServer("mesos-local standby master", io);
    HostAndPort at = standby.start(address, port, () -> new StandbyHandler(
        () -> closed ? Optional.empty() : Optional.of(masterEndpoint)));
    standbys.add(standby);
    return at;
  }

  /** ZooKeeper node of the master registration, if registered. */
  public synchronized String zkNode() {
    return zk == null ? null : zk.node();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (Thread.currentThread() != exitHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(exitHook);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // the JVM is already exiting, or the hook was never added
      }
    }
    if (zk != null) {
      zk.close();
    }
    master.close();
    runtime.close();
    masterServer.close();
    agentServers.forEach(HttpServer::close);
    standbys.forEach(HttpServer::close);
    blocking.shutdownNow();
    io.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    LOG.info("mesos-local stopped");
  }
}

package org.exhibitormesos.executor.testing;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.exhibitormesos.core.ensemble.ConfigFiles;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.launch.ConfigSource;
import org.exhibitormesos.core.launch.ExhibitorServer;
import org.exhibitormesos.core.launch.ExhibitorSettings;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.launch.LaunchSpecCodec;
import org.exhibitormesos.core.launch.TaskReport;
import org.exhibitormesos.core.launch.TaskReportCodec;
import org.exhibitormesos.core.launch.ZooKeeperSettings;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.state.ServerMode;

/** Launch specs and tasks for process tests: small heaps, fast probes, free loopback ports. */
public final class TestTasks {
  public static final String HOST = "127.0.0.1";

  private TestTasks() {}

  /** Four free ports on {@link #HOST}. */
  public static Ports freePorts() throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getByName(HOST)));
      }
      return new Ports(sockets.get(0).getLocalPort(), sockets.get(1).getLocalPort(),
          sockets.get(2).getLocalPort(), sockets.get(3).getLocalPort());
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
  }

  /** ZooKeeper with a 96 MB heap, serial GC, 300 ms probes, 2 failures allowed. */
  public static ZooKeeperSettings settings() {
    return ZooKeeperSettings.defaults().withHeapMb(96)
        .withText("", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k", Optional.empty())
        .withProbes(300, 2, 60_000);
  }

  /** A single-member ensemble (standaloneEnabled=false, so it elects itself leader). */
  public static LaunchSpec bootstrap(int myid, Ports ports, Optional<String> volume) {
    return bootstrapOn(HOST, myid, ports, volume);
  }

  /** {@link #bootstrap} on another address (an emulated agent's). */
  public static LaunchSpec bootstrapOn(String host, int myid, Ports ports,
      Optional<String> volume) {
    String dynamic = ConfigFiles.dynamicConfig(List.of(EnsembleMember.participant(myid, host,
        ports.peer(), ports.election(), ports.client())));
    return new LaunchSpec(ServerId.of(myid), myid, ServerMode.NATIVE, host, ports,
        ConfigSource.BOOTSTRAP, Optional.of(dynamic), volume, settings());
  }

  /** A restart from the config on the volume. */
  public static LaunchSpec restart(int myid, Ports ports, Optional<String> volume) {
    return restartOn(HOST, myid, ports, volume);
  }

  /** {@link #restart} on another address (an emulated agent's). */
  public static LaunchSpec restartOn(String host, int myid, Ports ports,
      Optional<String> volume) {
    return new LaunchSpec(ServerId.of(myid), myid, ServerMode.NATIVE, host, ports,
        ConfigSource.RESTART, Optional.empty(), volume, settings());
  }

  /**
   * Four ports free on every one of {@code hosts}: Exhibitor uses one client, peer and election
   * port ensemble-wide, and calls the other Exhibitors on its own port.
   */
  public static Ports freePortsOnAll(List<String> hosts) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      Ports candidate;
      List<ServerSocket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          sockets.add(new ServerSocket(0, 1, InetAddress.getByName(hosts.get(0))));
        }
        candidate = new Ports(sockets.get(0).getLocalPort(), sockets.get(1).getLocalPort(),
            sockets.get(2).getLocalPort(), sockets.get(3).getLocalPort());
      } finally {
        for (ServerSocket s : sockets) {
          s.close();
        }
      }
      if (hosts.stream().skip(1).allMatch(h -> freeOn(h, candidate))) {
        return candidate;
      }
    }
    throw new IOException("no four ports free on all of " + hosts);
  }

  private static boolean freeOn(String host, Ports ports) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int port : ports.asList()) {
        sockets.add(new ServerSocket(port, 1, InetAddress.getByName(host)));
      }
      return true;
    } catch (IOException e) {
      return false;
    } finally {
      for (ServerSocket s : sockets) {
        try {
          s.close();
        } catch (IOException e) {
          // closing a probe socket
        }
      }
    }
  }

  /**
   * An Exhibitor-mode server on {@code host} whose servers spec lists only itself (so it starts
   * as a standalone member): Exhibitor with a 128 MB heap and 1 s config checks, ZooKeeper with
   * 96 MB and 1 s checks.
   */
  public static LaunchSpec exhibitor(int myid, String host, Ports ports) {
    ZooKeeperSettings zk = settings().withProbes(1000, 3, 120_000);
    ExhibitorSettings exhibitor = ExhibitorSettings.of(List.of(ExhibitorServer.voter(myid, host)))
        .withHeapMb(128).withFlags(java.util.Map.of("configcheckms", "1000"));
    return new LaunchSpec(ServerId.of(myid), myid, ServerMode.EXHIBITOR, host, ports,
        ConfigSource.BOOTSTRAP, Optional.empty(), Optional.of("zkdata"), zk,
        Optional.of(exhibitor));
  }

  public static TaskInfo task(String id, LaunchSpec spec) {
    return TaskInfo.newBuilder().setName("zookeeper-" + spec.serverId())
        .setTaskId(TaskID.newBuilder().setValue(id))
        .setAgentId(AgentID.newBuilder().setValue("agent-1"))
        .setData(ByteString.copyFrom(LaunchSpecCodec.encode(spec))).build();
  }

  public static TaskReport report(TaskStatus status) {
    return TaskReportCodec.decode(status.getData().toByteArray());
  }
}

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

package org.exhibitormesos.scheduler.membership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.exhibitormesos.core.ensemble.ConfigFiles;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.ensemble.SuperDigest;
import org.exhibitormesos.core.ensemble.ZooCfgSpec;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.testing.TempDirs;

/**
 * Real ZooKeeper servers for tests, each on its own loopback address with free ports, configured
 * by core's {@link ConfigFiles} exactly as the scheduler would: native mode, reconfig enabled,
 * standalone disabled, the super digest, the four-letter words the scheduler uses. Every process
 * is killed by pid in {@link #close()}.
 */
final class LocalEnsemble implements AutoCloseable {
  static final String SECRET = "membership-test-secret-0123456789";
  private static final List<String> WORDS = List.of("srvr", "mntr", "conf", "ruok");

  private final Path root = TempDirs.create("membership-");
  private final Map<Integer, ZooKeeperNode> nodes = new TreeMap<>();
  private final Map<Integer, Ports> ports = new TreeMap<>();

  /** A member on {@code host} with four fresh ports (client, peer, election, admin). */
  EnsembleMember member(int myid, String host) {
    List<Integer> free = freePorts(host, 4);
    Ports p = new Ports(free.get(0), free.get(1), free.get(2), free.get(3));
    ports.put(myid, p);
    return EnsembleMember.participant(myid, host, p.peer(), p.election(), p.client());
  }

  Ports ports(int myid) {
    return ports.get(myid);
  }

  /** Bootstrap: every initial member starts from the same dynamic config listing all of them. */
  void bootstrap(List<EnsembleMember> members) {
    String dynamic = ConfigFiles.dynamicConfig(members);
    for (EnsembleMember m : members) {
      launch(m, dynamic);
    }
  }

  /** A joiner: the committed config plus itself as an observer, on an empty data dir. */
  ZooKeeperNode launchJoiner(Ensemble committed, EnsembleMember joiner) {
    return launch(joiner, ConfigFiles.joinerConfig(committed, joiner));
  }

  ZooKeeperNode node(int myid) {
    return nodes.get(myid);
  }

  /** Logs of every server, for a failing test. */
  String logs() {
    StringBuilder out = new StringBuilder();
    nodes.forEach((id, n) -> out.append("===== myid ").append(id).append(" (pid ").append(n.pid()).append(")\n")
        .append(tail(n.log())).append('\n'));
    return out.toString();
  }

  @Override
  public void close() {
    nodes.values().forEach(ZooKeeperNode::close);
    TempDirs.delete(root);
  }

  private ZooKeeperNode launch(EnsembleMember m, String dynamic) {
    Path dir = root.resolve("zk" + m.myid());
    Path data = dir.resolve("data");
    ZooCfgSpec spec = ZooCfgSpec.nativeMode(data.toString(), dir.resolve("zoo.cfg.dynamic").toString())
        .withSuperDigest(SuperDigest.of(SECRET)).withFourLetterWords(WORDS);
    TempDirs.write(dir.resolve("zoo.cfg"), ConfigFiles.zooCfg(spec));
    TempDirs.write(dir.resolve("zoo.cfg.dynamic"), dynamic);
    TempDirs.write(data.resolve("myid"), ConfigFiles.myid(m.myid()));
    ZooKeeperNode node = ZooKeeperNode.start(m, dir);
    nodes.put(m.myid(), node);
    return node;
  }

  private static String tail(String log) {
    return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
  }

  private static List<Integer> freePorts(String host, int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host));
        sockets.add(s);
        out.add(s.getLocalPort());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket s : sockets) {
        try {
          s.close();
        } catch (IOException e) {
          // A listening socket that never accepted closes without failing in practice.
        }
      }
    }
  }
}

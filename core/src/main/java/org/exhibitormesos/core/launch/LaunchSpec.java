package org.exhibitormesos.core.launch;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.ensemble.AdminServer;
import org.exhibitormesos.core.ensemble.DynamicConfig;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.ensemble.ZooCfgSpec;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.state.ServerMode;

/**
 * What the scheduler tells the executor about one server task, in {@code TaskInfo.data}
 * ({@link LaunchSpecCodec}).
 *
 * @param serverId the framework's id of the server
 * @param myid ZooKeeper's server id (1..254), tied to the server's volume for life
 * @param mode how the server runs; the executor supports {@link ServerMode#NATIVE}
 * @param host the agent address every listener binds to
 * @param ports the task's ports; the admin port is reserved for the AdminServer
 * @param configSource how to obtain the configuration
 * @param dynamicConfig the dynamic config text to write: present exactly for
 *     {@link ConfigSource#BOOTSTRAP} and {@link ConfigSource#JOIN}, and then it lists this server
 *     with this task's host and ports
 * @param volume the container path of the task's persistent volume (relative, not nested, e.g.
 *     {@code zkdata}); empty when the server keeps its data in the sandbox
 * @param zookeeper the operator's ZooKeeper settings
 */
public record LaunchSpec(
    ServerId serverId,
    int myid,
    ServerMode mode,
    String host,
    Ports ports,
    ConfigSource configSource,
    Optional<String> dynamicConfig,
    Optional<String> volume,
    ZooKeeperSettings zookeeper) {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern CONTAINER_PATH = Pattern.compile("[A-Za-z0-9._-]+");

  /** @throws InvalidInputException naming the field, if the spec is inconsistent */
  public LaunchSpec {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(configSource, "configSource");
    Objects.requireNonNull(dynamicConfig, "dynamicConfig");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(zookeeper, "zookeeper");
    if (myid < 1 || myid > 254) {
      throw new InvalidInputException("myid " + myid + " is not in 1..254");
    }
    if (host == null || !HOST.matcher(host).matches()) {
      throw new InvalidInputException("host '" + host
          + "' is not a host name or IPv4 address (letters, digits, '.', '-', '_')");
    }
    volume.ifPresent(path -> {
      if (!CONTAINER_PATH.matcher(path).matches() || path.equals(".") || path.equals("..")) {
        throw new InvalidInputException("volume container path '" + path
            + "' is not a relative, non-nested path (letters, digits, '.', '-', '_')");
      }
      if (zookeeper.dataDirectory().isPresent() || zookeeper.logDirectory().isPresent()) {
        throw new InvalidInputException("zookeeper-data-directory and zookeeper-log-directory"
            + " apply only to servers without a persistent volume");
      }
    });
    if (configSource == ConfigSource.RESTART) {
      if (dynamicConfig.isPresent()) {
        throw new InvalidInputException(
            "dynamic config given for a restart, which reuses the config on the volume");
      }
    } else {
      String text = dynamicConfig.orElseThrow(() -> new InvalidInputException(
          "dynamic config missing; " + configSource.text() + " needs one"));
      checkListsSelf(DynamicConfig.parse(text), myid, host, ports);
    }
  }

  /** This server as its line in a dynamic config should show it (role aside). */
  public EnsembleMember self() {
    return EnsembleMember.participant(myid, host, ports.peer(), ports.election(), ports.client());
  }

  /**
   * The {@code zoo.cfg} for a bootstrap or join, with the operator's settings. The AdminServer is
   * disabled: the ZooKeeper distribution ships without Jetty, and a disabled server never listens
   * on {@code 0.0.0.0}.
   *
   * @param dataDir where snapshots and {@code myid} go, as ZooKeeper should read it
   * @param dataLogDir where transaction logs go, if not {@code dataDir}
   * @param dynamicFile the dynamic config file, as ZooKeeper should read it
   */
  public ZooCfgSpec zooCfgSpec(String dataDir, Optional<String> dataLogDir, String dynamicFile) {
    ZooCfgSpec spec = ZooCfgSpec.nativeMode(dataDir, dynamicFile)
        .withAutopurge(zookeeper.autopurge())
        .withAdminServer(AdminServer.DISABLED)
        .withFourLetterWords(zookeeper.fourLetterWords())
        .withExtra(zookeeper.extra());
    if (dataLogDir.isPresent()) {
      spec = spec.withDataLogDir(dataLogDir.get());
    }
    if (zookeeper.superDigest().isPresent()) {
      spec = spec.withSuperDigest(zookeeper.superDigest().get());
    }
    return spec;
  }

  private static void checkListsSelf(Ensemble ensemble, int myid, String host, Ports ports) {
    EnsembleMember line = ensemble.member(myid).orElseThrow(() -> new InvalidInputException(
        "dynamic config does not list server " + myid));
    boolean same = line.peerHost().equals(host) && line.clientHost().equals(host)
        && line.peerPort() == ports.peer() && line.electionPort() == ports.election()
        && line.clientPort() == ports.client();
    if (!same) {
      throw new InvalidInputException("dynamic config line " + DynamicConfig.serverLine(line)
          + " does not match this task's host " + host + " and ports " + ports.client() + "/"
          + ports.peer() + "/" + ports.election());
    }
  }
}

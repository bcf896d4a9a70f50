package org.exhibitormesos.core.launch;

import java.util.List;
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
 * @param mode how the server runs: ZooKeeper alone ({@link ServerMode#NATIVE}) or under Exhibitor
 * @param host the agent address every listener binds to
 * @param ports the task's ports; the admin port is reserved for the AdminServer
 * @param configSource how to obtain the configuration
 * @param dynamicConfig native mode: the dynamic config text to write, present exactly for
 *     {@link ConfigSource#BOOTSTRAP} and {@link ConfigSource#JOIN}, and then it lists this server
 *     with this task's host and ports. Exhibitor mode: always empty (Exhibitor writes
 *     {@code zoo.cfg} from its servers spec), and {@code configSource} is informational
 * @param volume the container path of the task's persistent volume (relative, not nested, e.g.
 *     {@code zkdata}); empty when the server keeps its data in the sandbox
 * @param zookeeper the operator's ZooKeeper settings
 * @param exhibitor present exactly in Exhibitor mode: Exhibitor's flags, servers spec and heap;
 *     the spec lists this server as {@code <myid>:<host>}
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
    ZooKeeperSettings zookeeper,
    Optional<ExhibitorSettings> exhibitor) {

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
    Objects.requireNonNull(exhibitor, "exhibitor");
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
    if (mode == ServerMode.EXHIBITOR) {
      checkExhibitor(exhibitor, dynamicConfig, zookeeper, myid, host);
    } else if (exhibitor.isPresent()) {
      throw new InvalidInputException("Exhibitor settings given for a native-mode server");
    } else if (configSource == ConfigSource.RESTART) {
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

  /** A native-mode spec (no Exhibitor settings). */
  public LaunchSpec(ServerId serverId, int myid, ServerMode mode, String host, Ports ports,
      ConfigSource configSource, Optional<String> dynamicConfig, Optional<String> volume,
      ZooKeeperSettings zookeeper) {
    this(serverId, myid, mode, host, ports, configSource, dynamicConfig, volume, zookeeper,
        Optional.empty());
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

  private static void checkExhibitor(Optional<ExhibitorSettings> exhibitor,
      Optional<String> dynamicConfig, ZooKeeperSettings zookeeper, int myid, String host) {
    ExhibitorSettings settings = exhibitor.orElseThrow(() -> new InvalidInputException(
        "Exhibitor settings missing; mode exhibitor needs them"));
    if (dynamicConfig.isPresent()) {
      throw new InvalidInputException("dynamic config given in Exhibitor mode, where Exhibitor"
          + " writes zoo.cfg from its servers spec");
    }
    ExhibitorServer self = settings.serversSpec().stream().filter(s -> s.id() == myid)
        .findFirst().orElseThrow(() -> new InvalidInputException("servers spec "
            + settings.serversSpecText() + " does not list server " + myid
            + "; Exhibitor must start with its server in the spec"));
    if (!self.host().equals(host)) {
      throw new InvalidInputException("servers spec lists server " + myid + " on " + self.host()
          + ", not on this task's host " + host);
    }
    List<String> words = zookeeper.fourLetterWords();
    if (!words.equals(List.of("*")) && !(words.contains("ruok") && words.contains("srvr"))) {
      throw new InvalidInputException("4lw whitelist " + words + " lacks ruok or srvr, which"
          + " Exhibitor checks ZooKeeper with (it would restart a healthy ZooKeeper)");
    }
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

package org.exhibitormesos.bench.floor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.exhibitormesos.core.ensemble.ConfigFiles;
import org.exhibitormesos.core.ensemble.Ensemble;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.ensemble.ZooCfgSpec;

/**
 * A static ZooKeeper ensemble run directly, without Mesos or the framework: the floor. Every server
 * gets the {@code zoo.cfg} core renders for static mode ({@link ZooCfgSpec#staticMode}) and its own
 * data directory under {@code dir}.
 *
 * <p>The constructor only writes files; {@link #startAll()} launches. {@link #close()} kills every
 * server still running and deletes {@code dir}; it is idempotent. Not thread-safe.
 */
final class BareEnsemble implements AutoCloseable {
  private static final String SERVER_LOG4J = """
      <?xml version="1.0" encoding="UTF-8"?>
      <Configuration status="WARN">
        <Appenders>
          <Console name="stdout" target="SYSTEM_OUT">
            <PatternLayout pattern="%d{ISO8601} [myid:%X{myid}] %-5level [%t] %c{1} - %msg%n"/>
          </Console>
        </Appenders>
        <Loggers>
          <Root level="INFO">
            <AppenderRef ref="stdout"/>
          </Root>
        </Loggers>
      </Configuration>
      """;

  private final Path dir;
  private final Ensemble ensemble;
  private final ServerJvm jvm;
  private final Map<Integer, ZooKeeperProcess> running = new TreeMap<>();
  private boolean closed;

  private BareEnsemble(Path dir, Ensemble ensemble, ServerJvm jvm) {
    this.dir = dir;
    this.ensemble = ensemble;
    this.jvm = jvm;
  }

  /**
   * Writes the configuration of {@code size} servers on 127.0.0.2.. with free ports.
   *
   * @param dir an empty directory this ensemble owns (deleted by {@link #close()})
   * @param libDir the servers' class path directory, see {@link ServerJvm#fromLibDir}
   */
  static BareEnsemble create(Path dir, int size, Path libDir) {
    try {
      Path log4j = dir.resolve("log4j2-server.xml");
      Files.writeString(log4j, SERVER_LOG4J);
      Ensemble ensemble = Ensemble.of(LoopbackMembers.allocate(size));
      for (EnsembleMember m : ensemble.members()) {
        Path data = dir.resolve("server-" + m.myid()).resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("myid"), ConfigFiles.myid(m.myid()));
        Files.writeString(zooCfg(dir, m.myid()),
            ConfigFiles.zooCfg(ZooCfgSpec.staticMode(data.toString(), ensemble, m.myid())));
      }
      return new BareEnsemble(dir, ensemble, ServerJvm.fromLibDir(libDir, log4j));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ensemble's files under " + dir, e);
    }
  }

  /** The client connect string, every server. */
  String connectString() {
    return ensemble.members().stream().map(EnsembleMember::clientAddress).collect(Collectors.joining(","));
  }

  /** Launches every server, lowest myid first. */
  void startAll() {
    ensemble.members().forEach(m -> start(m.myid()));
  }

  /** Launches server {@code myid} on its existing configuration and data (a restart in place). */
  void start(int myid) {
    if (running.containsKey(myid)) {
      throw new IllegalStateException("server " + myid + " is running");
    }
    Path log = dir.resolve("server-" + myid).resolve("zookeeper.log");
    running.put(myid, ZooKeeperProcess.start(jvm, zooCfg(dir, myid), log));
  }

  /** {@code kill -9} of server {@code myid}; returns once it has exited. */
  void kill(int myid) throws InterruptedException {
    ZooKeeperProcess process = running.remove(myid);
    if (process == null) {
      throw new IllegalStateException("server " + myid + " is not running");
    }
    process.kill();
  }

  /** Each server's mode by myid, empty where it does not serve; one {@code srvr} each. */
  Map<Integer, Optional<Srvr.Mode>> modes() {
    Map<Integer, Optional<Srvr.Mode>> modes = new LinkedHashMap<>();
    for (EnsembleMember m : ensemble.members()) {
      modes.put(m.myid(), Srvr.mode(m.clientHost(), m.clientPort()));
    }
    return modes;
  }

  /** The mode of one server, empty if it does not serve. */
  Optional<Srvr.Mode> mode(int myid) {
    EnsembleMember m = ensemble.member(myid).orElseThrow();
    return Srvr.mode(m.clientHost(), m.clientPort());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    running.values().forEach(ZooKeeperProcess::close);
    running.clear();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private static Path zooCfg(Path dir, int myid) {
    return dir.resolve("server-" + myid).resolve("zoo.cfg");
  }
}

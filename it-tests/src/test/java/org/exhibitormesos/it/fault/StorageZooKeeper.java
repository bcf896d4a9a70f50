package org.exhibitormesos.it.fault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.exhibitormesos.it.FourLetterWords;
import org.exhibitormesos.it.LocalPorts;
import org.exhibitormesos.it.Poll;
import org.exhibitormesos.it.ZooKeeperProcess;

/** A standalone ZooKeeper on a free loopback port, for the scheduler's {@code --storage zk:...}. */
final class StorageZooKeeper implements AutoCloseable {
  private final ZooKeeperProcess process;
  private final int port;

  private StorageZooKeeper(ZooKeeperProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  static StorageZooKeeper start(Path dir) throws Exception {
    int port = LocalPorts.free(1).get(0);
    Files.createDirectories(dir.resolve("data"));
    Path cfg = dir.resolve("zoo.cfg");
    Files.writeString(cfg, "tickTime=500\ninitLimit=10\nsyncLimit=5\ndataDir=" + dir.resolve("data")
        + "\nclientPort=" + port + "\nclientPortAddress=" + LocalPorts.HOST
        + "\nadmin.enableServer=false\n4lw.commands.whitelist=srvr,ruok\n");
    ZooKeeperProcess process = ZooKeeperProcess.start(cfg, dir.resolve("zookeeper.log"));
    StorageZooKeeper zk = new StorageZooKeeper(process, port);
    Poll.until(Duration.ofSeconds(60), () -> FourLetterWords.ask(LocalPorts.HOST, port, "srvr")
        .filter(t -> t.contains("Mode: standalone"))).orElseThrow(() -> {
          process.close();
          return new AssertionError("the storage ZooKeeper did not start:\n" + process.log());
        });
    return zk;
  }

  /** {@code 127.0.0.1:port}. */
  String address() {
    return LocalPorts.HOST + ":" + port;
  }

  @Override
  public void close() {
    process.close();
  }
}

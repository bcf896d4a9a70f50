package org.exhibitormesos.executor.zookeeper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.ensemble.ConfigFiles;
import org.exhibitormesos.core.launch.LaunchSpec;

/**
 * Prepares a server's directories and config before ZooKeeper starts, per the spec's config
 * source: bootstrap and join write {@code zoo.cfg}, the dynamic file and {@code myid} with the
 * core renderers; restart reuses what is on the volume and refuses to start without it. A bootstrap
 * on a volume that holds ZooKeeper data files reuses it like a restart and never overwrites it.
 */
public final class ZooKeeperFiles {
  private static final Logger LOG = LogManager.getLogger(ZooKeeperFiles.class);

  private ZooKeeperFiles() {}

  /**
   * Creates the directories, looks at the data already there, then writes or checks the config.
   *
   * @return the data found before anything was written
   * @throws LaunchException if the data belongs to another myid, a restart finds no config, or
   *     files cannot be written
   */
  public static DataOnDisk prepare(LaunchSpec spec, ZooKeeperLayout layout)
      throws LaunchException {
    try {
      Files.createDirectories(layout.confDir());
      Files.createDirectories(layout.dataDir());
      Files.createDirectories(layout.transactionLogDir());
      DataOnDisk data = DataOnDisk.scan(layout.dataDir(), layout.transactionLogDir());
      if (data.myid().isPresent() && data.myid().get() != spec.myid()) {
        throw new LaunchException("data directory " + layout.dataDir() + " holds myid "
            + data.myid().get() + " but this task is server myid " + spec.myid()
            + "; refusing to run on another server's data");
      }
      switch (spec.configSource()) {
        case BOOTSTRAP -> bootstrap(spec, layout, data);
        case JOIN -> write(spec, layout);
        case RESTART -> checkRestart(spec, layout);
        default -> throw new IllegalStateException(spec.configSource().toString());
      }
      return data;
    } catch (IOException e) {
      throw new LaunchException("cannot prepare ZooKeeper's files under " + layout.home() + ": "
          + e, e);
    }
  }

  /**
   * A bootstrap writes the initial config, unless the volume already holds this myid's ZooKeeper
   * data files (an initial member relaunched during the bootstrap after its ZooKeeper ran): such a
   * volume is never overwritten; the server restarts from the config on it, as a restart would.
   * Without data files the server never logged, so never acknowledged, a transaction, and writing
   * the same initial config again is the first launch once more.
   */
  private static void bootstrap(LaunchSpec spec, ZooKeeperLayout layout, DataOnDisk data)
      throws IOException, LaunchException {
    if (data.lastZxid().isEmpty()) {
      write(spec, layout);
      return;
    }
    LOG.info("server myid {}: bootstrap launch on a volume holding ZooKeeper data (last zxid"
        + " 0x{}); keeping it and restarting from its config", spec.myid(),
        Long.toHexString(data.lastZxid().get()));
    checkRestart(spec, layout);
  }

  private static void write(LaunchSpec spec, ZooKeeperLayout layout) throws IOException {
    Optional<String> logDir = layout.dataLogDir().map(layout::forZooKeeper);
    String zooCfg = ConfigFiles.zooCfg(spec.zooCfgSpec(layout.forZooKeeper(layout.dataDir()),
        logDir, layout.forZooKeeper(layout.initialDynamicFile())));
    writeAtomically(layout.initialDynamicFile(), spec.dynamicConfig().orElseThrow());
    writeAtomically(layout.dataDir().resolve("myid"), ConfigFiles.myid(spec.myid()));
    writeAtomically(layout.zooCfg(), zooCfg);
    LOG.info("server myid {}: wrote {} config ({}, dynamic file, myid)", spec.myid(),
        spec.configSource().text(), layout.zooCfg());
  }

  private static void checkRestart(LaunchSpec spec, ZooKeeperLayout layout)
      throws IOException, LaunchException {
    if (!Files.isRegularFile(layout.zooCfg())) {
      throw new LaunchException("restart of server myid " + spec.myid() + ": " + layout.zooCfg()
          + " does not exist, so the volume holds no config; refusing to invent one (bootstrap"
          + " or join the server instead)");
    }
    String dynamic = null;
    for (String line : Files.readAllLines(layout.zooCfg(), StandardCharsets.UTF_8)) {
      if (line.startsWith("dynamicConfigFile=")) {
        dynamic = line.substring("dynamicConfigFile=".length()).strip();
      }
    }
    if (dynamic == null || !Files.isRegularFile(layout.home().resolve(dynamic))) {
      throw new LaunchException("restart of server myid " + spec.myid() + ": " + layout.zooCfg()
          + " names dynamic config file '" + dynamic + "', which does not exist under "
          + layout.home());
    }
    if (!Files.isRegularFile(layout.dataDir().resolve("myid"))) {
      throw new LaunchException("restart of server myid " + spec.myid() + ": "
          + layout.dataDir().resolve("myid") + " does not exist");
    }
    LOG.info("server myid {}: restarting from the config on the volume ({}, {})", spec.myid(),
        layout.zooCfg(), dynamic);
  }

  static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

package org.exhibitormesos.executor.exhibitor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.exhibitormesos.core.launch.ExhibitorServer;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.executor.zookeeper.DataOnDisk;
import org.exhibitormesos.executor.zookeeper.LaunchException;

/**
 * Prepares an Exhibitor-mode server's directories and files before Exhibitor starts: the data,
 * log, config and index directories on the volume, the run directory in the sandbox, the default
 * config and the hosts file.
 */
public final class ExhibitorFiles {
  private static final Logger LOG = LogManager.getLogger(ExhibitorFiles.class);

  private ExhibitorFiles() {}

  /**
   * Creates the directories, looks at the data already there, writes the files.
   *
   * @param zookeeperHome the ZooKeeper distribution Exhibitor drives
   * @return the data found before anything was written
   * @throws LaunchException if the data belongs to another myid, the host does not resolve, or
   *     files cannot be written
   */
  public static DataOnDisk prepare(LaunchSpec spec, ExhibitorLayout layout, Path zookeeperHome)
      throws LaunchException {
    try {
      for (Path dir : new Path[] {layout.dataDir(), layout.logDir(), layout.configDir(),
          layout.indexDir(), layout.runDir()}) {
        Files.createDirectories(dir);
      }
      DataOnDisk data = DataOnDisk.scan(layout.dataDir(), layout.logDir());
      if (data.myid().isPresent() && data.myid().get() != spec.myid()) {
        throw new LaunchException("data directory " + layout.dataDir() + " holds myid "
            + data.myid().get() + " but this task is server myid " + spec.myid()
            + "; refusing to run on another server's data");
      }
      Files.deleteIfExists(layout.zooKeeperPidFile());
      writeHosts(layout, spec.host(), spec.exhibitor().orElseThrow().serversSpec().stream()
          .map(ExhibitorServer::host).toList());
      if (spec.zookeeper().log4jProperties().isPresent()) {
        write(layout.zooKeeperLog4j(), spec.zookeeper().log4jProperties().get());
      }
      write(layout.defaultConfig(), ExhibitorDefaults.render(
          ExhibitorDefaults.properties(spec, layout, zookeeperHome)));
      boolean stored = Files.isRegularFile(layout.configDir().resolve("exhibitor.properties"));
      LOG.info("server myid {}: wrote Exhibitor's default config ({}, servers spec {}); {}",
          spec.myid(), layout.defaultConfig(), spec.exhibitor().orElseThrow().serversSpecText(),
          stored ? "Exhibitor's stored config in " + layout.configDir() + " takes precedence"
              : "no stored Exhibitor config yet");
      return data;
    } catch (IOException e) {
      throw new LaunchException("cannot prepare Exhibitor's files under " + layout.home() + ": "
          + e, e);
    }
  }

  /**
   * Writes the hosts file for {@code -Djdk.net.hosts.file}: {@code localhost} mapped to the task's
   * address, since Exhibitor's health check connects to {@code localhost:<clientPort>} and
   * ZooKeeper listens on the task's address only. With that property Java resolves names from
   * this file alone, so every other host of the servers spec that is a name is listed too,
   * resolved here; {@link #refreshHosts} adds names that appear later (the JDK reads the file at
   * each lookup). Addresses need no entry.
   *
   * @throws LaunchException if the task's host does not resolve
   */
  static void writeHosts(ExhibitorLayout layout, String taskHost, List<String> others)
      throws LaunchException, IOException {
    String address;
    try {
      address = InetAddress.getByName(taskHost).getHostAddress();
    } catch (UnknownHostException e) {
      throw new LaunchException("task host " + taskHost + " does not resolve: " + e.getMessage(),
          e);
    }
    write(layout.hostsFile(), hostsText(address, taskHost, resolve(others)));
  }

  /**
   * Adds the names among {@code hosts} the hosts file lacks; names that do not resolve are left
   * out (and retried next time).
   *
   * @return whether the file changed
   */
  public static boolean refreshHosts(ExhibitorLayout layout, List<String> hosts)
      throws IOException {
    List<String> lines = Files.readAllLines(layout.hostsFile(), StandardCharsets.UTF_8);
    Set<String> known = new HashSet<>();
    for (String line : lines) {
      String[] fields = line.strip().split("\\s+");
      known.addAll(List.of(fields).subList(Math.min(1, fields.length), fields.length));
    }
    List<String> missing = hosts.stream().filter(h -> !isAddress(h) && !known.contains(h))
        .distinct().toList();
    Map<String, String> found = resolve(missing);
    if (found.isEmpty()) {
      return false;
    }
    StringBuilder out = new StringBuilder();
    lines.forEach(line -> out.append(line).append('\n'));
    found.forEach((name, address) -> out.append(address).append(' ').append(name).append('\n'));
    write(layout.hostsFile(), out.toString());
    LOG.info("hosts file {}: added {}", layout.hostsFile(), found);
    return true;
  }

  static String hostsText(String address, String taskHost, Map<String, String> others) {
    StringBuilder out = new StringBuilder(address).append(" localhost");
    if (!taskHost.equals(address)) {
      out.append(' ').append(taskHost);
    }
    out.append('\n');
    others.forEach((name, a) -> {
      if (!name.equals(taskHost)) {
        out.append(a).append(' ').append(name).append('\n');
      }
    });
    return out.toString();
  }

  private static Map<String, String> resolve(List<String> hosts) {
    Map<String, String> out = new TreeMap<>();
    for (String host : hosts) {
      if (isAddress(host)) {
        continue;
      }
      try {
        out.put(host, InetAddress.getByName(host).getHostAddress());
      } catch (UnknownHostException e) {
        LOG.warn("servers spec host {} does not resolve; Exhibitor cannot reach it yet", host);
      }
    }
    return out;
  }

  private static boolean isAddress(String host) {
    return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
  }

  private static void write(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

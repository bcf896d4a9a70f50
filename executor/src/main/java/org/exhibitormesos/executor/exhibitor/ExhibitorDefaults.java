package org.exhibitormesos.executor.exhibitor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhibitormesos.core.ensemble.ZooCfgExtra;
import org.exhibitormesos.core.launch.ExhibitorSettings;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.launch.ZooKeeperSettings;

/**
 * The {@code --defaultconfig} file Exhibitor starts from: Java properties named as Exhibitor's
 * shared config ({@code servers-spec}, {@code zoo-cfg-extra} ...). Exhibitor uses it only while
 * its {@code --fsconfigdir} holds no config of its own; after a {@code config/set} its stored
 * config wins (so a relaunch on the same volume keeps the last servers spec the scheduler set).
 * Pure: renders text.
 */
public final class ExhibitorDefaults {
  /** ZooKeeper's timing, as Exhibitor's own defaults have it. */
  static final Map<String, String> TIMING =
      Map.of("tickTime", "2000", "initLimit", "10", "syncLimit", "5");

  private ExhibitorDefaults() {}

  /** The properties, in a stable order. */
  public static Map<String, String> properties(LaunchSpec spec, ExhibitorLayout layout,
      java.nio.file.Path zookeeperHome) {
    ExhibitorSettings exhibitor = spec.exhibitor().orElseThrow();
    ZooKeeperSettings zk = spec.zookeeper();
    Map<String, String> p = new LinkedHashMap<>();
    p.put("zookeeper-install-directory", zookeeperHome.toString());
    p.put("zookeeper-data-directory", layout.dataDir().toString());
    p.put("zookeeper-log-directory", layout.logDir().toString());
    p.put("log-index-directory", layout.indexDir().toString());
    p.put("servers-spec", exhibitor.serversSpecText());
    p.put("client-port", Integer.toString(spec.ports().client()));
    p.put("connect-port", Integer.toString(spec.ports().peer()));
    p.put("election-port", Integer.toString(spec.ports().election()));
    // Seconds, not Exhibitor's 30 s: a member is noticed down, and restarted, within a few checks.
    p.put("check-ms", Long.toString(zk.checkPeriodMs()));
    p.put("zoo-cfg-extra", zooCfgExtra(zk));
    if (zk.cleanupPeriodMs() > 0) {
      p.put("cleanup-period-ms", Long.toString(zk.cleanupPeriodMs()));
    }
    p.put("cleanup-max-files", Integer.toString(zk.cleanupMaxFiles()));
    // java-environment and log4j-properties are not given to Exhibitor: as in native mode they
    // are ZooKeeper's JVM options and log4j2 configuration, which zkServer.sh receives from the
    // executor (ExhibitorCommand).
    p.put("auto-manage-instances", "0");
    p.putAll(exhibitor.sharedConfig());
    return p;
  }

  /**
   * Exhibitor's encoding of {@code zoo-cfg-extra}: {@code key=value} pairs joined by {@code &},
   * URL-encoded. ZooKeeper's timing first, then the 4lw whitelist Exhibitor's health check needs
   * ({@code ruok}, {@code srvr}; without it Exhibitor restarts a healthy ZooKeeper every check),
   * then the operator's entries, which may override the timing.
   */
  static String zooCfgExtra(ZooKeeperSettings zk) {
    Map<String, String> entries = new LinkedHashMap<>(new java.util.TreeMap<>(TIMING));
    entries.put("4lw.commands.whitelist", String.join(",", zk.fourLetterWords()));
    for (ZooCfgExtra.Entry entry : zk.extra().entries()) {
      entries.put(entry.key(), entry.value());
    }
    List<String> pairs = new ArrayList<>();
    entries.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
    return String.join("&", pairs);
  }

  /** The properties file's text (ISO-8859-1 safe: {@link java.util.Properties} escapes). */
  public static String render(Map<String, String> properties) {
    StringBuilder out = new StringBuilder("# Written by the exhibitor-mesos executor.\n");
    properties.forEach((k, v) -> out.append(escape(k)).append('=').append(escape(v))
        .append('\n'));
    return out.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '=', ':', '#', '!' -> out.append('\\').append(c);
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}

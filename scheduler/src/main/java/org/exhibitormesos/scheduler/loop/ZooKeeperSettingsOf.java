package org.exhibitormesos.scheduler.loop;

import java.util.Optional;
import org.exhibitormesos.core.launch.ZooKeeperSettings;
import org.exhibitormesos.core.server.ServerSettings;

/** The executor's ZooKeeper settings from a server's configured options. */
final class ZooKeeperSettingsOf {
  /** Memory the executor and the JVM's own overhead need besides ZooKeeper's heap, MB. */
  static final int OVERHEAD_MB = 96;

  private ZooKeeperSettingsOf() {
  }

  /**
   * @param withVolume whether the server keeps its data on a persistent volume (then the data and
   *     log directory overrides do not apply)
   */
  static ZooKeeperSettings of(ServerSettings settings, String superDigest, boolean withVolume) {
    var o = settings.sharedOverrides();
    ZooKeeperSettings zk = ZooKeeperSettings.defaults().withSuperDigest(superDigest);
    int heap = (int) Math.max(ZooKeeperSettings.MIN_HEAP_MB,
        Math.min(ZooKeeperSettings.DEFAULT_HEAP_MB, settings.resources().memMb() - OVERHEAD_MB));
    zk = zk.withHeapMb(heap);
    zk = zk.withText(o.getOrDefault("zoo-cfg-extra", ""), "", Optional.ofNullable(o.get("log4j-properties")));
    if (o.containsKey("check-ms")) {
      zk = zk.withProbes(Math.max(ZooKeeperSettings.MIN_CHECK_PERIOD_MS, Long.parseLong(o.get("check-ms").trim())),
          zk.probeFailuresAllowed(), zk.readyTimeoutMs());
    }
    if (o.containsKey("cleanup-period-ms") || o.containsKey("cleanup-max-files")) {
      zk = zk.withCleanup(Long.parseLong(o.getOrDefault("cleanup-period-ms", "0").trim()),
          Integer.parseInt(o.getOrDefault("cleanup-max-files", "3").trim()));
    }
    if (!withVolume) {
      zk = zk.withDirectories(Optional.ofNullable(o.get("zookeeper-data-directory")),
          Optional.ofNullable(o.get("zookeeper-log-directory")));
    }
    return zk;
  }
}

package org.exhibitormesos.core.launch;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.config.ConfigOption;
import org.exhibitormesos.core.config.OptionGroup;

/**
 * What a task in Exhibitor mode needs beyond {@link ZooKeeperSettings}. ZooKeeper's own settings
 * ({@code zoo-cfg-extra}, the 4lw whitelist, {@code check-ms}, cleanup, {@code java-environment},
 * heap) still come from {@link ZooKeeperSettings}; the ports from the task's ports (the admin
 * port is Exhibitor's UI and REST port).
 *
 * @param flags Exhibitor's pass-through flags by name without dashes ({@code configcheckms} ...),
 *     each one of the Exhibitor options of {@link ConfigOption}; {@value #DEFAULT_CONFIG_FLAG} is
 *     not accepted (the executor writes Exhibitor's default config itself)
 * @param serversSpec the servers spec Exhibitor starts with; it must list this task's server
 *     (an Exhibitor outside its spec runs a stray standalone ZooKeeper)
 * @param heapMb Exhibitor's own maximum heap, {@value #MIN_HEAP_MB}..{@value #MAX_HEAP_MB} MB
 * @param sharedConfig the shared-config values Exhibitor keeps that have no ZooKeeper setting:
 *     only {@link #SHARED_KEYS} ({@code backup-extra}, {@code backup-max-store-ms},
 *     {@code backup-period-ms})
 */
public record ExhibitorSettings(SortedMap<String, String> flags, List<ExhibitorServer> serversSpec,
    int heapMb, SortedMap<String, String> sharedConfig) {
  public static final String DEFAULT_CONFIG_FLAG = "defaultconfig";
  public static final int DEFAULT_HEAP_MB = 128;
  public static final int MIN_HEAP_MB = 64;
  public static final int MAX_HEAP_MB = 8192;
  /** The shared-config names {@link #sharedConfig} may hold. */
  public static final Set<String> SHARED_KEYS =
      Set.of("backup-extra", "backup-max-store-ms", "backup-period-ms");

  /** @throws InvalidInputException naming the flag, key or value that is not accepted */
  public ExhibitorSettings {
    flags = sorted(flags);
    serversSpec = List.copyOf(serversSpec);
    sharedConfig = sorted(sharedConfig);
    for (Map.Entry<String, String> flag : flags.entrySet()) {
      ConfigOption option = ConfigOption.byName(flag.getKey())
          .filter(o -> o.group() == OptionGroup.EXHIBITOR)
          .orElseThrow(() -> new InvalidInputException("'" + flag.getKey()
              + "' is not an Exhibitor flag"));
      if (option == ConfigOption.DEFAULTCONFIG) {
        throw new InvalidInputException("Exhibitor flag defaultconfig is written by the executor"
            + " (from the shared-config settings); it cannot be passed through");
      }
      if (flag.getValue() == null || flag.getValue().isBlank()
          || flag.getValue().chars().anyMatch(Character::isISOControl)) {
        throw new InvalidInputException("Exhibitor flag " + flag.getKey()
            + " has a blank value or a control character");
      }
    }
    for (String key : sharedConfig.keySet()) {
      if (!SHARED_KEYS.contains(key)) {
        throw new InvalidInputException("shared config '" + key + "' is not one of "
            + new java.util.TreeSet<>(SHARED_KEYS)
            + "; ZooKeeper's settings and ports have their own fields");
      }
    }
    if (serversSpec.isEmpty()) {
      throw new InvalidInputException("servers spec is empty");
    }
    if (serversSpec.stream().map(ExhibitorServer::id).distinct().count() != serversSpec.size()) {
      throw new InvalidInputException("servers spec lists an id twice: "
          + ExhibitorServer.renderSpec(serversSpec));
    }
    if (heapMb < MIN_HEAP_MB || heapMb > MAX_HEAP_MB) {
      throw new InvalidInputException("Exhibitor heap " + heapMb + " MB is not in " + MIN_HEAP_MB
          + ".." + MAX_HEAP_MB);
    }
  }

  /** No flags, no shared config, the default heap. */
  public static ExhibitorSettings of(List<ExhibitorServer> serversSpec) {
    return new ExhibitorSettings(new TreeMap<>(), serversSpec, DEFAULT_HEAP_MB, new TreeMap<>());
  }

  /** This with other pass-through flags. */
  public ExhibitorSettings withFlags(Map<String, String> value) {
    return new ExhibitorSettings(new TreeMap<>(value), serversSpec, heapMb, sharedConfig);
  }

  /** This with another heap. */
  public ExhibitorSettings withHeapMb(int mb) {
    return new ExhibitorSettings(flags, serversSpec, mb, sharedConfig);
  }

  /** This with other shared-config values. */
  public ExhibitorSettings withSharedConfig(Map<String, String> value) {
    return new ExhibitorSettings(flags, serversSpec, heapMb, new TreeMap<>(value));
  }

  /** The servers spec as Exhibitor writes it. */
  public String serversSpecText() {
    return ExhibitorServer.renderSpec(serversSpec);
  }

  private static SortedMap<String, String> sorted(Map<String, String> map) {
    Objects.requireNonNull(map, "map");
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }
}

package org.exhibitormesos.core.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.placement.Constraints;

/**
 * What the operator configured for one server ({@code add} and {@code config}); changes apply at
 * the next launch.
 *
 * @param resources           cpus, memory and disk for the task
 * @param constraints         placement constraints (default {@code hostname=unique})
 * @param exhibitorFlags      Exhibitor pass-through flags by name ({@code configcheckms} ...), used in Exhibitor mode
 * @param sharedOverrides     shared-config overrides by name ({@code zoo-cfg-extra}, {@code client-port} ...)
 * @param adminPorts          port ranges the admin / Exhibitor UI port must come from; empty = any offered port
 * @param javaOptions         JVM options for the executor
 * @param stickinessPeriod    how long after a task ended a relaunch stays on the previous agent
 * @param failover            when a failed server is relaunched
 * @param configChangeBackoff the original's {@code sharedConfigChangeBackoff}
 */
public record ServerSettings(Resources resources, Constraints constraints, SortedMap<String, String> exhibitorFlags,
              SortedMap<String, String> sharedOverrides, List<PortRange> adminPorts, String javaOptions,
              Duration stickinessPeriod, FailoverPolicy failover, Duration configChangeBackoff) {
  public static final Constraints DEFAULT_CONSTRAINTS = Constraints.parse("hostname=unique");
  public static final Duration DEFAULT_STICKINESS = Duration.ofMinutes(10);
  public static final Duration DEFAULT_CONFIG_CHANGE_BACKOFF = Duration.ofMillis(10_000);

  public static final ServerSettings DEFAULT = new ServerSettings(Resources.DEFAULT, DEFAULT_CONSTRAINTS,
      new TreeMap<>(), new TreeMap<>(), List.of(), "", DEFAULT_STICKINESS, FailoverPolicy.DEFAULT,
      DEFAULT_CONFIG_CHANGE_BACKOFF);

  public ServerSettings {
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(constraints, "constraints");
    exhibitorFlags = unmodifiableSorted(exhibitorFlags);
    sharedOverrides = unmodifiableSorted(sharedOverrides);
    adminPorts = List.copyOf(adminPorts);
    Objects.requireNonNull(javaOptions, "javaOptions");
    if (stickinessPeriod.isNegative()) {
      throw new InvalidInputException("stickiness-period must not be negative");
    }
    Objects.requireNonNull(failover, "failover");
    if (configChangeBackoff.isNegative()) {
      throw new InvalidInputException("configchangebackoff must not be negative");
    }
  }

  private static SortedMap<String, String> unmodifiableSorted(Map<String, String> map) {
    return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  /** The port an override pins ({@code client-port}, {@code connect-port}, {@code election-port}), if any. */
  public Optional<Integer> pinnedPort(String overrideName) {
    String v = sharedOverrides.get(overrideName);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(v.trim()));
  }

  public ServerSettings withResources(Resources value) {
    return new ServerSettings(value, constraints, exhibitorFlags, sharedOverrides, adminPorts, javaOptions,
        stickinessPeriod, failover, configChangeBackoff);
  }

  public ServerSettings withConstraints(Constraints value) {
    return new ServerSettings(resources, value, exhibitorFlags, sharedOverrides, adminPorts, javaOptions,
        stickinessPeriod, failover, configChangeBackoff);
  }

  public ServerSettings withExhibitorFlags(Map<String, String> value) {
    return new ServerSettings(resources, constraints, new TreeMap<>(value), sharedOverrides, adminPorts, javaOptions,
        stickinessPeriod, failover, configChangeBackoff);
  }

  public ServerSettings withSharedOverrides(Map<String, String> value) {
    return new ServerSettings(resources, constraints, exhibitorFlags, new TreeMap<>(value), adminPorts, javaOptions,
        stickinessPeriod, failover, configChangeBackoff);
  }

  public ServerSettings withAdminPorts(List<PortRange> value) {
    return new ServerSettings(resources, constraints, exhibitorFlags, sharedOverrides, value, javaOptions,
        stickinessPeriod, failover, configChangeBackoff);
  }

  public ServerSettings withJavaOptions(String value) {
    return new ServerSettings(resources, constraints, exhibitorFlags, sharedOverrides, adminPorts, value,
        stickinessPeriod, failover, configChangeBackoff);
  }

  public ServerSettings withStickinessPeriod(Duration value) {
    return new ServerSettings(resources, constraints, exhibitorFlags, sharedOverrides, adminPorts, javaOptions,
        value, failover, configChangeBackoff);
  }

  public ServerSettings withFailover(FailoverPolicy value) {
    return new ServerSettings(resources, constraints, exhibitorFlags, sharedOverrides, adminPorts, javaOptions,
        stickinessPeriod, value, configChangeBackoff);
  }

  public ServerSettings withConfigChangeBackoff(Duration value) {
    return new ServerSettings(resources, constraints, exhibitorFlags, sharedOverrides, adminPorts, javaOptions,
        stickinessPeriod, failover, value);
  }
}

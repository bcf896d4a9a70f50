package org.exhibitormesos.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.exhibitormesos.core.placement.Constraints;
import org.exhibitormesos.core.server.FailoverPolicy;
import org.exhibitormesos.core.server.PortRange;
import org.exhibitormesos.core.server.Resources;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.time.Durations;

/**
 * {@link ServerSettings} being edited, field by field. The failover fields are kept apart so that
 * {@code failover-delay} and {@code failover-max-delay} may change together in any order; their
 * combination is checked by {@link #problems()}. Not thread-safe; lives for one edit.
 */
final class SettingsDraft {
  private static final ServerSettings DEFAULTS = ServerSettings.DEFAULT;
  private static final List<ConfigOption> PINNED_PORTS =
      List.of(ConfigOption.CLIENT_PORT, ConfigOption.CONNECT_PORT, ConfigOption.ELECTION_PORT);

  private final SortedMap<String, String> exhibitorFlags;
  private final SortedMap<String, String> sharedOverrides;
  private Resources resources;
  private Constraints constraints;
  private List<PortRange> adminPorts;
  private String javaOptions;
  private Duration stickinessPeriod;
  private Duration failoverDelay;
  private Duration failoverMaxDelay;
  private Optional<Integer> failoverMaxTries;
  private Duration configChangeBackoff;

  SettingsDraft(ServerSettings base) {
    exhibitorFlags = new TreeMap<>(base.exhibitorFlags());
    sharedOverrides = new TreeMap<>(base.sharedOverrides());
    resources = base.resources();
    constraints = base.constraints();
    adminPorts = base.adminPorts();
    javaOptions = base.javaOptions();
    stickinessPeriod = base.stickinessPeriod();
    failoverDelay = base.failover().delay();
    failoverMaxDelay = base.failover().maxDelay();
    failoverMaxTries = base.failover().maxTries();
    configChangeBackoff = base.configChangeBackoff();
  }

  /**
   * Sets one option.
   *
   * @param value the canonical value from the option's {@link ValueRule}, or empty to go back to
   *     the default
   */
  void set(ConfigOption option, String value) {
    boolean reset = value.isEmpty();
    switch (option.group()) {
      case EXHIBITOR -> put(exhibitorFlags, option, value);
      case SHARED -> put(sharedOverrides, option, value);
      case FRAMEWORK, RESOURCE -> setTyped(option, reset ? Optional.empty() : Optional.of(value));
    }
  }

  private static void put(Map<String, String> map, ConfigOption option, String value) {
    if (value.isEmpty()) {
      map.remove(option.optionName());
    } else {
      map.put(option.optionName(), value);
    }
  }

  private void setTyped(ConfigOption option, Optional<String> value) {
    Resources defaultResources = DEFAULTS.resources();
    FailoverPolicy defaultFailover = DEFAULTS.failover();
    switch (option) {
      case PORT -> adminPorts = value.map(PortRange::parseList).orElse(List.of());
      case JAVA_OPTIONS -> javaOptions = value.orElse("");
      case STICKINESS_PERIOD -> stickinessPeriod = duration(value, DEFAULTS.stickinessPeriod());
      case FAILOVER_DELAY -> failoverDelay = duration(value, defaultFailover.delay());
      case FAILOVER_MAX_DELAY -> failoverMaxDelay = duration(value, defaultFailover.maxDelay());
      case FAILOVER_MAX_TRIES -> failoverMaxTries = value.map(Integer::valueOf);
      case CPU -> resources = resources.withCpus(amount(value, defaultResources.cpus()));
      case MEM -> resources = resources.withMemMb(amount(value, defaultResources.memMb()));
      case DISK -> resources = resources.withDiskMb(amount(value, defaultResources.diskMb()));
      case CONSTRAINTS -> constraints = value.map(SettingsDraft::constraints).orElse(DEFAULTS.constraints());
      case CONFIGCHANGEBACKOFF -> configChangeBackoff =
          value.map(ms -> Duration.ofMillis(Long.parseLong(ms))).orElse(DEFAULTS.configChangeBackoff());
      default -> throw new AssertionError("not a typed setting: " + option);
    }
  }

  private static Duration duration(Optional<String> value, Duration fallback) {
    return value.map(Durations::parse).orElse(fallback);
  }

  private static double amount(Optional<String> value, double fallback) {
    return value.map(Double::parseDouble).orElse(fallback);
  }

  private static Constraints constraints(String value) {
    return value.equals(ValueRule.NO_CONSTRAINTS) ? Constraints.NONE : Constraints.parse(value);
  }

  /** Problems between options, each of which is valid on its own. */
  List<ConfigProblem> problems() {
    List<ConfigProblem> problems = new ArrayList<>();
    if (failoverMaxDelay.compareTo(failoverDelay) < 0) {
      problems.add(new ConfigProblem(ConfigOption.FAILOVER_DELAY.optionName(),
          "failover-delay " + Durations.format(failoverDelay) + " is longer than failover-max-delay "
              + Durations.format(failoverMaxDelay) + "; change them together"));
    }
    for (int i = 0; i < PINNED_PORTS.size(); i++) {
      for (int j = i + 1; j < PINNED_PORTS.size(); j++) {
        String first = PINNED_PORTS.get(i).optionName();
        String second = PINNED_PORTS.get(j).optionName();
        String port = sharedOverrides.get(first);
        if (port != null && port.equals(sharedOverrides.get(second))) {
          problems.add(new ConfigProblem(first,
              first + " and " + second + " are both " + port + "; each needs its own port"));
        }
      }
    }
    return problems;
  }

  /** The edited settings; call only when {@link #problems()} is empty. */
  ServerSettings build() {
    return new ServerSettings(resources, constraints, exhibitorFlags, sharedOverrides, adminPorts,
        javaOptions, stickinessPeriod,
        new FailoverPolicy(failoverDelay, failoverMaxDelay, failoverMaxTries), configChangeBackoff);
  }
}

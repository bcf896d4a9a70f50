package org.exhibitormesos.core.config;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.exhibitormesos.core.placement.Constraints;
import org.exhibitormesos.core.server.PortRange;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.time.Durations;

/**
 * A server's settings as option name to value, in the form operators type, grouped as status
 * output shows them. Applying {@link #all()} to {@link ServerSettings#DEFAULT} with
 * {@link SettingsEditor} gives back the settings it was made from.
 *
 * <p>Exhibitor flags and shared-config overrides appear only when set. Framework settings and
 * resources always appear, except {@code port} (any offered port), {@code java-options} (none) and
 * {@code failover-max-tries} (no limit) when they have no value. Durations are in their shortest
 * form ({@code 10m}), amounts without trailing zeros ({@code 256}), {@code configchangebackoff} in
 * milliseconds, and no constraints as {@code none}.
 *
 * @param exhibitorConfig Exhibitor flags ("exhibitor config" in status output)
 * @param sharedOverrides shared-config overrides ("shared config overrides")
 * @param framework framework settings
 * @param resources resources, constraints and {@code configchangebackoff}
 */
public record OptionValues(SortedMap<String, String> exhibitorConfig, SortedMap<String, String> sharedOverrides,
    SortedMap<String, String> framework, SortedMap<String, String> resources) {

  public OptionValues {
    exhibitorConfig = copy(exhibitorConfig);
    sharedOverrides = copy(sharedOverrides);
    framework = copy(framework);
    resources = copy(resources);
  }

  /** The current values of {@code settings}. */
  public static OptionValues of(ServerSettings settings) {
    SortedMap<String, String> framework = new TreeMap<>();
    if (!settings.adminPorts().isEmpty()) {
      framework.put(ConfigOption.PORT.optionName(), PortRange.formatList(settings.adminPorts()));
    }
    if (!settings.javaOptions().isEmpty()) {
      framework.put(ConfigOption.JAVA_OPTIONS.optionName(), settings.javaOptions());
    }
    framework.put(ConfigOption.STICKINESS_PERIOD.optionName(), Durations.format(settings.stickinessPeriod()));
    framework.put(ConfigOption.FAILOVER_DELAY.optionName(), Durations.format(settings.failover().delay()));
    framework.put(ConfigOption.FAILOVER_MAX_DELAY.optionName(), Durations.format(settings.failover().maxDelay()));
    settings.failover().maxTries().ifPresent(
        tries -> framework.put(ConfigOption.FAILOVER_MAX_TRIES.optionName(), Integer.toString(tries)));

    SortedMap<String, String> resources = new TreeMap<>();
    resources.put(ConfigOption.CPU.optionName(), ValueRule.render(settings.resources().cpus()));
    resources.put(ConfigOption.MEM.optionName(), ValueRule.render(settings.resources().memMb()));
    resources.put(ConfigOption.DISK.optionName(), ValueRule.render(settings.resources().diskMb()));
    resources.put(ConfigOption.CONSTRAINTS.optionName(), constraints(settings.constraints()));
    resources.put(ConfigOption.CONFIGCHANGEBACKOFF.optionName(),
        Long.toString(settings.configChangeBackoff().toMillis()));
    return new OptionValues(settings.exhibitorFlags(), settings.sharedOverrides(), framework, resources);
  }

  /** Every value of the four groups in one map. */
  public SortedMap<String, String> all() {
    SortedMap<String, String> all = new TreeMap<>(exhibitorConfig);
    all.putAll(sharedOverrides);
    all.putAll(framework);
    all.putAll(resources);
    return Collections.unmodifiableSortedMap(all);
  }

  private static String constraints(Constraints constraints) {
    return constraints.isEmpty() ? ValueRule.NO_CONSTRAINTS : constraints.toString();
  }

  private static SortedMap<String, String> copy(Map<String, String> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }
}

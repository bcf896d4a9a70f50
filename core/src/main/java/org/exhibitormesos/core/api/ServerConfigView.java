package org.exhibitormesos.core.api;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A server's option values, by option name (see {@code ConfigOption}), in the form operators type.
 * Maps are sorted by name and never null.
 *
 * @param exhibitor Exhibitor flags that are set ("exhibitor config")
 * @param sharedOverrides shared-config overrides that are set ("shared config overrides")
 * @param framework framework settings ({@code port}, {@code java-options}, {@code stickiness-period},
 *     {@code failover-*}) and {@code configchangebackoff}; options without a value are absent
 *     ({@code port} absent = any offered port)
 */
public record ServerConfigView(Map<String, String> exhibitor, Map<String, String> sharedOverrides,
    Map<String, String> framework) {

  /** No values at all. */
  public static final ServerConfigView EMPTY = new ServerConfigView(Map.of(), Map.of(), Map.of());

  public ServerConfigView {
    exhibitor = sorted(exhibitor);
    sharedOverrides = sorted(sharedOverrides);
    framework = sorted(framework);
  }

  private static SortedMap<String, String> sorted(Map<String, String> map) {
    return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
  }
}

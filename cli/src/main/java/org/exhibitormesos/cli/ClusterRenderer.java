package org.exhibitormesos.cli;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.exhibitormesos.core.api.EnsembleView;
import org.exhibitormesos.core.api.MemberView;
import org.exhibitormesos.core.api.PortsView;
import org.exhibitormesos.core.api.ServerView;
import org.exhibitormesos.core.api.StatusView;
import org.exhibitormesos.core.config.ConfigOption;

/**
 * Renders a status as the original's {@code cluster:} tree, extended with what the new scheduler knows:
 * why a server waits, where it runs, its ports and volume, and the ensemble (connection string,
 * quorum, configuration version, members). Lines for values a server does not have yet are left out.
 * Pure and thread-safe; lines end with {@code \n}.
 */
final class ClusterRenderer {
  private static final String CONFIG_CHANGE_BACKOFF = ConfigOption.CONFIGCHANGEBACKOFF.optionName();
  private static final String PORT = ConfigOption.PORT.optionName();

  private ClusterRenderer() {}

  static String render(StatusView status) {
    StringBuilder out = new StringBuilder("cluster:\n");
    for (ServerView server : status.servers()) {
      server(out, server);
    }
    if (status.ensemble() != null) {
      ensemble(out, status.ensemble());
    }
    return out.toString();
  }

  private static void server(StringBuilder out, ServerView s) {
    out.append("  server:\n");
    line(out, "id", Integer.toString(s.id()));
    line(out, "state", s.state());
    line(out, "desired", s.desired());
    optional(out, "reason", s.reason());
    optional(out, "hostname", s.hostname());
    optional(out, "task", s.taskId());
    optional(out, "myid", s.myid() == null ? null : s.myid().toString());
    optional(out, "endpoint", s.endpoint());
    line(out, "constraints", s.constraints());
    line(out, "exhibitor config", pairs(s.config().exhibitor()));
    line(out, "shared config overrides", pairs(s.config().sharedOverrides()));
    Map<String, String> framework = s.config().framework();
    line(out, "framework settings", framework.entrySet().stream()
        .filter(e -> !e.getKey().equals(CONFIG_CHANGE_BACKOFF) && !e.getKey().equals(PORT))
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
    line(out, "cpu", Double.toString(s.cpu()));
    line(out, "mem", Double.toString(s.mem()));
    line(out, "disk", Double.toString(s.disk()));
    optional(out, "volume", s.volume());
    optional(out, "sharedConfigChangeBackoff", framework.get(CONFIG_CHANGE_BACKOFF));
    line(out, "port", framework.getOrDefault(PORT, "auto"));
    if (s.ports() != null) {
      line(out, "ports", ports(s.ports()));
    }
    if (s.exhibitorCluster() != null) {
      out.append("    exhibitor cluster:\n");
      s.exhibitorCluster().forEach(l -> out.append("      ").append(l).append('\n'));
    }
  }

  private static void ensemble(StringBuilder out, EnsembleView e) {
    out.append("  ensemble:\n");
    if (!e.connectString().isEmpty()) {
      line(out, "connection string", e.connectString());
    }
    line(out, "quorum", Integer.toString(e.quorum()));
    optional(out, "config version", e.configVersion());
    if (!e.members().isEmpty()) {
      out.append("    members:\n");
      for (MemberView m : e.members()) {
        out.append("      [").append(m.myid()).append(", ").append(m.host()).append(", ")
            .append(lower(m.role())).append(", ").append(lower(m.mode())).append("]\n");
      }
    }
  }

  private static String ports(PortsView p) {
    return "client=" + port(p.client()) + ", peer=" + port(p.peer()) + ", election=" + port(p.election())
        + ", admin=" + port(p.admin());
  }

  private static String port(Integer port) {
    return port == null ? "auto" : port.toString();
  }

  private static String pairs(Map<String, String> values) {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static void optional(StringBuilder out, String name, String value) {
    if (value != null) {
      line(out, name, value);
    }
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append("    ").append(name).append(':');
    if (!value.isEmpty()) {
      // Multi-line values (java-environment, log4j-properties) stay on their line.
      out.append(' ').append(value.replace("\r", "\\r").replace("\n", "\\n"));
    }
    out.append('\n');
  }
}

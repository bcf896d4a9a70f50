package org.exhibitormesos.scheduler.membership.exhibitor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.exhibitormesos.exhibitor.client.MemberStatus;
import org.exhibitormesos.exhibitor.client.ServersSpec;

/** Reads an Exhibitor {@code cluster/status} view against the servers spec it should show. Pure. */
final class ClusterHealth {
  private ClusterHealth() {
  }

  /**
   * True when the view lists exactly the spec's hosts, exactly one of them leads, a majority of
   * them serve, and every host of {@code mustServe} serves.
   */
  static boolean formed(List<MemberStatus> view, ServersSpec spec, Set<String> mustServe) {
    Set<String> hosts = new HashSet<>();
    spec.entries().forEach(e -> hosts.add(e.host()));
    Set<String> shown = new HashSet<>();
    view.forEach(m -> shown.add(m.hostname()));
    if (!shown.equals(hosts) || view.size() != hosts.size()) {
      return false;
    }
    long leaders = view.stream().filter(m -> m.serving() && m.leader()).count();
    long serving = view.stream().filter(MemberStatus::serving).count();
    boolean required = view.stream().filter(m -> mustServe.contains(m.hostname())).allMatch(MemberStatus::serving);
    return leaders == 1 && serving > hosts.size() / 2 && required;
  }

  /** The view as one line for logs. */
  static String describe(List<MemberStatus> view) {
    return String.join(" ", view.stream().map(MemberStatus::line).toList());
  }
}

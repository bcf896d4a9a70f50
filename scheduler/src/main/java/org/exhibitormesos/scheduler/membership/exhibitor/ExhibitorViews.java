package org.exhibitormesos.scheduler.membership.exhibitor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.exhibitor.client.MemberStatus;

/**
 * The last {@code cluster/status} each server's Exhibitor answered, for the status. Written by the
 * Exhibitor membership driver's thread, read by the API's; thread safe (an immutable map swapped
 * whole). Not state: nothing is persisted or decided from it.
 */
public final class ExhibitorViews {
  private volatile Map<ServerId, List<MemberStatus>> views = Map.of();

  /** Replaces every view; servers left out have none. */
  public void publish(Map<ServerId, List<MemberStatus>> value) {
    views = Map.copyOf(value);
  }

  /** The server's Exhibitor cluster view as {@code [host, description, code, L|F]} lines; empty if none. */
  public Optional<List<String>> lines(ServerId server) {
    return Optional.ofNullable(views.get(server)).map(v -> v.stream().map(MemberStatus::line).toList());
  }
}

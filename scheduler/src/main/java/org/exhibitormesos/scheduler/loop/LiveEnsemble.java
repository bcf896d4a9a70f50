package org.exhibitormesos.scheduler.loop;

import java.util.List;
import java.util.Objects;

/**
 * The ensemble as the membership driver last read it from ZooKeeper (native mode) or Exhibitor.
 *
 * @param configVersion the committed configuration's version ({@code version=} in ZooKeeper's
 *     dynamic config); 0 when unknown
 * @param connectString the client connection string of the committed members, {@code host:port,...}
 * @param members the committed configuration's members with their probed modes
 */
public record LiveEnsemble(long configVersion, String connectString, List<LiveMember> members) {
  public LiveEnsemble {
    Objects.requireNonNull(connectString, "connectString");
    members = List.copyOf(members);
  }
}

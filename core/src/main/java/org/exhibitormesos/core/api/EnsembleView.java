package org.exhibitormesos.core.api;

import java.util.List;
import java.util.Objects;

/**
 * The ensemble: its committed configuration and a live view of its members.
 *
 * @param connectString the client connection string, {@code host:port,...}; empty while no member
 *     is placed
 * @param quorum voters needed for a majority
 * @param configVersion the committed configuration's version in hex, as ZooKeeper writes it
 *     ({@code version=100000003}); nullable (absent before the first commit or when unknown)
 * @param members by ascending myid; never null
 */
public record EnsembleView(String connectString, int quorum, String configVersion, List<MemberView> members) {
  public EnsembleView {
    connectString = Objects.requireNonNullElse(connectString, "");
    members = members == null ? List.of() : List.copyOf(members);
  }
}

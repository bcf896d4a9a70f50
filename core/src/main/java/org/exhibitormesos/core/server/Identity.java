package org.exhibitormesos.core.server;

import java.util.Optional;

/**
 * The ZooKeeper identity of a server's current data incarnation: its {@code myid} (1..254) and
 * where it stands in the ensemble's membership.
 *
 * <p>A server relaunched with its data keeps its myid. A server whose data is gone gets a new myid
 * (allocated by {@link org.exhibitormesos.core.state.MyidAllocator}), joins as an observer and
 * replaces the old id by one reconfiguration: a voter never comes back with an empty disk under an
 * old id, which could lose acknowledged writes.
 */
public record Identity(Optional<Integer> myid, Membership membership) {
  public static final Identity NONE = new Identity(Optional.empty(), Membership.NONE);

  public Identity {
    myid.ifPresent(m -> {
      if (m < 1 || m > 254) {
        throw new IllegalArgumentException("myid " + m + " is outside 1..254");
      }
    });
  }

  /** Where an identity stands in the committed ZooKeeper configuration. */
  public enum Membership {
    /** Not in any configuration. */
    NONE,
    /** In the bootstrap configuration (written before launch), or launched as a joining observer. */
    JOINING,
    /** A voting participant of the committed configuration. */
    VOTER,
    /** Being reconfigured out of the committed configuration. */
    LEAVING
  }

  public static Identity of(int myid, Membership membership) {
    return new Identity(Optional.of(myid), membership);
  }

  public Identity withMembership(Membership value) {
    return new Identity(myid, value);
  }
}

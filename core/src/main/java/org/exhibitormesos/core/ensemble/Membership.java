package org.exhibitormesos.core.ensemble;

import org.exhibitormesos.core.InvalidInputException;

/** Where a {@code zoo.cfg} takes the server list from. */
public sealed interface Membership permits Membership.DynamicFile, Membership.Inline {

  /**
   * Native mode: the server list lives in a dynamic config file that ZooKeeper owns after the first
   * commit; {@code zoo.cfg} only points at it and reconfiguration is enabled.
   *
   * @param path the dynamic file's path as the server sees it
   */
  record DynamicFile(String path) implements Membership {
    /** @throws InvalidInputException if the path is not a valid {@code zoo.cfg} value */
    public DynamicFile {
      CfgValues.require("dynamicConfigFile", path);
    }
  }

  /**
   * A static configuration: server lines, {@code clientPort} and {@code clientPortAddress} inline;
   * reconfiguration disabled. Used for the "bare ZooKeeper" benchmark floor and Exhibitor mode.
   *
   * @param ensemble every server
   * @param myid the server this file is for; its client host and port become
   *     {@code clientPortAddress} and {@code clientPort}
   */
  record Inline(Ensemble ensemble, int myid) implements Membership {
    /** @throws InvalidInputException if {@code myid} is not a member of {@code ensemble} */
    public Inline {
      if (ensemble.member(myid).isEmpty()) {
        throw new InvalidInputException(
            "server " + myid + " is not in the ensemble " + ensemble.connectString());
      }
    }

    /** The member this file is for. */
    public EnsembleMember self() {
      return ensemble.member(myid).orElseThrow();
    }
  }

  /** Native mode with this dynamic config file. */
  static Membership dynamicFile(String path) {
    return new DynamicFile(path);
  }

  /** Static mode for server {@code myid} of {@code ensemble}. */
  static Membership inline(Ensemble ensemble, int myid) {
    return new Inline(ensemble, myid);
  }
}

package org.exhibitormesos.core.ensemble;

import java.util.List;

/** The example ensembles the golden files are rendered from. */
final class Fixtures {

  private Fixtures() {}

  static final String DATA_DIR = "/mnt/zk/data";
  static final String DYNAMIC_FILE = "/mnt/zk/conf/zoo.cfg.dynamic";

  static EnsembleMember voter(int myid) {
    return EnsembleMember.participant(myid, "10.0.0." + myid, 2888, 3888, 2181);
  }

  static List<EnsembleMember> threeVoters() {
    return List.of(voter(3), voter(1), voter(2));
  }

  static EnsembleMember joiner() {
    return EnsembleMember.participant(4, "10.0.0.4", 2888, 3888, 2181);
  }
}

package org.exhibitormesos.core.ensemble;

import org.exhibitormesos.core.InvalidInputException;

/** Majority-quorum arithmetic, as ZooKeeper's majority verifier counts voters. */
public final class Quorum {

  private Quorum() {}

  /**
   * Smallest number of voters whose acknowledgements commit a change: {@code floor(voters/2)+1}.
   *
   * @throws InvalidInputException if {@code voters < 1}: an ensemble without voters has no quorum
   */
  public static int majority(int voters) {
    if (voters < 1) {
      throw new InvalidInputException(
          "an ensemble needs at least 1 voter to have a quorum, got " + voters);
    }
    return voters / 2 + 1;
  }

  /**
   * How many voters can fail while the rest still form a quorum: 1→0, 2→0, 3→1, 4→1, 5→2.
   *
   * @throws InvalidInputException if {@code voters < 1}
   */
  public static int toleratedFailures(int voters) {
    return voters - majority(voters);
  }
}

package org.exhibitormesos.core.ensemble;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.exhibitormesos.core.InvalidInputException;

/**
 * A ZooKeeper membership: its servers in ascending {@code myid} order and the config version.
 *
 * @param members every server, voters and observers, sorted by myid; ids are distinct and at least
 *     one member is a voter
 * @param version the config version ({@code version=} line of {@code /zookeeper/config}, the zxid
 *     of the transaction that made this config); {@code 0} when unknown, for example for a config
 *     that is rendered but not yet committed
 */
public record Ensemble(List<EnsembleMember> members, long version) {

  /** Version value meaning "not known". */
  public static final long UNKNOWN_VERSION = 0L;

  /** @throws InvalidInputException on duplicate ids, no voters, or a negative version */
  public Ensemble {
    List<EnsembleMember> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparingInt(EnsembleMember::myid));
    members = List.copyOf(sorted);
    Set<Integer> ids = new HashSet<>();
    for (EnsembleMember member : members) {
      if (!ids.add(member.myid())) {
        throw new InvalidInputException("server id " + member.myid() + " appears more than once");
      }
    }
    if (members.stream().noneMatch(EnsembleMember::isVoter)) {
      throw new InvalidInputException(
          "an ensemble needs at least one participant (voter), got " + members.size() + " members");
    }
    if (version < 0) {
      throw new InvalidInputException("config version " + version + " is negative");
    }
  }

  /** An ensemble whose config version is not known. */
  public static Ensemble of(List<EnsembleMember> members) {
    return new Ensemble(members, UNKNOWN_VERSION);
  }

  /** Whether {@link #version()} is known. */
  public boolean hasVersion() {
    return version != UNKNOWN_VERSION;
  }

  /** The voters (participants), by myid. */
  public List<EnsembleMember> voters() {
    return members.stream().filter(EnsembleMember::isVoter).toList();
  }

  /** The observers, by myid. */
  public List<EnsembleMember> observers() {
    return members.stream().filter(m -> !m.isVoter()).toList();
  }

  /** The member with this id, or empty if none has it. */
  public Optional<EnsembleMember> member(int myid) {
    return members.stream().filter(m -> m.myid() == myid).findFirst();
  }

  /** Acknowledgements needed to commit: a majority of the voters. */
  public int quorumSize() {
    return Quorum.majority(voters().size());
  }

  /** Voters that may fail while the rest still form a quorum. */
  public int toleratedFailures() {
    return Quorum.toleratedFailures(voters().size());
  }

  /**
   * ZooKeeper client connect string: {@link EnsembleMember#clientAddress()} of every member,
   * observers included, in myid order, joined with {@code ,}.
   */
  public String connectString() {
    return members.stream().map(EnsembleMember::clientAddress).collect(Collectors.joining(","));
  }
}

package org.exhibitormesos.core.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.exhibitormesos.core.InvalidInputException;

/**
 * Renders the files a ZooKeeper server starts from. Every method is a pure function returning the
 * whole file text, {@code \n}-terminated, in a stable order so equal inputs give equal bytes.
 *
 * <p>The scheduler renders these in exactly two cases: at bootstrap and for a joiner. ZooKeeper
 * rewrites {@code zoo.cfg} and owns the dynamic file after the first commit, so existing members
 * restart from the files on their volume.
 */
public final class ConfigFiles {

  private ConfigFiles() {}

  /**
   * The initial dynamic config file: one server line per member, sorted by myid, no version line.
   *
   * @throws InvalidInputException on duplicate ids or when no member is a participant
   */
  public static String dynamicConfig(List<EnsembleMember> members) {
    return DynamicConfig.render(Ensemble.of(members));
  }

  /**
   * The dynamic config a joiner starts from: every server of the committed config unchanged, plus
   * the joiner tagged {@code observer} whatever its intended role. The tag keeps joiners from
   * electing a leader among themselves; the joiner becomes a voter (or observer) only through a
   * later reconfig.
   *
   * @param committed the config just read from the ensemble ({@code sync} then {@code getConfig})
   * @param joiner the new server, with an id never used before
   * @throws InvalidInputException if the joiner's id is already in the committed config (restart
   *     that server in place instead; ids are never reused)
   */
  public static String joinerConfig(Ensemble committed, EnsembleMember joiner) {
    if (committed.member(joiner.myid()).isPresent()) {
      throw new InvalidInputException("joiner id " + joiner.myid()
          + " is already in the committed config; restart that server in place instead");
    }
    List<EnsembleMember> members = new ArrayList<>(committed.members());
    members.add(joiner.withRole(Role.OBSERVER));
    return DynamicConfig.render(Ensemble.of(members));
  }

  /**
   * The {@code <dataDir>/myid} file: the id and a line break, e.g. {@code "3\n"}.
   *
   * @throws InvalidInputException if {@code myid} is not in 1..254
   */
  public static String myid(int myid) {
    if (myid < 1 || myid > 254) {
      throw new InvalidInputException("server id " + myid + " is not in 1..254");
    }
    return myid + "\n";
  }

  /**
   * The static {@code zoo.cfg}. Native mode ({@link Membership.DynamicFile}) writes
   * {@code dynamicConfigFile}, {@code reconfigEnabled=true} and no server, {@code clientPort} or
   * {@code clientPortAddress} lines (they live in the dynamic file). Static mode
   * ({@link Membership.Inline}) writes {@code clientPort}, {@code clientPortAddress} and
   * {@code server.N=host:peer:election:role} lines, with {@code reconfigEnabled=false}: with reconfig
   * on, ZooKeeper would move the server lines into a dynamic file of its own. Both set
   * {@code standaloneEnabled=false}, so even one server runs the quorum stack. Operator extras
   * come last, in their order.
   */
  public static String zooCfg(ZooCfgSpec spec) {
    Lines out = new Lines();
    out.put("tickTime", spec.tickTimeMs());
    out.put("initLimit", spec.initLimit());
    out.put("syncLimit", spec.syncLimit());
    out.put("dataDir", spec.dataDir());
    spec.dataLogDir().ifPresent(dir -> out.put("dataLogDir", dir));
    if (spec.membership() instanceof Membership.DynamicFile file) {
      out.put("dynamicConfigFile", file.path());
      out.put("reconfigEnabled", "true");
    } else if (spec.membership() instanceof Membership.Inline inline) {
      out.put("clientPort", inline.self().clientPort());
      out.put("clientPortAddress", inline.self().clientHost());
      out.put("reconfigEnabled", "false");
    }
    out.put("standaloneEnabled", "false");
    out.put("autopurge.snapRetainCount", spec.autopurge().snapRetainCount());
    out.put("autopurge.purgeInterval", spec.autopurge().purgeIntervalHours());
    AdminServer admin = spec.adminServer();
    out.put("admin.enableServer", admin.enabled());
    if (admin.enabled()) {
      out.put("admin.serverAddress", admin.host());
      out.put("admin.serverPort", admin.port());
    }
    out.put("4lw.commands.whitelist", String.join(",", spec.fourLetterWords()));
    spec.superDigest().ifPresent(digest -> out.put(
        "DigestAuthenticationProvider.superDigest", SuperDigest.USER + ":" + digest));
    for (ZooCfgExtra.Entry entry : spec.extra().entries()) {
      out.put(entry.key(), entry.value());
    }
    if (spec.membership() instanceof Membership.Inline inline) {
      for (EnsembleMember m : inline.ensemble().members()) {
        out.put("server." + m.myid(), m.peerHost() + ":" + m.peerPort() + ":" + m.electionPort()
            + ":" + m.role().text());
      }
    }
    return out.toString();
  }

  private static final class Lines {
    private final StringBuilder text = new StringBuilder();

    void put(String key, Object value) {
      text.append(key).append('=').append(value).append('\n');
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}

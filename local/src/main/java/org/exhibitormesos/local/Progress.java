package org.exhibitormesos.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.exhibitormesos.core.api.EnsembleView;
import org.exhibitormesos.core.api.MemberView;
import org.exhibitormesos.core.api.ServerView;
import org.exhibitormesos.core.api.StatusView;

/**
 * Turns successive status views into the progress lines {@code local} prints: a server's state or
 * place changed, how many members serve, the ensemble formed (or lost its quorum), the connection
 * string. Only changes are reported. Not thread-safe: one caller.
 */
final class Progress {
  /** Starts the line that carries the client connection string. */
  static final String CONNECTION_STRING = "ZooKeeper connection string: ";
  /** The line printed when a leader and a quorum of voters serve. */
  static final String FORMED = "ensemble formed";

  private final Map<Integer, String> servers = new HashMap<>();
  private String serving = "";
  private String connectString = "";
  private boolean formed;

  /** The lines that describe what changed since the previous view. */
  List<String> update(StatusView view) {
    List<String> lines = new ArrayList<>();
    Map<Integer, String> seen = new HashMap<>();
    for (ServerView s : view.servers()) {
      String line = "server " + s.id() + ": " + s.state() + (s.hostname() == null ? "" : " on " + s.hostname())
          + (s.myid() == null || !"Running".equals(s.state()) ? "" : " (myid " + s.myid() + ")")
          + (s.reason() == null || "Running".equals(s.state()) ? "" : " - " + s.reason());
      seen.put(s.id(), line);
      if (!Objects.equals(servers.get(s.id()), line)) {
        lines.add(line);
      }
    }
    servers.keySet().stream().filter(id -> !seen.containsKey(id)).sorted()
        .forEach(id -> lines.add("server " + id + ": removed"));
    servers.clear();
    servers.putAll(seen);
    EnsembleView ensemble = view.ensemble();
    if (ensemble != null) {
      ensemble(ensemble, lines);
    }
    return lines;
  }

  private void ensemble(EnsembleView ensemble, List<String> lines) {
    List<MemberView> members = ensemble.members();
    long voters = members.stream().filter(m -> m.role() == MemberView.Role.PARTICIPANT).count();
    long servingVoters = members.stream().filter(m -> m.role() == MemberView.Role.PARTICIPANT)
        .filter(m -> m.mode() == MemberView.Mode.LEADER || m.mode() == MemberView.Mode.FOLLOWER).count();
    long servingAll = members.stream().filter(m -> m.mode() != MemberView.Mode.UNREACHABLE).count();
    String leader = members.stream().filter(m -> m.mode() == MemberView.Mode.LEADER).map(MemberView::host)
        .findFirst().orElse(null);
    String now = members.isEmpty() ? "" : "ensemble: " + servingAll + " of " + members.size() + " members serving"
        + (leader == null ? ", no leader" : ", leader on " + leader) + ", quorum " + ensemble.quorum() + " of "
        + voters + " voters";
    if (!now.equals(serving) && !now.isEmpty()) {
      lines.add(now);
    }
    serving = now;
    boolean formedNow = leader != null && voters > 0 && servingVoters >= ensemble.quorum();
    if (formedNow && !formed) {
      lines.add(FORMED + ": " + servingVoters + " voters serving, leader on " + leader);
    } else if (!formedNow && formed) {
      lines.add("ensemble lost its quorum or leader: " + servingVoters + " voters serving, quorum "
          + ensemble.quorum());
    }
    formed = formedNow;
    if (!ensemble.connectString().isEmpty() && !ensemble.connectString().equals(connectString)) {
      lines.add(CONNECTION_STRING + ensemble.connectString());
    }
    connectString = ensemble.connectString();
  }
}

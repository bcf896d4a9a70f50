package org.exhibitormesos.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.exhibitormesos.core.api.EnsembleView;
import org.exhibitormesos.core.api.MemberView;
import org.exhibitormesos.core.api.MemberView.Mode;
import org.exhibitormesos.core.api.MemberView.Role;
import org.exhibitormesos.core.api.ServerView;
import org.exhibitormesos.core.api.StatusView;
import org.testng.annotations.Test;

public class ProgressTest {
  private static ServerView server(int id, String state, String host, Integer myid, String reason) {
    return new ServerView(id, state, "active", reason, host, null, myid, null, null, "hostname=unique", 0.2, 160,
        1024, null, null);
  }

  private static StatusView view(EnsembleView ensemble, ServerView... servers) {
    return new StatusView("fw", "native", List.of(servers), ensemble);
  }

  @Test
  public void onlyChangesArePrinted() {
    Progress p = new Progress();
    assertThat(p.update(view(null, server(0, "Pending", null, null, "waiting for an offer"))))
        .containsExactly("server 0: Pending - waiting for an offer");
    assertThat(p.update(view(null, server(0, "Pending", null, null, "waiting for an offer")))).isEmpty();
    assertThat(p.update(view(null, server(0, "Running", "127.0.0.2", 1, null))))
        .containsExactly("server 0: Running on 127.0.0.2 (myid 1)");
    assertThat(p.update(view(null))).containsExactly("server 0: removed");
  }

  @Test
  public void theEnsembleFormsWithALeaderAndAQuorumOfVoters() {
    Progress p = new Progress();
    EnsembleView one = new EnsembleView("h2:1", 2, null, List.of(new MemberView(1, "h2", Role.PARTICIPANT,
        Mode.UNREACHABLE), new MemberView(2, "h3", Role.PARTICIPANT, Mode.UNREACHABLE), new MemberView(3, "h4",
        Role.PARTICIPANT, Mode.UNREACHABLE)));
    assertThat(p.update(view(one))).containsExactly(
        "ensemble: 0 of 3 members serving, no leader, quorum 2 of 3 voters",
        Progress.CONNECTION_STRING + "h2:1");
    EnsembleView formed = new EnsembleView("h2:1,h3:1,h4:1", 2, "100000000", List.of(
        new MemberView(1, "h2", Role.PARTICIPANT, Mode.FOLLOWER), new MemberView(2, "h3", Role.PARTICIPANT,
            Mode.LEADER), new MemberView(3, "h4", Role.PARTICIPANT, Mode.UNREACHABLE)));
    assertThat(p.update(view(formed))).containsExactly(
        "ensemble: 2 of 3 members serving, leader on h3, quorum 2 of 3 voters",
        Progress.FORMED + ": 2 voters serving, leader on h3",
        Progress.CONNECTION_STRING + "h2:1,h3:1,h4:1");
    assertThat(p.update(view(formed))).isEmpty();
    assertThat(p.update(view(one))).containsExactly(
        "ensemble: 0 of 3 members serving, no leader, quorum 2 of 3 voters",
        "ensemble lost its quorum or leader: 0 voters serving, quorum 2",
        Progress.CONNECTION_STRING + "h2:1");
  }
}

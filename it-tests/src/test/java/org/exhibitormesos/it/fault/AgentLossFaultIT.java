package org.exhibitormesos.it.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.it.fault.FaultEnsemble.allRunningAndServing;
import static org.exhibitormesos.it.fault.FaultEnsemble.endpoints;
import static org.exhibitormesos.it.fault.FaultEnsemble.members;
import static org.exhibitormesos.it.fault.FaultEnsemble.server;
import static org.exhibitormesos.it.fault.FaultEnsemble.servers;
import static org.exhibitormesos.it.fault.FaultEnsemble.text;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.exhibitormesos.mesos.local.MesosLocal;
import org.testng.ITestContext;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

/**
 * An agent removed for good ({@code hostname=unique}, a short {@code stickiness-period}): the
 * server that ran there is relaunched on the spare agent as a new identity (new myid) and becomes
 * a voter in place of the lost one; the ensemble keeps its quorum and every acknowledged write.
 */
public class AgentLossFaultIT {
  private static final Duration CONVERGE = Duration.ofSeconds(150);

  private FaultEnsemble e;

  @AfterMethod(alwaysRun = true)
  public void close(ITestContext context) throws Exception {
    if (e != null) {
      e.close();
      if (context.getFailedTests().size() == 0) {
        e.deleteWork();
      }
      e = null;
    }
  }

  @Test(timeOut = 360_000)
  public void threeServersOnFourAgentsReplaceTheLostOneOnTheSpare() throws Exception {
    loseOneAgent(3, 4);
  }

  @Test(timeOut = 360_000, dependsOnMethods = "threeServersOnFourAgentsReplaceTheLostOneOnTheSpare")
  public void fiveServersOnSixAgentsNeverLoseTheQuorum() throws Exception {
    loseOneAgent(5, 6);
  }

  private void loseOneAgent(int size, int agents) throws Exception {
    String name = size + " servers, agent lost";
    e = FaultEnsemble.start("agent-loss-" + size, java.util.Collections.nCopies(agents, ""), Optional.empty());
    String ids = "0.." + (size - 1);
    e.ok("/api/add?id=" + ids + "&mem=160&constraints=hostname%3Dunique");
    e.ok("/api/config?id=" + ids + "&stickiness-period=5s&failover-delay=1s");
    e.ok("/api/start?id=" + ids + "&timeout=150s");
    JsonObject before = e.await(size + " serving members", CONVERGE, s -> allRunningAndServing(s, size));

    try (WriteChecker checker = WriteChecker.start(e.connectString(), "/fault/agent-loss-" + size);
        QuorumWatch quorum = QuorumWatch.start(e)) {
      Thread.sleep(1500);
      int leaderMyid = members(before).stream().filter(m -> m.get("mode").getAsString().equals("leader"))
          .findFirst().orElseThrow().get("myid").getAsInt();
      JsonObject victim = servers(before).stream().filter(s -> s.get("myid").getAsInt() == leaderMyid)
          .findFirst().orElseThrow();
      int id = victim.get("id").getAsInt();
      String lostHost = text(victim, "hostname");
      Set<String> used = new TreeSet<>();
      servers(before).forEach(s -> used.add(text(s, "hostname")));
      MesosLocal.AgentView lost = e.mesos().agents().stream().filter(a -> a.endpoint().host().equals(lostHost))
          .findFirst().orElseThrow();
      String spare = e.mesos().agents().stream().map(a -> a.endpoint().host()).filter(h -> !used.contains(h))
          .findFirst().orElseThrow();

      long t0 = System.nanoTime();
      e.mesos().removeAgent(lost.index());
      JsonObject after = e.await("server " + id + " replaced on " + spare, CONVERGE, s -> {
        JsonObject x = server(s, id);
        return spare.equals(text(x, "hostname")) && allRunningAndServing(s, size)
            && FaultEnsemble.statusVoters(s).size() == size && !FaultEnsemble.statusVoters(s).contains(leaderMyid);
      });
      String converged = Figures.seconds(t0);
      Thread.sleep(1500);
      WriteChecker.Figures figures = checker.stop();
      QuorumWatch.Result watched = quorum.stop();
      Figures.report(name, figures + ", replaced and serving after " + converged + ", " + watched);

      int newMyid = server(after, id).get("myid").getAsInt();
      assertThat(newMyid).as("a new identity").isNotEqualTo(leaderMyid);
      Set<Integer> expected = new TreeSet<>();
      servers(after).forEach(s -> expected.add(s.get("myid").getAsInt()));
      assertThat(FaultEnsemble.statusVoters(after)).isEqualTo(expected).contains(newMyid);
      assertThat(Zk.committedVoters(String.join(",", endpoints(after)))).isEqualTo(expected);
      assertThat(e.liveTasks()).hasSize(size);
      checker.assertAllReadableFrom(endpoints(after));
      assertThat(watched.quorumLost()).as("quorum lost at some probe: " + watched).isFalse();
    }
  }
}

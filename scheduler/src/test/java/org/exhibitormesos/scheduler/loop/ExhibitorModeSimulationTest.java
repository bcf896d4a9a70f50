package org.exhibitormesos.scheduler.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.scheduler.loop.SchedulerSimulation.add;
import static org.exhibitormesos.scheduler.loop.SchedulerSimulation.spec;
import static org.exhibitormesos.scheduler.loop.SchedulerSimulation.start;

import java.util.List;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.exhibitormesos.core.ids.IdExpression;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.launch.ConfigSource;
import org.exhibitormesos.core.launch.LaunchSpec;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.core.state.store.MemoryStateStore;
import org.exhibitormesos.scheduler.membership.MembershipEvent;
import org.testng.annotations.Test;

/** The state loop with {@code --mode exhibitor}: what is launched, and how membership events act. */
public class ExhibitorModeSimulationTest {

  @Test
  public void initialMembersLaunchInExhibitorModeOnSharedPortsWithTheFullSpecAndTheBundle() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation(new MemoryStateStore("exhibitor"), ServerMode.EXHIBITOR);
    List<TaskInfo> tasks = bootstrap(sim);
    assertThat(tasks).hasSize(3);
    for (TaskInfo t : tasks) {
      LaunchSpec spec = spec(t);
      assertThat(spec.mode()).isEqualTo(ServerMode.EXHIBITOR);
      assertThat(spec.dynamicConfig()).isEmpty();
      assertThat(spec.exhibitor().orElseThrow().serversSpecText())
          .isEqualTo("S:1:127.0.0.2,S:2:127.0.0.3,S:3:127.0.0.4");
      assertThat(spec.zookeeper().fourLetterWords()).contains("ruok", "srvr");
      assertThat(spec.zookeeper().checkPeriodMs()).isLessThanOrEqualTo(5_000);
      assertThat(t.getExecutor().getCommand().getUrisList()).anySatisfy(u -> {
        assertThat(u.getValue()).isEqualTo(SchedulerSimulation.BUNDLE_URL);
        assertThat(u.getExtract()).isTrue();
      });
    }
    assertThat(tasks.stream().map(t -> spec(t).ports()).distinct()).as("one set of four ports").hasSize(1);
    assertThat(sim.persisted().ensemble().sharedPorts()).contains(spec(tasks.get(0)).ports());
  }

  @Test
  public void aRemovedServerIsKilledOnlyWhenItLeftAndAJoinerStartsWithTheSpecPlusItself() throws Exception {
    SchedulerSimulation sim = new SchedulerSimulation(new MemoryStateStore("exhibitor"), ServerMode.EXHIBITOR);
    List<TaskInfo> tasks = bootstrap(sim);
    tasks.forEach(t -> sim.update(t, Protos.TaskState.TASK_RUNNING));
    for (TaskInfo t : tasks) {
      sim.membership(new MembershipEvent.MarkVoter(spec(t).serverId(), spec(t).myid()));
    }
    sim.mesos.clear();
    sim.command(new ClusterCommand.Remove(IdExpression.parse("2"), false));
    assertThat(sim.persisted().server(ServerId.of(2)).orElseThrow().identity().membership())
        .isEqualTo(Membership.LEAVING);
    assertThat(sim.mesos.ofType(Call.Type.KILL)).as("not before it left").isEmpty();
    sim.membership(new MembershipEvent.MarkLeft(ServerId.of(2), 3));
    assertThat(sim.mesos.ofType(Call.Type.KILL)).hasSize(1);

    TaskInfo removed = tasks.stream().filter(t -> spec(t).serverId().equals(ServerId.of(2))).findFirst().orElseThrow();
    sim.update(removed, Protos.TaskState.TASK_KILLED);
    sim.command(add("3"));
    sim.command(start("3"));
    sim.mesos.clear();
    sim.offer(4);
    List<TaskInfo> joined = sim.mesos.launched();
    assertThat(joined).hasSize(1);
    LaunchSpec joiner = spec(joined.get(0));
    assertThat(joiner.myid()).isEqualTo(4);
    assertThat(joiner.configSource()).isEqualTo(ConfigSource.JOIN);
    assertThat(joiner.ports()).isEqualTo(spec(tasks.get(0)).ports());
    assertThat(joiner.exhibitor().orElseThrow().serversSpecText())
        .isEqualTo("S:1:127.0.0.2,S:2:127.0.0.3,S:4:127.0.0.5");
  }

  private static List<TaskInfo> bootstrap(SchedulerSimulation sim) throws Exception {
    sim.command(add("0..2"));
    sim.command(start("0..2"));
    sim.subscribed("fw-1");
    sim.offer(1);
    sim.offer(2);
    sim.offer(3);
    return sim.mesos.launched();
  }
}

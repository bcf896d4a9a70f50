package org.exhibitormesos.scheduler.membership.exhibitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.exhibitormesos.core.ensemble.DynamicConfig;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.server.DesiredState;
import org.exhibitormesos.core.server.Identity;
import org.exhibitormesos.core.server.Identity.Membership;
import org.exhibitormesos.core.server.LaunchKind;
import org.exhibitormesos.core.server.ObservedState;
import org.exhibitormesos.core.server.Ports;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.server.Task;
import org.exhibitormesos.core.server.TaskState;
import org.exhibitormesos.core.state.ClusterState;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.exhibitor.client.ExhibitorClient;
import org.exhibitormesos.scheduler.membership.MembershipEvent;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** The Exhibitor membership driver against fake Exhibitors, one per host, each with its own config. */
public class ExhibitorMembershipDriverTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final Ports PORTS = new Ports(2181, 2888, 3888, 8080);
  private static final String THREE = "S:1:h1,S:2:h2,S:3:h3";

  private final Map<String, FakeExhibitor> fakes = new LinkedHashMap<>();
  private final List<MembershipEvent> events = new ArrayList<>();
  private final AtomicReference<ClusterState> state = new AtomicReference<>();
  private final ExhibitorViews views = new ExhibitorViews();
  private ScheduledExecutorService executor;

  @BeforeMethod
  public void setUp() {
    executor = Executors.newSingleThreadScheduledExecutor();
    events.clear();
    ClusterState s = ClusterState.initial("0123456789abcdef-test").withMode(ServerMode.EXHIBITOR);
    state.set(s.withEnsemble(s.ensemble().withBootstrap(List.of(1, 2, 3)).withSharedPorts(Optional.of(PORTS))));
  }

  @AfterMethod(alwaysRun = true)
  public void tearDown() {
    fakes.values().forEach(FakeExhibitor::close);
    fakes.clear();
    executor.shutdownNow();
  }

  @Test
  public void bootstrapMembersWithTheFullSpecBecomeVotersAndTheSpecIsRecorded() throws Exception {
    for (int i = 0; i < 3; i++) {
      server(i, i + 1, Membership.JOINING, THREE);
    }
    driver(3).runOnce();
    assertThat(fakes.values()).allSatisfy(f -> assertThat(f.sets.get()).isZero());
    assertThat(events(MembershipEvent.MarkVoter.class)).extracting(MembershipEvent.MarkVoter::myid)
        .containsExactly(1, 2, 3);
    assertThat(state.get().ensemble().committedConfig()).hasValueSatisfying(c -> assertThat(c)
        .contains("server.1=h1:2888:3888:participant;h1:2181").contains("server.3="));
    assertThat(views.lines(ServerId.of(0))).hasValue(List.of("[h1, serving, 3, L]", "[h2, serving, 3, F]",
        "[h3, serving, 3, F]"));
    events.clear();
    driver(3).runOnce();
    assertThat(events).as("nothing new to report").isEmpty();
  }

  @Test
  public void aJoinerIsWrittenIntoEveryMembersSpecByIdAndThenMarkedAVoter() throws Exception {
    for (int i = 0; i < 3; i++) {
      server(i, i + 1, Membership.VOTER, THREE);
    }
    server(3, 4, Membership.JOINING, THREE + ",S:4:h4");
    driver(3).runOnce();
    for (String h : List.of("h1", "h2", "h3")) {
      assertThat(fakes.get(h).spec()).isEqualTo(THREE + ",S:4:h4");
      assertThat(fakes.get(h).sets.get()).isEqualTo(1);
    }
    assertThat(fakes.get("h4").sets.get()).isZero();
    assertThat(events(MembershipEvent.MarkVoter.class)).extracting(MembershipEvent.MarkVoter::myid)
        .containsExactly(4);
  }

  @Test
  public void aLeaverIsTakenOutOfTheOthersSpecsItsOwnIsLeftAloneAndItIsMarkedLeft() throws Exception {
    server(0, 1, Membership.VOTER, THREE);
    server(1, 2, Membership.VOTER, THREE);
    server(2, 3, Membership.LEAVING, THREE);
    driver(3).runOnce();
    assertThat(fakes.get("h1").spec()).isEqualTo("S:1:h1,S:2:h2");
    assertThat(fakes.get("h2").spec()).isEqualTo("S:1:h1,S:2:h2");
    assertThat(fakes.get("h3").spec()).isEqualTo(THREE);
    assertThat(events(MembershipEvent.MarkLeft.class)).extracting(MembershipEvent.MarkLeft::myid)
        .containsExactly(3);
  }

  @Test
  public void aRefusedChangeIsRetriedWithinTheTries() throws Exception {
    for (int i = 0; i < 3; i++) {
      server(i, i + 1, Membership.VOTER, THREE);
    }
    server(3, 4, Membership.JOINING, THREE + ",S:4:h4");
    fakes.get("h2").failNextSets.set(2);
    driver(3).runOnce();
    assertThat(fakes.get("h2").spec()).isEqualTo(THREE + ",S:4:h4");
    assertThat(events(MembershipEvent.Waiting.class)).isEmpty();
    assertThat(events(MembershipEvent.MarkVoter.class)).hasSize(1);
  }

  @Test
  public void aChangeRefusedBeyondTheTriesWaitsAndMarksNobody() throws Exception {
    for (int i = 0; i < 3; i++) {
      server(i, i + 1, Membership.VOTER, THREE);
    }
    server(3, 4, Membership.JOINING, THREE + ",S:4:h4");
    fakes.get("h2").failNextSets.set(5);
    driver(2).runOnce();
    assertThat(fakes.get("h2").spec()).isEqualTo(THREE);
    assertThat(events(MembershipEvent.Waiting.class)).singleElement()
        .satisfies(w -> assertThat(w.reason()).contains("server 1").contains("refused by the test"));
    assertThat(events(MembershipEvent.MarkVoter.class)).isEmpty();
    assertThat(events(MembershipEvent.ConfigObserved.class)).isEmpty();
  }

  @Test
  public void anExhibitorThatDoesNotAnswerIsWaitedFor() throws Exception {
    for (int i = 0; i < 3; i++) {
      server(i, i + 1, Membership.JOINING, THREE);
    }
    fakes.get("h3").close();
    driver(1).runOnce();
    assertThat(events(MembershipEvent.Waiting.class)).singleElement()
        .satisfies(w -> assertThat(w.reason()).contains("server 2").contains("does not answer"));
    assertThat(events(MembershipEvent.MarkVoter.class)).isEmpty();
  }

  private ExhibitorMembershipDriver driver(int tries) {
    return new ExhibitorMembershipDriver(state::get, this::apply, (host, port) -> new ExhibitorClient("127.0.0.1",
        fakes.get(host).port(), Duration.ofSeconds(5)), views, tries, Duration.ofMillis(10), Duration.ofSeconds(1),
        executor);
  }

  /** Applies events as the state thread does. */
  private void apply(MembershipEvent e) {
    events.add(e);
    if (e instanceof MembershipEvent.MarkVoter v) {
      membership(v.server(), Membership.VOTER);
    } else if (e instanceof MembershipEvent.MarkLeft l) {
      membership(l.server(), Membership.NONE);
    } else if (e instanceof MembershipEvent.ConfigObserved c) {
      state.updateAndGet(s -> s.withEnsemble(s.ensemble().withCommittedConfig(c.version(),
          DynamicConfig.render(c.ensemble()))));
    }
  }

  private void membership(ServerId id, Membership m) {
    state.updateAndGet(s -> s.updateServer(id, x -> x.withIdentity(x.identity().withMembership(m))));
  }

  private <T extends MembershipEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** A running server with its own fake Exhibitor on host {@code h<myid>}, whose spec is {@code spec}. */
  private void server(int id, int myid, Membership membership, String spec) throws Exception {
    String host = "h" + myid;
    fakes.put(host, new FakeExhibitor(host, spec));
    Task t = Task.launched("task-" + id, "exec-" + id, "agent-" + host, AgentAttributes.ofHost(host), PORTS,
        LaunchKind.BOOTSTRAP, NOW).withState(TaskState.RUNNING, NOW);
    Server s = Server.added(ServerId.of(id), ServerSettings.DEFAULT).withDesired(DesiredState.ACTIVE)
        .withObserved(ObservedState.RUNNING, Optional.of(t), "").withIdentity(Identity.of(myid, membership));
    state.updateAndGet(x -> x.withServer(s));
  }
}

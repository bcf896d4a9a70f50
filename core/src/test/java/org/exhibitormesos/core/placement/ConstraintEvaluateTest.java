package org.exhibitormesos.core.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhibitormesos.core.placement.Agents.agent;
import static org.exhibitormesos.core.placement.Agents.onRack;
import static org.exhibitormesos.core.placement.Agents.placed;

import java.util.List;
import java.util.Optional;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** One constraint, one candidate, a few placed others: does it hold, and why not. */
public class ConstraintEvaluateTest {
  private static final List<PlacedServer> NONE = List.of();

  @DataProvider
  public Object[][] cases() {
    AgentAttributes r1 = agent("host1", "rack", "r1");
    AgentAttributes r10 = agent("host10", "rack", "r10");
    AgentAttributes bare = agent("host9");
    return new Object[][] {
        // like / unlike, anchored
        {"hostname=like:slave[0-9]", agent("slave3"), NONE, null},
        {"hostname=like:slave[0-9]", agent("host1"), NONE, "host1 does not match"},
        {"rack=like:r1", r1, NONE, null},
        {"rack=like:r1", r10, NONE, "r10 does not match"},
        {"rack=like:1", r1, NONE, "r1 does not match"},
        {"rack=like:r1|r2", r1, NONE, null},
        {"rack=like:r[12]\\,3", agent("h", "rack", "r1,3"), NONE, null},
        {"rack=like:a\\=b", agent("h", "rack", "a=b"), NONE, null},
        {"hostname=like:slave\\\\d+", agent("slave12"), NONE, null},
        {"rack=unlike:r1", r10, NONE, null},
        {"rack=unlike:r1", r1, NONE, "r1 matches"},
        {"rack=unlike:r.*", r10, NONE, "r10 matches"},
        // unique
        {"hostname=unique", r1, NONE, null},
        {"hostname=unique", r1, List.of(placed(0, agent("host2"))), null},
        {"hostname=unique", r1, List.of(placed(0, agent("host1"))), "host1 is used by server 0"},
        {"rack=unique", r1, List.of(onRack(0, "r1"), onRack(2, "r2"), onRack(1, "r1")),
            "r1 is used by servers 0..1"},
        {"rack=unique", r1, List.of(placed(0, bare)), null},
        // cluster
        {"rack=cluster", r1, NONE, null},
        {"rack=cluster", r1, List.of(onRack(0, "r1"), onRack(1, "r1")), null},
        {"rack=cluster", r1, List.of(onRack(0, "r2"), onRack(1, "r2")),
            "r1 differs from r2 (servers 0..1)"},
        {"rack=cluster", r1, List.of(onRack(0, "r1"), onRack(1, "r2"), onRack(2, "r3")),
            "r1 differs from r2 (server 1), r3 (server 2)"},
        {"rack=cluster", r1, List.of(placed(0, bare)), null},
        {"rack=cluster:r1", r1, NONE, null},
        {"rack=cluster:r1", r10, NONE, "r10 is not r1"},
        {"rack=cluster:r1", r1, List.of(onRack(0, "r2")), null},
        // groupBy:N, filling phase: a new value is needed
        {"rack=groupBy:3", r1, NONE, null},
        {"rack=groupBy:3", r1, List.of(onRack(0, "r2")), null},
        {"rack=groupBy:3", r1, List.of(onRack(0, "r1")),
            "r1 already holds server 0 while 1 of 3 groups are in use; a new value is needed"},
        {"rack=groupBy:3", r1, List.of(onRack(0, "r1"), onRack(1, "r1"), onRack(2, "r2")),
            "r1 already holds servers 0..1 while 2 of 3 groups are in use; a new value is needed"},
        // groupBy:N, full: join a least-used value
        {"rack=groupBy:3", r1, List.of(onRack(0, "r1"), onRack(1, "r2"), onRack(2, "r3")), null},
        {"rack=groupBy:3", r1,
            List.of(onRack(0, "r1"), onRack(1, "r2"), onRack(2, "r3"), onRack(3, "r1")),
            "r1 already holds 2 servers, least used is 1 (r2, r3)"},
        {"rack=groupBy:3", agent("h", "rack", "r4"),
            List.of(onRack(0, "r1"), onRack(1, "r2"), onRack(2, "r3")),
            "r4 would be group 4 of at most 3; in use: r1, r2, r3"},
        {"rack=groupBy:2", r1, List.of(onRack(0, "r1"), onRack(1, "r2"), onRack(2, "r3")), null},
        {"rack=groupBy:3", agent("h", "rack", "r3"),
            List.of(onRack(0, "r1"), onRack(1, "r2"), placed(2, bare)), null},
        {"rack=groupBy:3", r1, List.of(onRack(0, "r1"), onRack(1, "r2"), placed(2, bare)),
            "r1 already holds server 0 while 2 of 3 groups are in use; a new value is needed"},
        // bare groupBy: all on one value
        {"rack=groupBy", r1, NONE, null},
        {"rack=groupBy", r1, List.of(onRack(0, "r1"), onRack(1, "r1")), null},
        {"rack=groupBy", r10, List.of(onRack(0, "r1")),
            "r10 would be group 2 of at most 1; in use: r1"},
        // two servers on one agent are two entries
        {"hostname=unique", r1, List.of(placed(0, r1), placed(1, r1)), "host1 is used by servers 0..1"},
        // the candidate lacks the attribute, whatever the condition
        {"rack=unique", bare, NONE, "no rack"},
        {"rack=like:.*", bare, NONE, "no rack"},
        {"rack=unlike:r1", bare, NONE, "no rack"},
        {"rack=cluster", bare, NONE, "no rack"},
        {"rack=groupBy:2", bare, List.of(onRack(0, "r1")), "no rack"},
    };
  }

  @Test(dataProvider = "cases")
  public void judgesOneConstraint(String text, AgentAttributes candidate,
      List<PlacedServer> others, String expectedDetail) {
    Constraint constraint = Constraints.parse(text).constraints().get(0);

    RuleOutcome outcome = constraint.evaluate(candidate, others);

    if (expectedDetail == null) {
      assertThat(outcome).isEqualTo(RuleOutcome.passed());
      assertThat(outcome.isPassed()).isTrue();
    } else {
      assertThat(outcome.isPassed()).isFalse();
      assertThat(outcome.failure()).contains(new RuleOutcome.Failed(constraint, expectedDetail));
      assertThat(outcome.failure().map(RuleOutcome.Failed::reason))
          .contains(constraint + ": " + expectedDetail);
    }
  }

  @Test
  public void reportsEveryFailureInOrder() {
    Constraints constraints = Constraints.parse(
        "hostname=unique,rack=unique,hostname=like:slave[0-9],zone=cluster,rack=like:r.*");
    AgentAttributes candidate = agent("host1", "rack", "r1");

    Verdict verdict = constraints.evaluate(candidate, List.of(placed(0, candidate)));

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.reasons()).containsExactly(
        "hostname=unique: host1 is used by server 0",
        "rack=unique: r1 is used by server 0",
        "hostname=like:slave[0-9]: host1 does not match",
        "zone=cluster: no zone");
  }

  @Test
  public void noConstraintsAcceptEveryAgent() {
    Verdict verdict = Constraints.NONE.evaluate(agent("h"), List.of(placed(0, agent("h"))));

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.reasons()).isEmpty();
  }

  @DataProvider
  public Object[][] attributeLookups() {
    AgentAttributes agent = agent("host1", "rack", "r1", "hostname", "ignored");
    return new Object[][] {
        {agent, "hostname", Optional.of("host1")},
        {agent, "rack", Optional.of("r1")},
        {agent, "zone", Optional.empty()},
    };
  }

  @Test(dataProvider = "attributeLookups")
  public void hostnameIsAnAttributeToo(AgentAttributes agent, String attribute,
      Optional<String> expected) {
    assertThat(agent.value(attribute)).isEqualTo(expected);
  }
}

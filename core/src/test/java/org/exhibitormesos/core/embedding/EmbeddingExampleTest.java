package org.exhibitormesos.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exhibitormesos.core.ensemble.AdminServer;
import org.exhibitormesos.core.ensemble.ConfigFiles;
import org.exhibitormesos.core.ensemble.EnsembleMember;
import org.exhibitormesos.core.ensemble.ZooCfgSpec;
import org.exhibitormesos.core.ids.ServerId;
import org.exhibitormesos.core.lifecycle.Lifecycle;
import org.exhibitormesos.core.lifecycle.LifecycleEvent;
import org.exhibitormesos.core.offers.Evaluation;
import org.exhibitormesos.core.offers.Offer;
import org.exhibitormesos.core.offers.OfferEvaluator;
import org.exhibitormesos.core.offers.Placement;
import org.exhibitormesos.core.placement.AgentAttributes;
import org.exhibitormesos.core.placement.Constraints;
import org.exhibitormesos.core.server.PortRange;
import org.exhibitormesos.core.server.Server;
import org.exhibitormesos.core.server.ServerSettings;
import org.exhibitormesos.core.state.ClusterState;
import org.testng.annotations.Test;

/**
 * The README's "Embedding core" example, run as a test. The code between the EXAMPLE markers must
 * appear verbatim in the README, so the two cannot drift apart.
 */
public class EmbeddingExampleTest {
  @Test
  public void readmeExampleRuns() {
    Instant now = Instant.now();
    // EXAMPLE-BEGIN
    // Constraints as an operator types them; parse errors name the bad part.
    Constraints constraints = Constraints.parse("hostname=unique,rack=groupBy:3");

    // One server that wants to run, and one offer from an agent.
    ServerSettings settings = ServerSettings.DEFAULT.withConstraints(constraints);
    Server server = Lifecycle.apply(Server.added(ServerId.of(0), settings), new LifecycleEvent.Start(), now).server();
    ClusterState state = ClusterState.initial("a-long-random-secret").withServer(server);
    Offer offer = new Offer("offer-1", "agent-1", new AgentAttributes("10.0.0.5", Map.of("rack", "r1")), "zookeeper",
        new Offer.OfferedResources(4, 8192, 50_000, PortRange.parseList("31000..32000")), List.of());

    // Which servers go on this offer, with which resources, ports and volume; or why not.
    OfferEvaluator evaluator = new OfferEvaluator(id -> "zk-" + id + "-" + UUID.randomUUID());
    Evaluation evaluation = evaluator.evaluate(offer, state, now);
    Placement placement = evaluation.placements().get(0);

    // ZooKeeper's files for that member: its dynamic config line and a zoo.cfg.
    EnsembleMember member = EnsembleMember.participant(1, placement.agent().hostname(),
        placement.ports().peer(), placement.ports().election(), placement.ports().client());
    String dynamicConfig = ConfigFiles.dynamicConfig(List.of(member));
    String zooCfg = ConfigFiles.zooCfg(ZooCfgSpec.nativeMode("/var/lib/zk", "/var/lib/zk/zoo.cfg.dynamic")
        .withAdminServer(AdminServer.at(placement.agent().hostname(), placement.ports().admin())));
    // EXAMPLE-END

    assertThat(evaluation.declineReasons()).isEmpty();
    assertThat(dynamicConfig).isEqualTo("server.1=10.0.0.5:31001:31002:participant;10.0.0.5:31000\n");
    assertThat(zooCfg).contains("dynamicConfigFile=/var/lib/zk/zoo.cfg.dynamic")
        .contains("admin.serverAddress=10.0.0.5").contains("admin.serverPort=31003");
  }

  @Test
  public void readmeShowsTheSameCode() throws Exception {
    String source = Files.readString(Path.of("src/test/java/org/exhibitormesos/core/embedding/EmbeddingExampleTest.java"),
        StandardCharsets.UTF_8);
    String example = source.substring(source.indexOf("// EXAMPLE-BEGIN\n") + "// EXAMPLE-BEGIN\n".length(),
        source.indexOf("    // EXAMPLE-END"));
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    // The example sits inside a method body: four spaces deeper than on the page.
    String unindented = example.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    assertThat(readme).contains(unindented);
  }
}

package org.exhibitormesos.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.state.ServerMode;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class LocalOptionsTest {
  private static LocalOptions parse(String... args) {
    return LocalOptions.parse(List.of(args), Map.of("HOME", "/home/op")).orElseThrow();
  }

  @Test
  public void defaultsSuitALaptop() {
    LocalOptions o = parse();
    assertThat(o.agents()).isEqualTo(3);
    assertThat(o.servers()).isEqualTo(3);
    assertThat(o.apiPort()).isEqualTo(7000);
    assertThat(o.masterPort()).isZero();
    assertThat(o.workDir()).isEqualTo(Path.of("/home/op/.exhibitor-mesos/local"));
    assertThat(o.mode()).isEqualTo(ServerMode.NATIVE);
    assertThat(o.serverMemMb()).isEqualTo(160);
    assertThat(o.artifacts()).isEmpty();
    assertThat(o.agentAddress(0)).isEqualTo("127.0.0.2");
    assertThat(o.agentAddress(2)).isEqualTo("127.0.0.4");
  }

  @Test
  public void everyOptionIsRead() {
    LocalOptions o = parse("--agents", "5", "--servers", "5", "--api-port", "0", "--master-port", "5051",
        "--work-dir", "/tmp/w", "--attributes", "rack:r{i}", "--agent-address-block", "127.0.42", "--mode",
        "exhibitor", "--mem", "256", "--artifacts", "/opt/a");
    assertThat(o).isEqualTo(new LocalOptions(5, 5, 0, 5051, Path.of("/tmp/w"), "rack:r{i}", "127.0.42",
        ServerMode.EXHIBITOR, 256, java.util.Optional.of(Path.of("/opt/a"))));
    assertThat(o.agentAddress(1)).isEqualTo("127.0.42.3");
  }

  @Test
  public void helpIsEmptyAndTheUsageNamesEveryOption() {
    assertThat(LocalOptions.parse(List.of("--help"), Map.of())).isEmpty();
    assertThat(LocalOptions.USAGE).contains("--agents N", "--servers N", "--api-port P", "--master-port P",
        "--work-dir DIR", "--attributes A;B", "--agent-address-block A.B.C", "--mode native|exhibitor", "--mem MB",
        "--artifacts DIR");
  }

  @DataProvider
  Object[][] bad() {
    return new Object[][] {
        {new String[] {"--agents", "0"}, "--agents '0' is invalid: accepted: a whole number in 1..253"},
        {new String[] {"--agents", "x"}, "--agents 'x' is invalid"},
        {new String[] {"--agents", "2"}, "--servers 3 needs at least 3 agents"},
        {new String[] {"--api-port", "70000"}, "--api-port '70000' is invalid"},
        {new String[] {"--mode", "zk"}, "--mode 'zk' is invalid: accepted: native, exhibitor"},
        {new String[] {"--agent-address-block", "10.0.0"}, "--agent-address-block '10.0.0' is invalid"},
        {new String[] {"--agent-address-block", "127.0.300"}, "--agent-address-block '127.0.300' is invalid"},
        {new String[] {"--agent-address-block", "127.0.0.2"}, "--agent-address-block '127.0.0.2' is invalid"},
        {new String[] {"--work-dir"}, "--work-dir needs a value"},
        {new String[] {"--agnets", "3"}, "unknown option '--agnets'"},
        {new String[] {"--mem", "1"}, "--mem '1' is invalid"},
    };
  }

  @Test(dataProvider = "bad")
  public void badOptionsNameTheOptionAndWhatIsAccepted(String[] args, String message) {
    assertThatThrownBy(() -> parse(args)).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
  }

  @Test
  public void badAttributesAreRefusedBeforeAnythingStarts() {
    LocalOptions o = parse("--attributes", "rack");
    assertThatThrownBy(() -> LocalRun.mesosConfig(o)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--attributes 'rack' is invalid");
  }

  @Test
  public void mesosLocalPutsTheAgentsOnTheBlockWithTheirAttributes() {
    var config = LocalRun.mesosConfig(parse("--agents", "2", "--servers", "2", "--agent-address-block", "127.0.9",
        "--attributes", "rack:r{i}", "--work-dir", "/tmp/w"));
    assertThat(config.agents()).extracting(a -> a.address() + " " + a.attributes())
        .containsExactly("127.0.9.2 rack:r0", "127.0.9.3 rack:r1");
    assertThat(config.workDir()).isEqualTo(Path.of("/tmp/w/mesos"));
    assertThat(config.masterAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  public void theSchedulerGetsFileStorageInTheWorkDirAndTheMode() throws Exception {
    Path artifacts = java.nio.file.Files.createTempDirectory("artifacts");
    try {
      var config = LocalRun.schedulerConfig(parse("--work-dir", "/tmp/w", "--mode", "exhibitor", "--artifacts",
          artifacts.toString()), "127.0.0.1:5050", "http://127.0.0.1:7001", Map.of("USER", "op"));
      assertThat(config.storage()).isEqualTo("file:/tmp/w/scheduler-state.json");
      assertThat(config.mode()).isEqualTo(ServerMode.EXHIBITOR);
      assertThat(config.apiUrl()).isEqualTo("http://127.0.0.1:7001");
      assertThat(config.artifacts()).isEqualTo(artifacts.toAbsolutePath());
    } finally {
      java.nio.file.Files.delete(artifacts);
    }
  }
}

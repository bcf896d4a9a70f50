package org.exhibitormesos.scheduler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.state.ServerMode;
import org.exhibitormesos.mesos.http.master.MasterSpec;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class SchedulerFlagsTest {
  private static final Path ARTIFACTS = Path.of(System.getProperty("java.io.tmpdir"));
  private static final Map<String, String> ENV = Map.of("USER", "zk");

  private static SchedulerConfig parse(String... args) {
    return SchedulerFlags.parse(List.of(args), ENV, ARTIFACTS).orElseThrow();
  }

  /** Valid --master and --api unless {@code extra} gives its own. */
  private static List<String> with(String... extra) {
    List<String> args = new ArrayList<>(List.of(extra));
    if (!args.contains("--master")) {
      args.addAll(List.of("--master", "127.0.0.1:5050"));
    }
    if (!args.contains("--api")) {
      args.addAll(List.of("--api", "http://127.0.0.1:7000"));
    }
    return args;
  }

  @Test
  public void defaultsAreTheOriginalsWhereItHadThem() {
    SchedulerConfig c = parse(with().toArray(String[]::new));
    assertThat(c.master()).isInstanceOf(MasterSpec.Static.class);
    assertThat(c.apiUrl()).isEqualTo("http://127.0.0.1:7000");
    assertThat(c.user()).isEqualTo("zk");
    assertThat(c.frameworkName()).isEqualTo("exhibitor");
    assertThat(c.frameworkTimeout()).isEqualTo(Duration.ofDays(30));
    assertThat(c.role()).isEqualTo("exhibitor");
    assertThat(c.volumes()).isTrue();
    assertThat(c.storage()).isEqualTo("file:exhibitor-mesos.json");
    assertThat(c.ensembleModifyRetries()).isEqualTo(5);
    assertThat(c.ensembleModifyBackoff()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.debug()).isFalse();
    assertThat(c.mode()).isEqualTo(ServerMode.NATIVE);
    assertThat(c.principal()).isEmpty();
  }

  @Test
  public void shortFlagsEnvironmentAndEveryOption() {
    SchedulerConfig c = SchedulerFlags.parse(List.of("-m", "zk://127.0.0.1:2181/mesos", "-u", "root", "--principal", "p",
        "--secret", "s3cret", "--framework-name", "zk", "--framework-timeout", "60 seconds", "--framework-role", "*",
        "--storage", "file:/tmp/x.json", "--ensemble-modify-retries", "9", "--ensemble-modify-backoff", "100",
        "-d", "true", "--mode", "exhibitor"), Map.of("EM_API", "http://127.0.0.5:7100"), ARTIFACTS).orElseThrow();
    assertThat(c.master()).isInstanceOf(MasterSpec.Zk.class);
    assertThat(c.apiHost()).isEqualTo("127.0.0.5");
    assertThat(c.apiPort()).isEqualTo(7100);
    assertThat(c.frameworkTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.volumes()).isFalse();
    assertThat(c.debug()).isTrue();
    assertThat(c.mode()).isEqualTo(ServerMode.EXHIBITOR);
    assertThat(c.toString()).doesNotContain("s3cret");
    assertThat(c.highlyAvailable()).isFalse();
  }

  @Test
  public void zkStorageIsHighlyAvailableWithATenSecondSessionByDefault() {
    List<String> base = List.of("-m", "127.0.0.1:5050", "-a", "http://127.0.0.1:7000", "-u", "root",
        "--storage", "zk:u:p@127.0.0.1:2181/em/state", "--artifacts", ARTIFACTS.toString());
    SchedulerConfig c = SchedulerFlags.parse(base, Map.of(), ARTIFACTS).orElseThrow();
    assertThat(c.highlyAvailable()).isTrue();
    assertThat(c.zkSessionTimeout()).isEqualTo(Duration.ofSeconds(10));
    List<String> longer = new java.util.ArrayList<>(base);
    longer.addAll(List.of("--zk-session-timeout", "30s"));
    assertThat(SchedulerFlags.parse(longer, Map.of(), ARTIFACTS).orElseThrow().zkSessionTimeout())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  public void helpIsNotAnError() {
    assertThat(SchedulerFlags.parse(List.of("--help"), ENV, ARTIFACTS)).isEmpty();
    assertThat(SchedulerFlags.usage()).contains("--master").contains("--framework-role").contains("--mode");
  }

  @DataProvider
  public Object[][] bad() {
    return new Object[][] {
      {List.of("--api", "http://127.0.0.1:7000"), "missing --master"},
      {List.of("--master", "127.0.0.1:5050"), "missing --api (or EM_API)"},
      {with("--master", "http://x"), "invalid --master"},
      {with("--api", "https://h:1"), "invalid --api 'https://h:1': only http is served"},
      {with("--api", "http://h"), "needs a host and a port"},
      {with("--framework-timeout", "forever"), "invalid --framework-timeout"},
      {with("--framework-role", "a b"), "invalid --framework-role 'a b'"},
      {with("--storage", "s3:bucket"), "invalid --storage 's3:bucket'; accepted: file:PATH or zk:[user:password@]host:port[,host:port...]/path"},
      {with("--storage", "zk:127.0.0.1:2181"), "invalid --storage"},
      {with("--ensemble-modify-retries", "0"), "invalid --ensemble-modify-retries '0'; accepted: a whole number >= 1"},
      {with("--ensemble-modify-backoff", "-5"), "invalid --ensemble-modify-backoff '-5'"},
      {with("-d", "yes"), "invalid --debug 'yes'; accepted: true, false"},
      {with("--mode", "hybrid"), "invalid --mode 'hybrid'; accepted: native, exhibitor"},
      {with("--secret", "x"), "--secret needs --principal"},
      {with("--bogus"), "--bogus"},
      {with("--artifacts", "/no/such/dir"), "invalid --artifacts: /no/such/dir is not a folder"},
      {with("--zk-session-timeout", "soon"), "invalid --zk-session-timeout"},
      {with("--zk-session-timeout", "500ms"), "invalid --zk-session-timeout '500ms'; accepted: a duration from 1s to 10m"},
    };
  }

  @Test(dataProvider = "bad")
  public void badFlagsNameTheFlagAndTheAcceptedForm(List<String> args, String message) {
    assertThatThrownBy(() -> SchedulerFlags.parse(args, ENV, ARTIFACTS))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
  }
}

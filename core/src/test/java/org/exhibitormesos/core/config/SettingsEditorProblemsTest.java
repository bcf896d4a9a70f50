package org.exhibitormesos.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.server.ServerSettings;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Unknown names, options the command does not take, all-or-nothing, conflicts between options. */
public class SettingsEditorProblemsTest {
  private static final ServerSettings DEFAULT = ServerSettings.DEFAULT;

  @DataProvider
  public Object[][] unknownNames() {
    return new Object[][] {
        {Command.CONFIG, "zoo-cfg-extr", "unknown option 'zoo-cfg-extr'; did you mean 'zoo-cfg-extra'?"},
        {Command.CONFIG, "configcheckmss", "unknown option 'configcheckmss'; did you mean 'configcheckms'?"},
        {Command.CONFIG, "ConfigCheckMs", "unknown option 'ConfigCheckMs'; did you mean 'configcheckms'?"},
        {Command.CONFIG, "stickinessperiod", "unknown option 'stickinessperiod'; did you mean 'stickiness-period'?"},
        {Command.CONFIG, "failover_max_tries",
            "unknown option 'failover_max_tries'; did you mean 'failover-max-tries'?"},
        {Command.CONFIG, "jquerystlye", "unknown option 'jquerystlye'; did you mean 'jquerystyle'?"},
        {Command.CONFIG, "clientport", "unknown option 'clientport'; did you mean 'client-port'?"},
        {Command.CONFIG, "cpus", "unknown option 'cpus'; did you mean 'cpu'?"},
        {Command.CONFIG, "memory", "unknown option 'memory'"},
        {Command.CONFIG, "xyz", "unknown option 'xyz'"},
        {Command.CONFIG, "", "unknown option ''"},
        {Command.ADD, "cpus", "unknown option 'cpus'; did you mean 'cpu'?"},
        {Command.ADD, "constraint", "unknown option 'constraint'; did you mean 'constraints'?"},
        {Command.ADD, "servo", "option 'servo' is not accepted by add; set it with config"},
        {Command.ADD, "zoo-cfg-extra", "option 'zoo-cfg-extra' is not accepted by add; set it with config"},
    };
  }

  @Test(dataProvider = "unknownNames")
  public void unknownNameIsRefusedWithTheNearestKnownName(Command command, String name, String message) {
    assertThatThrownBy(() -> SettingsEditor.apply(command, DEFAULT, Map.of(name, "1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
  }

  @Test
  public void addAcceptsItsOwnOptions() {
    ServerSettings added = SettingsEditor.apply(Command.ADD, DEFAULT, Map.of("cpu", "0.5", "mem", "512",
        "disk", "2048", "constraints", "hostname=unique", "configchangebackoff", "5000", "port", "31000"));

    assertThat(OptionValues.of(added).all()).containsEntry("cpu", "0.5").containsEntry("port", "31000")
        .containsEntry("configchangebackoff", "5000");
  }

  @Test
  public void oneBadEntryAppliesNothingAndEveryProblemIsListed() {
    Map<String, String> changes = Map.of("cpu", "1", "servo", "true", "configcheckms", "x",
        "zoo-cfg-extr", "a=b", "port", "bad", "java-options", "-Xmx1g");

    InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
        () -> SettingsEditor.apply(DEFAULT, changes));

    assertThat(e.problems()).extracting(ConfigProblem::option)
        .containsExactly("configcheckms", "port", "zoo-cfg-extr");
    assertThat(e.getMessage()).isEqualTo("3 problems: "
        + "invalid value 'x' for configcheckms: expected a whole number of milliseconds >= 1; "
        + "invalid value 'bad' for port: invalid port range 'bad' in 'bad'; "
        + "accepted forms: 31000, 31000..31010, 31000..31010,31050 (ports 1..65535); "
        + "unknown option 'zoo-cfg-extr'; did you mean 'zoo-cfg-extra'?");
  }

  @Test
  public void everyOptionBadAtOnceListsEveryOption() {
    Map<String, String> changes = new HashMap<>();
    for (Object[] row : OptionTable.ROWS) {
      changes.put((String) row[0], (String) row[3]);
    }

    InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
        () -> SettingsEditor.apply(DEFAULT, changes));

    assertThat(e.problems()).hasSize(ConfigOption.values().length);
    assertThat(e.getMessage()).startsWith(ConfigOption.values().length + " problems: ");
  }

  @Test
  public void nullValueIsAProblemNotACrash() {
    Map<String, String> changes = new HashMap<>();
    changes.put("servo", null);

    assertThatThrownBy(() -> SettingsEditor.apply(DEFAULT, changes))
        .hasMessage("no value for servo; an empty value resets it to its default");
  }

  @Test
  public void longValuesAreShortenedInMessages() {
    String longValue = "x".repeat(100);

    assertThatThrownBy(() -> SettingsEditor.apply(DEFAULT, Map.of("servo", longValue)))
        .hasMessage("invalid value '" + "x".repeat(60) + "...' for servo: expected true or false");
  }

  @DataProvider
  public Object[][] conflicts() {
    ServerSettings pinned = SettingsEditor.apply(DEFAULT, Map.of("client-port", "2181"));
    return new Object[][] {
        {DEFAULT, Map.of("failover-delay", "20m"),
            "failover-delay 20m is longer than failover-max-delay 10m; change them together"},
        {DEFAULT, Map.of("failover-max-delay", "1s"),
            "failover-delay 5s is longer than failover-max-delay 1s; change them together"},
        {DEFAULT, Map.of("client-port", "2181", "connect-port", "2181"),
            "client-port and connect-port are both 2181; each needs its own port"},
        {pinned, Map.of("election-port", "2181"),
            "client-port and election-port are both 2181; each needs its own port"},
        {DEFAULT, Map.of("client-port", "2181", "connect-port", "2181", "election-port", "2181"),
            "3 problems: client-port and connect-port are both 2181; each needs its own port; "
                + "client-port and election-port are both 2181; each needs its own port; "
                + "connect-port and election-port are both 2181; each needs its own port"},
    };
  }

  @Test(dataProvider = "conflicts")
  public void conflictingOptionsAreRefused(ServerSettings base, Map<String, String> changes, String message) {
    assertThatThrownBy(() -> SettingsEditor.apply(base, changes))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(message);
  }

  @Test
  public void failoverDelaysMayChangeTogether() {
    ServerSettings edited = SettingsEditor.apply(DEFAULT, Map.of("failover-delay", "20m", "failover-max-delay", "1h"));

    assertThat(OptionValues.of(edited).framework())
        .containsEntry("failover-delay", "20m")
        .containsEntry("failover-max-delay", "1h");
  }
}

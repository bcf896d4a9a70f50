package org.exhibitormesos.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.exhibitormesos.core.placement.Constraints;
import org.exhibitormesos.core.server.PortRange;
import org.exhibitormesos.core.server.ServerSettings;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Every option with a good and a bad value, where each lands, and resetting by empty value. */
public class SettingsEditorTest {
  private static final ServerSettings DEFAULT = ServerSettings.DEFAULT;

  @DataProvider
  public Object[][] options() {
    return OptionTable.ROWS;
  }

  @Test
  public void tableCoversEveryOption() {
    assertThat(Arrays.stream(OptionTable.ROWS).map(row -> (String) row[0]))
        .containsExactlyElementsOf(Arrays.stream(ConfigOption.values()).map(ConfigOption::optionName).toList());
  }

  @Test(dataProvider = "options")
  public void goodValueIsStoredInCanonicalForm(String name, String good, String canonical, String bad, String reason) {
    ServerSettings edited = SettingsEditor.apply(DEFAULT, Map.of(name, good));

    assertThat(OptionValues.of(edited).all()).containsEntry(name, canonical);
    assertThat(SettingsEditor.apply(DEFAULT, Map.of(name, canonical))).isEqualTo(edited);
  }

  @Test(dataProvider = "options")
  public void badValueIsRefusedNamingOptionValueAndForm(String name, String good, String canonical, String bad,
      String reason) {
    InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
        () -> SettingsEditor.apply(DEFAULT, Map.of(name, bad)));

    String expected = "invalid value '" + bad + "' for " + name + ": " + reason;
    if (reason.endsWith(": ")) {
      assertThat(e.getMessage()).startsWith(expected);
    } else {
      assertThat(e.getMessage()).isEqualTo(expected);
    }
    assertThat(e.problems()).extracting(ConfigProblem::option).containsExactly(name);
  }

  @Test(dataProvider = "options")
  public void emptyValueResetsToDefault(String name, String good, String canonical, String bad, String reason) {
    ServerSettings set = SettingsEditor.apply(DEFAULT, Map.of(name, good));

    assertThat(set).isNotEqualTo(DEFAULT);
    assertThat(SettingsEditor.apply(set, Map.of(name, ""))).isEqualTo(DEFAULT);
  }

  @Test
  public void resettingAllAtOnceGivesTheDefaults() {
    ServerSettings everything = SettingsEditor.apply(DEFAULT, OptionTable.goodValues());
    Map<String, String> resets = new java.util.TreeMap<>();
    OptionTable.goodValues().keySet().forEach(name -> resets.put(name, ""));

    assertThat(SettingsEditor.apply(everything, resets)).isEqualTo(DEFAULT);
  }

  @DataProvider
  public Object[][] fields() {
    return new Object[][] {
        {"configcheckms", "30000", f(ServerSettings::exhibitorFlags), Map.of("configcheckms", "30000")},
        {"nodemodification", "False", f(ServerSettings::exhibitorFlags), Map.of("nodemodification", "false")},
        {"zoo-cfg-extra", "tickTime=1000", f(ServerSettings::sharedOverrides), Map.of("zoo-cfg-extra", "tickTime=1000")},
        {"client-port", "2181", f(s -> s.pinnedPort("client-port")), Optional.of(2181)},
        {"port", "31000..31010,31050", f(ServerSettings::adminPorts),
            List.of(new PortRange(31000, 31010), new PortRange(31050, 31050))},
        {"java-options", "-Xmx1g", f(ServerSettings::javaOptions), "-Xmx1g"},
        {"stickiness-period", "1h", f(ServerSettings::stickinessPeriod), Duration.ofHours(1)},
        {"stickiness-period", "0", f(ServerSettings::stickinessPeriod), Duration.ZERO},
        {"failover-delay", "30s", f(s -> s.failover().delay()), Duration.ofSeconds(30)},
        {"failover-max-delay", "2h", f(s -> s.failover().maxDelay()), Duration.ofHours(2)},
        {"failover-max-tries", "3", f(s -> s.failover().maxTries()), Optional.of(3)},
        {"cpu", "1.5", f(s -> s.resources().cpus()), 1.5},
        {"mem", "512", f(s -> s.resources().memMb()), 512.0},
        {"disk", "2048", f(s -> s.resources().diskMb()), 2048.0},
        {"constraints", "rack=cluster", f(ServerSettings::constraints), Constraints.parse("rack=cluster")},
        {"constraints", "none", f(ServerSettings::constraints), Constraints.NONE},
        {"configchangebackoff", "5000", f(ServerSettings::configChangeBackoff), Duration.ofMillis(5000)},
    };
  }

  private static Function<ServerSettings, Object> f(Function<ServerSettings, Object> getter) {
    return getter;
  }

  @Test(dataProvider = "fields")
  public void valueLandsInItsTypedField(String name, String value, Function<ServerSettings, Object> field,
      Object expected) {
    assertThat(field.apply(SettingsEditor.apply(DEFAULT, Map.of(name, value)))).isEqualTo(expected);
  }

  @DataProvider
  public Object[][] resets() {
    ServerSettings custom = SettingsEditor.apply(DEFAULT, OptionTable.goodValues());
    return new Object[][] {
        {custom, "port", f(ServerSettings::adminPorts), List.of()},
        {custom, "java-options", f(ServerSettings::javaOptions), ""},
        {custom, "failover-max-tries", f(s -> s.failover().maxTries()), Optional.empty()},
        {custom, "constraints", f(ServerSettings::constraints), ServerSettings.DEFAULT_CONSTRAINTS},
        {custom, "cpu", f(s -> s.resources().cpus()), 0.2},
        {custom, "disk", f(s -> s.resources().diskMb()), 1024.0},
        {custom, "configcheckms", f(s -> s.exhibitorFlags().containsKey("configcheckms")), false},
        {custom, "client-port", f(s -> s.pinnedPort("client-port")), Optional.empty()},
    };
  }

  @Test(dataProvider = "resets")
  public void emptyValueMeansNoneOrDefault(ServerSettings base, String name, Function<ServerSettings, Object> field,
      Object expected) {
    assertThat(field.apply(SettingsEditor.apply(base, Map.of(name, "")))).isEqualTo(expected);
  }

  @Test
  public void otherSettingsAreKept() {
    ServerSettings base = SettingsEditor.apply(DEFAULT, Map.of("servo", "true", "cpu", "2"));

    ServerSettings edited = SettingsEditor.apply(base, Map.of("mem", "1024"));

    assertThat(edited).isEqualTo(base.withResources(base.resources().withMemMb(1024)));
  }

  @Test
  public void noChangesGiveTheBase() {
    ServerSettings base = SettingsEditor.apply(DEFAULT, OptionTable.goodValues());

    assertThat(SettingsEditor.apply(base, Map.of())).isEqualTo(base);
  }
}

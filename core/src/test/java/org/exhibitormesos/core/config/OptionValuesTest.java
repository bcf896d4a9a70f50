package org.exhibitormesos.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.exhibitormesos.core.server.ServerSettings;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Rendering settings as options, and applying the rendering back. */
public class OptionValuesTest {
  private static final ServerSettings DEFAULT = ServerSettings.DEFAULT;

  @Test
  public void defaultsShowFrameworkSettingsAndResourcesOnly() {
    OptionValues values = OptionValues.of(DEFAULT);

    assertThat(values.exhibitorConfig()).isEmpty();
    assertThat(values.sharedOverrides()).isEmpty();
    assertThat(values.framework()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "stickiness-period", "10m", "failover-delay", "5s", "failover-max-delay", "10m"));
    assertThat(values.resources()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "cpu", "0.2", "mem", "256", "disk", "1024", "constraints", "hostname=unique",
        "configchangebackoff", "10000"));
  }

  @Test
  public void valuesAreGroupedAsStatusShowsThem() {
    OptionValues values = OptionValues.of(SettingsEditor.apply(DEFAULT, OptionTable.goodValues()));

    assertThat(values.exhibitorConfig()).hasSize(26).containsEntry("configcheckms", "30000");
    assertThat(values.sharedOverrides()).hasSize(16).containsEntry("zoo-cfg-extra", "maxClientCnxns=120, syncLimit=7");
    assertThat(values.framework()).containsOnlyKeys("port", "java-options", "stickiness-period", "failover-delay",
        "failover-max-delay", "failover-max-tries");
    assertThat(values.resources()).containsOnlyKeys("cpu", "mem", "disk", "constraints", "configchangebackoff");
    assertThat(values.all()).hasSize(ConfigOption.values().length);
  }

  @DataProvider
  public Object[][] settings() {
    return new Object[][] {
        {DEFAULT},
        {SettingsEditor.apply(DEFAULT, OptionTable.goodValues())},
        {SettingsEditor.apply(DEFAULT, Map.of("constraints", "none", "failover-max-tries", "1", "cpu", "0.001",
            "mem", "0.5", "stickiness-period", "0", "failover-delay", "0", "configchangebackoff", "0"))},
        {SettingsEditor.apply(DEFAULT, Map.of("constraints", "rack=like:r[12]\\,3,hostname=like:slave\\\\d+",
            "stickiness-period", "90 seconds", "failover-max-delay", "36 hours", "port", "31000,31002..31009"))},
        {DEFAULT.withConstraints(org.exhibitormesos.core.placement.Constraints.parse("zone=cluster:eu west"))},
    };
  }

  @Test(dataProvider = "settings")
  public void renderingAppliedToDefaultsGivesTheSameSettings(ServerSettings settings) {
    Map<String, String> rendered = OptionValues.of(settings).all();

    ServerSettings applied = SettingsEditor.apply(DEFAULT, rendered);

    assertThat(applied).isEqualTo(settings);
    assertThat(OptionValues.of(applied).all()).isEqualTo(rendered);
  }

  @Test
  public void noConstraintsRenderAsNone() {
    ServerSettings free = SettingsEditor.apply(DEFAULT, Map.of("constraints", "none"));

    assertThat(OptionValues.of(free).resources()).containsEntry("constraints", "none");
  }
}

package org.exhibitormesos.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** The registry holds exactly the original's options, plus disk. */
public class ConfigOptionTest {

  @DataProvider
  public Object[][] groups() {
    return new Object[][] {
        {OptionGroup.EXHIBITOR, List.of("configtype", "configcheckms", "defaultconfig", "headingtext", "hostname",
            "jquerystyle", "loglines", "nodemodification", "prefspath", "servo", "timeout", "s3credentials",
            "s3region", "s3config", "s3configprefix", "zkconfigconnect", "zkconfigexhibitorpath",
            "zkconfigexhibitorport", "zkconfigpollms", "zkconfigretry", "zkconfigzpath", "filesystembackup",
            "s3backup", "aclid", "aclperms", "aclscheme")},
        {OptionGroup.SHARED, List.of("log-index-directory", "zookeeper-install-directory",
            "zookeeper-data-directory", "zookeeper-log-directory", "backup-extra", "zoo-cfg-extra",
            "java-environment", "log4j-properties", "client-port", "connect-port", "election-port", "check-ms",
            "cleanup-period-ms", "cleanup-max-files", "backup-max-store-ms", "backup-period-ms")},
        {OptionGroup.FRAMEWORK, List.of("port", "java-options", "stickiness-period", "failover-delay",
            "failover-max-delay", "failover-max-tries")},
        {OptionGroup.RESOURCE, List.of("cpu", "mem", "disk", "constraints", "configchangebackoff")},
    };
  }

  @Test(dataProvider = "groups")
  public void groupHoldsTheOriginalsOptions(OptionGroup group, List<String> names) {
    assertThat(Arrays.stream(ConfigOption.values()).filter(o -> o.group() == group).map(ConfigOption::optionName))
        .containsExactlyElementsOf(names);
  }

  @Test
  public void addTakesTheOriginalsAddOptionsAndDisk() {
    assertThat(Arrays.stream(ConfigOption.values()).filter(o -> o.acceptedBy(Command.ADD)))
        .extracting(ConfigOption::optionName)
        .containsExactlyInAnyOrder("cpu", "mem", "disk", "constraints", "configchangebackoff", "port");
  }

  @Test
  public void configTakesEveryOption() {
    assertThat(ConfigOption.values()).allMatch(o -> o.acceptedBy(Command.CONFIG));
  }

  @Test
  public void everyOptionIsFoundByItsNameAndDescribed() {
    for (ConfigOption option : ConfigOption.values()) {
      assertThat(ConfigOption.byName(option.optionName())).contains(option);
      assertThat(option.optionName()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(option.description()).isNotBlank().doesNotContain("\n");
      assertThat(option.rule().expected()).isNotBlank();
    }
    assertThat(ConfigOption.byName("ZOO-CFG-EXTRA")).isEmpty();
  }
}

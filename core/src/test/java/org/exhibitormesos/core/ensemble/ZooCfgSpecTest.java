package org.exhibitormesos.core.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exhibitormesos.core.ensemble.Fixtures.DATA_DIR;
import static org.exhibitormesos.core.ensemble.Fixtures.DYNAMIC_FILE;

import java.util.List;
import org.exhibitormesos.core.InvalidInputException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class ZooCfgSpecTest {

  private static final ZooCfgSpec NATIVE = ZooCfgSpec.nativeMode(DATA_DIR, DYNAMIC_FILE);

  @DataProvider
  Object[][] cleanup() {
    return new Object[][] {
      // cleanup-period-ms -> purgeInterval hours
      {0L, 0}, {1L, 1}, {3_600_000L, 1}, {3_600_001L, 2}, {5_400_000L, 2}, {43_200_000L, 12},
    };
  }

  @Test(dataProvider = "cleanup")
  public void cleanupPeriodRoundsUpToWholeHours(long periodMs, int hours) {
    assertThat(Autopurge.fromCleanup(3, periodMs)).isEqualTo(new Autopurge(3, hours));
  }

  @Test
  public void cleanupRejectsFewerThanThreeFilesAndNegativePeriods() {
    assertThatThrownBy(() -> Autopurge.fromCleanup(2, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("minimum 3");
    assertThatThrownBy(() -> Autopurge.fromCleanup(3, -1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> Autopurge.fromCleanup(3, Long.MAX_VALUE))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("too large");
  }

  @Test
  public void defaults() {
    assertThat(NATIVE.tickTimeMs()).isEqualTo(2000);
    assertThat(NATIVE.initLimit()).isEqualTo(10);
    assertThat(NATIVE.syncLimit()).isEqualTo(5);
    assertThat(NATIVE.adminServer().enabled()).isFalse();
    assertThat(NATIVE.fourLetterWords()).containsExactly("srvr", "mntr", "conf", "ruok", "stat");
    assertThat(NATIVE.autopurge()).isEqualTo(Autopurge.DISABLED);
  }

  @Test
  public void extrasMayNotRepeatKeysTheSpecRenders() {
    for (String key : List.of("4lw.commands.whitelist", "admin.serverPort",
        "admin.commandURL", "autopurge.purgeInterval", "DigestAuthenticationProvider.superDigest")) {
      ZooCfgExtra extra = ZooCfgExtra.parse(key + "=1");
      assertThatThrownBy(() -> NATIVE.withExtra(extra))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'" + key + "' is rendered from its own framework setting");
    }
  }

  @Test
  public void timingFromExtrasSetsTheSpecsTimingAndIsNotRepeated() {
    ZooCfgSpec tuned = NATIVE.withExtra(ZooCfgExtra.parse("syncLimit=7,tickTime=1000,maxClientCnxns=100"));
    assertThat(tuned.syncLimit()).isEqualTo(7);
    assertThat(tuned.tickTimeMs()).isEqualTo(1000);
    assertThat(tuned.initLimit()).isEqualTo(10);
    assertThat(tuned.extra()).isEqualTo(ZooCfgExtra.parse("maxClientCnxns=100"));
    String rendered = ConfigFiles.zooCfg(tuned);
    assertThat(rendered).contains("syncLimit=7").contains("tickTime=1000").contains("maxClientCnxns=100");
    assertThat(rendered.lines().filter(l -> l.startsWith("syncLimit=")).count()).isEqualTo(1);
    assertThatThrownBy(() -> NATIVE.withExtra(ZooCfgExtra.parse("syncLimit=soon")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("syncLimit=soon: expected a whole number >= 1");
  }

  @Test
  public void fourLetterWordsAreWordsOrAStar() {
    assertThat(NATIVE.withFourLetterWords(List.of("*")).fourLetterWords()).containsExactly("*");
    assertThatThrownBy(() -> NATIVE.withFourLetterWords(List.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> NATIVE.withFourLetterWords(List.of("srvr", "SRVR")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'SRVR'");
    assertThatThrownBy(() -> NATIVE.withFourLetterWords(List.of("srvr", "srvr")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("twice");
  }

  @Test
  public void rejectsBadFields() {
    assertThatThrownBy(() -> ZooCfgSpec.nativeMode(" ", DYNAMIC_FILE))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'dataDir' is blank");
    assertThatThrownBy(() -> ZooCfgSpec.nativeMode(DATA_DIR, "C:\\zk\\dyn"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("backslash");
    assertThatThrownBy(() -> NATIVE.withDataLogDir("/a\nb"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("control character");
    assertThatThrownBy(() -> NATIVE.withTiming(0, 10, 5))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("tickTime 0");
    assertThatThrownBy(() -> NATIVE.withSuperDigest("not base64!"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not base64");
    assertThatThrownBy(() -> AdminServer.at("10.0.0.1", 0))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new AdminServer(false, "10.0.0.1", 8080))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  public void staticModeNeedsItsOwnIdInTheEnsemble() {
    Ensemble e = Ensemble.of(Fixtures.threeVoters());
    assertThatThrownBy(() -> ZooCfgSpec.staticMode(DATA_DIR, e, 4))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("server 4 is not in the ensemble");
  }
}

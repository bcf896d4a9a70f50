package org.exhibitormesos.core.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.exhibitormesos.core.InvalidInputException;
import org.exhibitormesos.core.ensemble.ZooCfgExtra.Entry;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class ZooCfgExtraTest {

  @Test
  public void commasNewlinesEscapesAndEqualsInValues() {
    ZooCfgExtra extra = ZooCfgExtra.parse(
        " a=1 ,b = x=y\r\n\nc=p\\,q\\,r,, \n d.e-f_g=/some/path ");
    assertThat(extra.entries()).containsExactly(
        new Entry("a", "1"), new Entry("b", "x=y"), new Entry("c", "p,q,r"),
        new Entry("d.e-f_g", "/some/path"));
    assertThat(extra.contains("b")).isTrue();
    assertThat(extra.contains("x")).isFalse();
  }

  @Test
  public void emptyTextIsEmpty() {
    assertThat(ZooCfgExtra.parse("")).isEqualTo(ZooCfgExtra.EMPTY);
    assertThat(ZooCfgExtra.parse(" ,\n, ")).isEqualTo(ZooCfgExtra.EMPTY);
  }

  @DataProvider
  Object[][] rejected() {
    return new Object[][] {
      {"maxClientCnxns", "entry 'maxClientCnxns' has no '='"},
      {"=1", "key '' is not made of letters"},
      {"a b=1", "key 'a b' is not made of letters"},
      {"a=", "zoo.cfg value for 'a' is blank"},
      {"a=1,a=2", "key 'a' appears twice"},
      {"a=c:\\dir", "backslash at position 4 that does not escape a comma"},
      {"dataDir=/tmp", "key 'dataDir' is set by the framework"},
      {"dynamicConfigFile=/x", "set by the framework"},
      {"clientPort=2181", "set by the framework"},
      {"clientPortAddress=0.0.0.0", "set by the framework"},
      {"server.1=h:1:2", "key 'server.1' is set by the framework"},
      {"reconfigEnabled=false", "set by the framework"},
      {"standaloneEnabled=true", "set by the framework"},
      {"group.1=1:2:3", "set by the framework"},
      {"weight.1=2", "set by the framework"},
    };
  }

  @Test(dataProvider = "rejected")
  public void rejectsWithAClearMessage(String text, String message) {
    assertThatThrownBy(() -> ZooCfgExtra.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }
}

package org.exhibitormesos.exhibitor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.testng.annotations.Test;

public class ServersSpecTest {
  @Test
  public void parsesSortsAndRenders() {
    ServersSpec spec = ServersSpec.parse(" S:3:h3, O:1:h1,,S:2:h2 ");
    assertThat(spec.text()).isEqualTo("O:1:h1,S:2:h2,S:3:h3");
    assertThat(spec.entry(1)).contains(ServersSpec.Entry.observer(1, "h1"));
    assertThat(ServersSpec.parse("").entries()).isEmpty();
    assertThat(ServersSpec.parse(null)).isEqualTo(ServersSpec.EMPTY);
  }

  @Test
  public void editsByIdOnly() {
    ServersSpec spec = ServersSpec.parse("S:1:h,S:2:h");
    assertThat(spec.without(1).text()).isEqualTo("S:2:h");
    assertThat(spec.without(7)).isEqualTo(spec);
    assertThat(spec.with(ServersSpec.Entry.observer(2, "g")).text()).isEqualTo("S:1:h,O:2:g");
    assertThat(spec.with(ServersSpec.Entry.voter(0 + 5, "k")).text()).isEqualTo("S:1:h,S:2:h,S:5:k");
  }

  @Test
  public void rejectsMalformedEntriesAndRepeatedIds() {
    assertThatThrownBy(() -> ServersSpec.parse("S:1"))
        .hasMessageContaining("entry 'S:1' is not S:<id>:<host>");
    assertThatThrownBy(() -> ServersSpec.parse("X:1:h")).hasMessageContaining("'X:1:h'");
    assertThatThrownBy(() -> ServersSpec.parse("S:1:h,O:1:g"))
        .hasMessageContaining("server id 1 appears twice");
    assertThatThrownBy(() -> ServersSpec.parse("S:0:h")).hasMessageContaining("not in 1..255");
    assertThatThrownBy(() -> ServersSpec.Entry.voter(1, "a b"))
        .hasMessageContaining("cannot appear");
  }
}

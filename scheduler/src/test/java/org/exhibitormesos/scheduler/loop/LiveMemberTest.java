package org.exhibitormesos.scheduler.loop;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.testng.annotations.Test;

public class LiveMemberTest {
  @Test
  public void acceptsOnlyTheDocumentedRolesAndModes() {
    assertThatCode(() -> new LiveMember(1, "h", "participant", "leader")).doesNotThrowAnyException();
    assertThatCode(() -> new LiveMember(2, "h", "observer", "unreachable")).doesNotThrowAnyException();
    assertThatThrownBy(() -> new LiveMember(1, "h", "voter", "leader")).hasMessageContaining("voter");
    assertThatThrownBy(() -> new LiveMember(1, "h", "participant", "LEADER")).hasMessageContaining("LEADER");
  }
}

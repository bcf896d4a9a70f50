package org.exhibitormesos.core.state.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.testng.annotations.Test;

public class StateStoreValuesTest {

  @Test
  public void versionedRejectsNegativeVersionsAndNullValues() {
    assertThatThrownBy(() -> new Versioned<>("x", -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Versioned<>(null, 0)).isInstanceOf(NullPointerException.class);
  }

  @Test
  public void writeResultsAcceptAbsentButNothingBelow() {
    assertThat(new WriteResult.Written(StateStore.ABSENT).written()).isTrue();
    assertThat(new WriteResult.Conflict(StateStore.ABSENT).written()).isFalse();
    assertThatThrownBy(() -> new WriteResult.Written(-2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WriteResult.Conflict(-2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void exceptionCarriesReasonStoreAndMessage() {
    var cause = new RuntimeException("disk");
    var e = new StateStoreException(StateStoreException.Reason.CORRUPT, "file:/x.json",
        "state file /x.json is corrupt: bad checksum", cause);

    assertThat(e.reason()).isEqualTo(StateStoreException.Reason.CORRUPT);
    assertThat(e.store()).isEqualTo("file:/x.json");
    assertThat(e.getMessage()).isEqualTo("state file /x.json is corrupt: bad checksum");
    assertThat(e.getCause()).isSameAs(cause);
  }
}

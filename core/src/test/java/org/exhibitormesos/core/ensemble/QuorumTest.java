package org.exhibitormesos.core.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.exhibitormesos.core.InvalidInputException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class QuorumTest {

  @DataProvider
  Object[][] sizes() {
    return new Object[][] {
      // voters, majority, tolerated failures
      {1, 1, 0}, {2, 2, 0}, {3, 2, 1}, {4, 3, 1}, {5, 3, 2}, {6, 4, 2}, {7, 4, 3}, {254, 128, 126},
    };
  }

  @Test(dataProvider = "sizes")
  public void majorityAndToleratedFailures(int voters, int majority, int tolerated) {
    assertThat(Quorum.majority(voters)).isEqualTo(majority);
    assertThat(Quorum.toleratedFailures(voters)).isEqualTo(tolerated);
  }

  @Test
  public void noVotersHasNoQuorum() {
    assertThatThrownBy(() -> Quorum.majority(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 1 voter");
    assertThatThrownBy(() -> Quorum.toleratedFailures(-1))
        .isInstanceOf(InvalidInputException.class);
  }
}

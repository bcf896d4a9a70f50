package org.exhibitormesos.core.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exhibitormesos.core.ensemble.Fixtures.voter;

import java.util.List;
import org.exhibitormesos.core.InvalidInputException;
import org.testng.annotations.Test;

public class EnsembleTest {

  private static final EnsembleMember OBSERVER_5 =
      EnsembleMember.observer(5, "10.0.0.5", 2888, 3888, 2181);

  @Test
  public void sortsMembersAndSplitsVotersFromObservers() {
    Ensemble e = Ensemble.of(List.of(OBSERVER_5, voter(3), voter(1), voter(2)));

    assertThat(e.members()).extracting(EnsembleMember::myid).containsExactly(1, 2, 3, 5);
    assertThat(e.voters()).extracting(EnsembleMember::myid).containsExactly(1, 2, 3);
    assertThat(e.observers()).containsExactly(OBSERVER_5);
    assertThat(e.quorumSize()).isEqualTo(2);
    assertThat(e.toleratedFailures()).isEqualTo(1);
    assertThat(e.hasVersion()).isFalse();
    assertThat(e.member(5)).contains(OBSERVER_5);
    assertThat(e.member(4)).isEmpty();
  }

  @Test
  public void connectStringListsEveryMemberInIdOrderIncludingObservers() {
    Ensemble e = Ensemble.of(List.of(OBSERVER_5, voter(2), voter(1)));
    assertThat(e.connectString()).isEqualTo("10.0.0.1:2181,10.0.0.2:2181,10.0.0.5:2181");
  }

  @Test
  public void fourVotersTolerateOneFailureLikeThree() {
    Ensemble e = Ensemble.of(List.of(voter(1), voter(2), voter(3), voter(4)));
    assertThat(e.quorumSize()).isEqualTo(3);
    assertThat(e.toleratedFailures()).isEqualTo(1);
  }

  @Test
  public void rejectsDuplicateIdsNoVotersAndNegativeVersions() {
    assertThatThrownBy(() -> Ensemble.of(List.of(voter(1), voter(1))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("server id 1 appears more than once");
    assertThatThrownBy(() -> Ensemble.of(List.of(OBSERVER_5)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least one participant");
    assertThatThrownBy(() -> Ensemble.of(List.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Ensemble(List.of(voter(1)), -1))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  public void membersAreImmutable() {
    Ensemble e = Ensemble.of(List.of(voter(1)));
    assertThatThrownBy(() -> e.members().add(voter(2)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}

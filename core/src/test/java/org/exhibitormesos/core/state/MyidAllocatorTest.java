package org.exhibitormesos.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.testng.annotations.Test;

public class MyidAllocatorTest {
  private static final EnsembleState FRESH = EnsembleState.initial("0123456789abcdef");

  @Test
  public void counterOnlyGoesUp() {
    MyidAllocator.Allocation a = MyidAllocator.allocate(FRESH, Set.of(), Set.of());
    MyidAllocator.Allocation b = MyidAllocator.allocate(a.ensemble(), Set.of(), Set.of());
    assertThat(a.myid()).isEqualTo(1);
    assertThat(b.myid()).isEqualTo(2);
    // Retiring 1 does not bring it back while the counter lasts.
    EnsembleState retired = MyidAllocator.retire(b.ensemble(), 1);
    assertThat(MyidAllocator.allocate(retired, Set.of(), Set.of()).myid()).isEqualTo(3);
  }

  @Test
  public void skipsIdsHeldOrCommitted() {
    EnsembleState e = FRESH.withNextMyid(4);
    assertThat(MyidAllocator.allocate(e, Set.of(4), Set.of(5)).myid()).isEqualTo(6);
  }

  @Test
  public void exhaustedCounterReusesOnlySafeRetiredIds() {
    EnsembleState e = FRESH.withNextMyid(MyidAllocator.MAX + 1).withRetiredMyids(new TreeSet<>(Set.of(3, 7, 9)));
    // 3 is still in the committed configuration, 7 is held: 9 is the only safe one.
    MyidAllocator.Allocation a = MyidAllocator.allocate(e, Set.of(7), Set.of(3));
    assertThat(a.myid()).isEqualTo(9);
    assertThat(a.ensemble().retiredMyids()).containsExactly(3, 7);
  }

  @Test
  public void noFreeIdIsAClearError() {
    Set<Integer> all = IntStream.rangeClosed(1, 254).boxed().collect(Collectors.toCollection(HashSet::new));
    assertThatThrownBy(() -> MyidAllocator.allocate(FRESH, all, Set.of()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no ZooKeeper myid is free");
  }
}

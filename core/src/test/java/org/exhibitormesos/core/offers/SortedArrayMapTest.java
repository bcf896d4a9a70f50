package org.exhibitormesos.core.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import org.exhibitormesos.core.ids.ServerId;
import org.testng.annotations.Test;

public class SortedArrayMapTest {

  private static SortedArrayMap<ServerId, List<String>> map(int... ids) {
    SortedArrayMap.Builder<ServerId, List<String>> b = new SortedArrayMap.Builder<>();
    for (int id : ids) {
      b.put(ServerId.of(id), List.of("reason " + id));
    }
    return b.build();
  }

  private static SortedMap<ServerId, List<String>> tree(int... ids) {
    TreeMap<ServerId, List<String>> t = new TreeMap<>();
    for (int id : ids) {
      t.put(ServerId.of(id), List.of("reason " + id));
    }
    return t;
  }

  @Test
  public void behavesLikeATreeMapWithTheSameEntries() {
    int[] ids = {1, 3, 4, 8, 20};
    SortedMap<ServerId, List<String>> m = map(ids);
    SortedMap<ServerId, List<String>> t = tree(ids);
    assertThat(m).isEqualTo(t);
    assertThat(t).isEqualTo(m);
    assertThat(m.hashCode()).isEqualTo(t.hashCode());
    assertThat(m.toString()).isEqualTo(t.toString());
    assertThat(m.keySet()).containsExactlyElementsOf(t.keySet());
    assertThat(m.firstKey()).isEqualTo(ServerId.of(1));
    assertThat(m.lastKey()).isEqualTo(ServerId.of(20));
    for (int id = 0; id <= 21; id++) {
      ServerId k = ServerId.of(id);
      assertThat(m.get(k)).as("get " + id).isEqualTo(t.get(k));
      assertThat(m.containsKey(k)).as("containsKey " + id).isEqualTo(t.containsKey(k));
      assertThat(m.headMap(k)).as("headMap " + id).isEqualTo(t.headMap(k));
      assertThat(m.tailMap(k)).as("tailMap " + id).isEqualTo(t.tailMap(k));
    }
    assertThat(m.subMap(ServerId.of(3), ServerId.of(9))).isEqualTo(t.subMap(ServerId.of(3), ServerId.of(9)));
    assertThat(m.subMap(ServerId.of(3), ServerId.of(9)).get(ServerId.of(1))).isNull();
    assertThat(m.get("not an id")).isNull();
    assertThat(m.get(null)).isNull();
  }

  @Test
  public void isUnmodifiableAndRefusesKeysOutOfOrder() {
    SortedMap<ServerId, List<String>> m = map(1, 2);
    assertThatThrownBy(() -> m.put(ServerId.of(3), List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.remove(ServerId.of(1))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(m::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.entrySet().iterator().next().setValue(List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new SortedArrayMap.Builder<ServerId, List<String>>().put(ServerId.of(2), List.of())
        .put(ServerId.of(2), List.of())).hasMessageContaining("increasing order");
    assertThatThrownBy(() -> map().firstKey()).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> m.subMap(ServerId.of(2), ServerId.of(1))).isInstanceOf(IllegalArgumentException.class);
  }
}

package org.exhibitormesos.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.exhibitormesos.core.state.store.MemoryStateStore;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.testng.annotations.Test;

public class StateRepositoryTest {
  @Test
  public void emptyStoreLoadsNothingThenRoundTrips() throws Exception {
    StateRepository repo = new StateRepository(new MemoryStateStore("t"), new StateCodec());
    assertThat(repo.load()).isEmpty();
    long v1 = repo.save(StateFixtures.everyField(), StateStore.ABSENT);
    assertThat(repo.load()).hasValueSatisfying(l -> {
      assertThat(l.value()).isEqualTo(StateFixtures.everyField());
      assertThat(l.version()).isEqualTo(v1);
    });
    long v2 = repo.save(StateFixtures.everyField().withFrameworkId("fw-2"), v1);
    assertThat(v2).isGreaterThan(v1);
  }

  @Test
  public void aStaleWriterIsFenced() throws Exception {
    StateRepository repo = new StateRepository(new MemoryStateStore("t"), new StateCodec());
    long v1 = repo.save(StateFixtures.everyField(), StateStore.ABSENT);
    repo.save(StateFixtures.everyField(), v1);
    assertThatThrownBy(() -> repo.save(StateFixtures.everyField(), v1))
        .isInstanceOfSatisfying(StateStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StateStoreException.Reason.FENCED))
        .hasMessageContaining("state in memory:t was changed by another writer");
  }

  @Test
  public void anUndecodableDocumentIsCorruptNotEmpty() throws Exception {
    MemoryStateStore store = new MemoryStateStore("t");
    store.compareAndSet("{\"schemaVersion\": 1, \"ensemble\": 3}".getBytes(StandardCharsets.UTF_8), StateStore.ABSENT);
    StateRepository repo = new StateRepository(store, new StateCodec());
    assertThatThrownBy(repo::load)
        .isInstanceOfSatisfying(StateStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StateStoreException.Reason.CORRUPT))
        .hasMessageContaining("state in memory:t cannot be read: state field ensemble: expected an object, found 3")
        .hasMessageContaining("not treated as empty");
  }
}

package org.exhibitormesos.core.state.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.testng.SkipException;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

/**
 * The behaviour every {@link StateStore} backend must show. A backend's test extends this class and
 * supplies fresh stores; it runs unchanged against memory, file and ZooKeeper backends.
 *
 * <p>Stores obtained through {@link #open()} and {@link #reopenTracked(StateStore)} are closed after
 * each test. Subclasses clean up their own storage (directories, znodes) in their own hooks.
 */
public abstract class StateStoreContractTest {

  private final List<StateStore> opened = new ArrayList<>();

  /**
   * @return a new, open, empty store over storage no other test uses
   * @throws Exception if the backend cannot be set up
   */
  protected abstract StateStore newStore() throws Exception;

  /**
   * Closes {@code store} and opens a new instance over the same storage, as a restarted scheduler
   * would.
   *
   * @param store an open store from {@link #newStore()} or from this method
   * @return the new instance, or null if the backend cannot reopen (the tests that need it skip)
   * @throws Exception if the backend cannot be reopened
   */
  protected StateStore reopen(StateStore store) throws Exception {
    return null;
  }

  /** @return a fresh store, closed after the test */
  protected final StateStore open() throws Exception {
    StateStore store = newStore();
    opened.add(store);
    return store;
  }

  /** @return {@link #reopen(StateStore)}'s store, closed after the test; skips if unsupported */
  protected final StateStore reopenTracked(StateStore store) throws Exception {
    StateStore again = reopen(store);
    if (again == null) {
      throw new SkipException(getClass().getSimpleName() + " cannot reopen its store");
    }
    opened.add(again);
    return again;
  }

  @AfterMethod(alwaysRun = true)
  public void closeOpenedStores() {
    opened.forEach(StateStore::close);
    opened.clear();
  }

  @Test
  public void emptyStoreReadsEmpty() throws Exception {
    assertThat(open().read()).isEmpty();
  }

  @Test
  public void describeIsNotBlank() throws Exception {
    assertThat(open().describe()).isNotBlank();
  }

  @Test
  public void createWithAbsentStoresTheData() throws Exception {
    StateStore store = open();
    WriteResult result = store.compareAndSet(bytes("{\"a\":1}"), StateStore.ABSENT);

    long version = writtenVersion(result);
    assertThat(version).isGreaterThanOrEqualTo(0);
    assertStored(store, "{\"a\":1}", version);
  }

  @Test
  public void createTwiceConflicts() throws Exception {
    StateStore store = open();
    long version = writtenVersion(store.compareAndSet(bytes("first"), StateStore.ABSENT));

    WriteResult second = store.compareAndSet(bytes("second"), StateStore.ABSENT);

    assertThat(second).isEqualTo(new WriteResult.Conflict(version));
    assertStored(store, "first", version);
  }

  @Test
  public void casWithCurrentVersionReplacesTheData() throws Exception {
    StateStore store = open();
    long v1 = writtenVersion(store.compareAndSet(bytes("one"), StateStore.ABSENT));

    long v2 = writtenVersion(store.compareAndSet(bytes("two"), v1));

    assertThat(v2).isGreaterThan(v1);
    assertStored(store, "two", v2);
  }

  @Test
  public void staleVersionConflictsAndLeavesDataUnchanged() throws Exception {
    StateStore store = open();
    long v1 = writtenVersion(store.compareAndSet(bytes("one"), StateStore.ABSENT));
    long v2 = writtenVersion(store.compareAndSet(bytes("two"), v1));

    WriteResult stale = store.compareAndSet(bytes("stale"), v1);

    assertThat(stale).isEqualTo(new WriteResult.Conflict(v2));
    assertStored(store, "two", v2);
  }

  @Test
  public void futureVersionConflicts() throws Exception {
    StateStore store = open();
    long v1 = writtenVersion(store.compareAndSet(bytes("one"), StateStore.ABSENT));

    assertThat(store.compareAndSet(bytes("x"), v1 + 1000)).isEqualTo(new WriteResult.Conflict(v1));
    assertStored(store, "one", v1);
  }

  @Test
  public void casOnEmptyStoreWithAVersionConflictsWithAbsent() throws Exception {
    StateStore store = open();

    assertThat(store.compareAndSet(bytes("x"), 0))
        .isEqualTo(new WriteResult.Conflict(StateStore.ABSENT));
    assertThat(store.read()).isEmpty();
  }

  @Test
  public void versionsStrictlyIncrease() throws Exception {
    StateStore store = open();
    long version = StateStore.ABSENT;
    for (int i = 0; i < 25; i++) {
      long next = writtenVersion(store.compareAndSet(bytes("write " + i), version));
      assertThat(next).as("version after write %d", i).isGreaterThan(version);
      version = next;
    }
    assertStored(store, "write 24", version);
  }

  @Test
  public void largePayloadRoundTrips() throws Exception {
    StateStore store = open();
    byte[] large = new byte[5 * 1024 * 1024 + 17];
    new Random(42).nextBytes(large);

    long version = writtenVersion(store.compareAndSet(large, StateStore.ABSENT));

    Versioned<byte[]> read = store.read().orElseThrow();
    assertThat(read.version()).isEqualTo(version);
    assertThat(read.value()).isEqualTo(large);
  }

  @Test
  public void binaryPayloadRoundTrips() throws Exception {
    StateStore store = open();
    byte[] binary = new byte[512];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    binary[300] = '\n';
    binary[301] = '\r';

    long version = writtenVersion(store.compareAndSet(binary, StateStore.ABSENT));

    assertThat(store.read().orElseThrow().value()).isEqualTo(binary);
    assertThat(store.read().orElseThrow().version()).isEqualTo(version);
  }

  @Test
  public void emptyPayloadIsStoredNotAbsent() throws Exception {
    StateStore store = open();

    long version = writtenVersion(store.compareAndSet(new byte[0], StateStore.ABSENT));

    Versioned<byte[]> read = store.read().orElseThrow();
    assertThat(read.value()).isEmpty();
    assertThat(read.version()).isEqualTo(version);
  }

  @Test
  public void callerArraysAreCopied() throws Exception {
    StateStore store = open();
    byte[] data = bytes("original");
    store.compareAndSet(data, StateStore.ABSENT);
    data[0] = 'X';

    byte[] read = store.read().orElseThrow().value();
    read[1] = 'Y';

    assertThat(text(store.read().orElseThrow().value())).isEqualTo("original");
  }

  @Test
  public void deleteWithCurrentVersionRemovesTheData() throws Exception {
    StateStore store = open();
    long version = writtenVersion(store.compareAndSet(bytes("x"), StateStore.ABSENT));

    assertThat(store.delete(version)).isEqualTo(new WriteResult.Written(StateStore.ABSENT));
    assertThat(store.read()).isEmpty();
  }

  @Test
  public void deleteWithWrongVersionConflictsAndKeepsTheData() throws Exception {
    StateStore store = open();
    long v1 = writtenVersion(store.compareAndSet(bytes("one"), StateStore.ABSENT));
    long v2 = writtenVersion(store.compareAndSet(bytes("two"), v1));

    assertThat(store.delete(v1)).isEqualTo(new WriteResult.Conflict(v2));
    assertStored(store, "two", v2);
  }

  @Test
  public void deleteOnEmptyStoreConflictsWithAbsent() throws Exception {
    assertThat(open().delete(0)).isEqualTo(new WriteResult.Conflict(StateStore.ABSENT));
  }

  @Test
  public void createAfterDeleteWorks() throws Exception {
    StateStore store = open();
    long v1 = writtenVersion(store.compareAndSet(bytes("one"), StateStore.ABSENT));
    store.delete(v1);

    long v2 = writtenVersion(store.compareAndSet(bytes("again"), StateStore.ABSENT));

    assertStored(store, "again", v2);
  }

  @Test
  public void invalidVersionsAreRejected() throws Exception {
    StateStore store = open();
    assertThatThrownBy(() -> store.compareAndSet(bytes("x"), -2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.delete(StateStore.ABSENT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.compareAndSet(null, StateStore.ABSENT))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  public void reopenedStoreSeesTheLastWriteAndVersion() throws Exception {
    StateStore store = open();
    long v1 = writtenVersion(store.compareAndSet(bytes("one"), StateStore.ABSENT));
    long v2 = writtenVersion(store.compareAndSet(bytes("two"), v1));

    StateStore again = reopenTracked(store);

    assertStored(again, "two", v2);
    long v3 = writtenVersion(again.compareAndSet(bytes("three"), v2));
    assertThat(v3).isGreaterThan(v2);
    assertThat(again.compareAndSet(bytes("stale"), v1)).isEqualTo(new WriteResult.Conflict(v3));
  }

  @Test
  public void reopenedEmptyStoreIsEmpty() throws Exception {
    StateStore again = reopenTracked(open());
    assertThat(again.read()).isEmpty();
  }

  @Test
  public void closeIsIdempotent() throws Exception {
    StateStore store = open();
    store.close();
    store.close();
    assertThat(store.describe()).isNotBlank();
  }

  @Test
  public void operationsAfterCloseThrow() throws Exception {
    StateStore store = open();
    store.compareAndSet(bytes("x"), StateStore.ABSENT);
    store.close();

    assertThatThrownBy(store::read).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.compareAndSet(bytes("y"), 1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.delete(1)).isInstanceOf(IllegalStateException.class);
  }

  /** @return the version of a {@link WriteResult.Written}, failing the test on a conflict */
  protected static long writtenVersion(WriteResult result) {
    assertThat(result).isInstanceOf(WriteResult.Written.class);
    return ((WriteResult.Written) result).version();
  }

  protected static void assertStored(StateStore store, String expected, long version)
      throws StateStoreException {
    Optional<Versioned<byte[]>> read = store.read();
    assertThat(read).as("read() of %s", store.describe()).isPresent();
    assertThat(text(read.get().value())).isEqualTo(expected);
    assertThat(read.get().version()).isEqualTo(version);
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  protected static String text(byte[] bytes) {
    return new String(bytes, UTF_8);
  }
}

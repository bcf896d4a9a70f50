package org.exhibitormesos.core.state.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.testng.annotations.Test;

public class MemoryStateStoreTest extends StateStoreContractTest {

  @Override
  protected StateStore newStore() {
    return new MemoryStateStore();
  }

  @Override
  protected StateStore reopen(StateStore store) {
    store.close();
    return ((MemoryStateStore) store).reopen();
  }

  @Test
  public void describeNamesTheStore() {
    assertThat(new MemoryStateStore("sim-1").describe()).isEqualTo("memory:sim-1");
  }
}

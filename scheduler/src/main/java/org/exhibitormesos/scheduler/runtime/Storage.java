package org.exhibitormesos.scheduler.runtime;

import java.time.Clock;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.storage.file.FileStateStore;
import org.exhibitormesos.storage.zk.ZkSessionConfig;
import org.exhibitormesos.storage.zk.ZkStateStore;
import org.exhibitormesos.storage.zk.ZkStorageSpec;

/** Opens the state store a {@code --storage} value names. */
final class Storage {
  private Storage() {
  }

  /** @throws StateStoreException when the store cannot be opened (locked, unreachable) */
  static StateStore open(String spec, Clock clock) throws StateStoreException {
    if (spec.startsWith("zk:")) {
      return ZkStateStore.connect(ZkStorageSpec.parse(spec), ZkSessionConfig.DEFAULTS, clock);
    }
    return FileStateStore.open(spec);
  }
}

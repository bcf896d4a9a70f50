package org.exhibitormesos.storage.file;

import org.exhibitormesos.core.testing.TempDirs;
import java.nio.file.Path;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreContractTest;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

public class FileStateStoreContractTest extends StateStoreContractTest {

  private Path dir;
  private int stores;

  @BeforeClass
  public void createDir() {
    dir = TempDirs.create("file-state-store-contract");
  }

  @AfterClass(alwaysRun = true)
  public void deleteDir() {
    TempDirs.delete(dir);
  }

  @Override
  protected StateStore newStore() throws Exception {
    return FileStateStore.open(dir.resolve("state-" + ++stores + ".json"));
  }

  @Override
  protected StateStore reopen(StateStore store) throws Exception {
    store.close();
    return FileStateStore.open(((FileStateStore) store).file());
  }
}

package org.exhibitormesos.storage.zk;

import java.time.Clock;
import java.time.Duration;
import org.exhibitormesos.core.state.store.StateStore;
import org.exhibitormesos.core.state.store.StateStoreContractTest;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/**
 * The shared store contract against a real ZooKeeper server, with digest credentials (the
 * production setup). Reopening closes the store's session and opens a new one, as a restarted
 * scheduler would. The server and clients are configured for 8 MiB packets so the contract's
 * 5 MiB document fits; {@link ZkStateStoreTest} covers ZooKeeper's default 1 MiB limit.
 */
public class ZkStateStoreContractTest extends StateStoreContractTest {

  static final ZkSessionConfig CONFIG =
      ZkSessionConfig.of(Duration.ofSeconds(4)).withMaxBufferBytes(8 * 1024 * 1024);

  private ZkTestServer server;
  private int stores;

  @BeforeClass
  public void startServer() throws Exception {
    server = ZkTestServer.start();
  }

  @AfterClass(alwaysRun = true)
  public void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected StateStore newStore() throws Exception {
    return connect(server.storage("framework:s3cret", "/contract/state-" + ++stores));
  }

  @Override
  protected StateStore reopen(StateStore store) throws Exception {
    store.close();
    return connect(server.storage("framework:s3cret", ((ZkStateStore) store).path()));
  }

  private static StateStore connect(String storage) throws Exception {
    return ZkStateStore.connect(ZkStorageSpec.parse(storage), CONFIG, Clock.systemUTC());
  }
}

package org.exhibitormesos.executor.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.exhibitormesos.core.launch.ZooKeeperMode;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class SrvrStatusTest {
  private static String srvr(String mode, String zxid) {
    return "Zookeeper version: 3.9.5-..., built on 2025-01-01 00:00 UTC\n"
        + "Latency min/avg/max: 0/0.0/0\nReceived: 3\nSent: 2\nConnections: 1\nOutstanding: 0\n"
        + "Zxid: " + zxid + "\nMode: " + mode + "\nNode count: 5\n";
  }

  @DataProvider
  Object[][] answers() {
    return new Object[][] {
      {srvr("leader", "0x100000003"), true, ZooKeeperMode.LEADER, Optional.of("0x100000003")},
      {srvr("follower", "0x0"), true, ZooKeeperMode.FOLLOWER, Optional.of("0x0")},
      {srvr("observer", "0x2000000A1"), true, ZooKeeperMode.OBSERVER,
          Optional.of("0x2000000a1")},
      {srvr("standalone", "0x5"), true, ZooKeeperMode.STANDALONE, Optional.of("0x5")},
      {srvr("read-only", "0x5"), true, ZooKeeperMode.UNKNOWN, Optional.of("0x5")},
      {"This ZooKeeper instance is not currently serving requests\n", false,
          ZooKeeperMode.UNKNOWN, Optional.empty()},
      {"srvr is not executed because it is not in the whitelist.\n", false,
          ZooKeeperMode.UNKNOWN, Optional.empty()},
      {"Mode: leader\r\n", true, ZooKeeperMode.LEADER, Optional.empty()},
      {"", false, ZooKeeperMode.UNKNOWN, Optional.empty()},
    };
  }

  @Test(dataProvider = "answers")
  public void parses(String text, boolean serving, ZooKeeperMode mode, Optional<String> zxid) {
    SrvrStatus status = SrvrStatus.parse(text);
    assertThat(status.serving()).isEqualTo(serving);
    assertThat(status.mode()).isEqualTo(mode);
    assertThat(status.zxid()).isEqualTo(zxid);
  }
}

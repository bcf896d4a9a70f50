package org.exhibitormesos.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testng.annotations.Test;

/** The parsing and arithmetic the figures rest on. */
public class SrvrTest {

  @Test
  public void readsTheModeLine() {
    assertThat(Srvr.parse("Zookeeper version: 3.9.5\nLatency min/avg/max: 0/0.0/0\nMode: follower\nNode count: 5\n"))
        .contains(Srvr.Mode.FOLLOWER);
    assertThat(Srvr.parse("This ZooKeeper instance is not currently serving requests\n")).isEmpty();
  }

  @Test
  public void oneLeaderAndEveryServerServing() {
    Optional<Srvr.Mode> leader = Optional.of(Srvr.Mode.LEADER);
    Optional<Srvr.Mode> follower = Optional.of(Srvr.Mode.FOLLOWER);
    assertThat(Quorums.hasOneLeader(Map.of(1, follower, 2, leader, 3, follower))).isTrue();
    assertThat(Quorums.hasOneLeader(Map.of(1, follower, 2, leader, 3, Optional.empty()))).isFalse();
    assertThat(Quorums.highestFollower(Map.of(1, follower, 2, follower, 3, leader))).contains(2);
  }

  @Test
  public void medianOfEvenAndOddCounts() {
    assertThat(new Samples(List.of(ms(30), ms(10), ms(20))).median()).isEqualTo(ms(20));
    assertThat(new Samples(List.of(ms(40), ms(10), ms(20), ms(30))).median()).isEqualTo(ms(25));
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}

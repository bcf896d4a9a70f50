package org.exhibitormesos.bench.floor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The floor: {@code QuorumPeerMain} processes started directly with the static configuration core
 * renders, one run being launch, time to quorum, {@code kill -9} of a follower and its restart in
 * place, then {@code kill -9} of the leader with a client writing throughout.
 */
final class FloorSide implements Side {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Path libDir;
  private final Path workDir;

  /**
   * @param libDir the servers' class path directory ({@link ServerJvm#fromLibDir})
   * @param workDir where each run makes (and removes) its ensemble's directory
   */
  FloorSide(Path libDir, Path workDir) {
    this.libDir = libDir;
    this.workDir = workDir;
  }

  @Override
  public String name() {
    return "floor";
  }

  @Override
  public Map<Metric, Duration> runOnce(int servers) throws Exception {
    Map<Metric, Duration> result = new EnumMap<>(Metric.class);
    try (BareEnsemble ensemble = BareEnsemble.create(Files.createTempDirectory(workDir, "floor-"), servers, libDir)) {
      long launched = System.nanoTime();
      ensemble.startAll();
      long quorum = Poll.until("a quorum of " + servers, TIMEOUT, () -> Quorums.hasOneLeader(ensemble.modes()));
      result.put(Metric.TIME_TO_QUORUM, Duration.ofNanos(quorum - launched));

      int follower = Quorums.highestFollower(ensemble.modes()).orElseThrow();
      long killed = System.nanoTime();
      ensemble.kill(follower);
      ensemble.start(follower);
      long serving = Poll.until("follower " + follower + " serving again", TIMEOUT,
          () -> ensemble.mode(follower).equals(Optional.of(Srvr.Mode.FOLLOWER)));
      result.put(Metric.FOLLOWER_RECOVERY, Duration.ofNanos(serving - killed));

      Poll.until("the restarted follower in a quorum with one leader", TIMEOUT,
          () -> Quorums.hasOneLeader(ensemble.modes()));
      try (Writer writer = Writer.start(ensemble.connectString())) {
        Poll.until("a first write", TIMEOUT, () -> writer.lastSuccessStartedNanos() != Long.MIN_VALUE);
        int leader = Quorums.leader(ensemble.modes()).orElseThrow();
        long leaderKilled = System.nanoTime();
        ensemble.kill(leader);
        long written = Poll.until("a write after the leader's death", TIMEOUT,
            () -> writer.lastSuccessStartedNanos() - leaderKilled > 0);
        result.put(Metric.LEADER_FAILOVER, Duration.ofNanos(written - leaderKilled));
      }
    }
    return result;
  }
}

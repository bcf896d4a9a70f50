package org.exhibitormesos.bench.ours;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.ZooKeeper;
import org.exhibitormesos.bench.floor.Metric;
import org.exhibitormesos.bench.floor.Poll;
import org.exhibitormesos.bench.floor.Quorums;
import org.exhibitormesos.bench.floor.Side;
import org.exhibitormesos.bench.floor.Srvr;
import org.exhibitormesos.bench.floor.Writer;

/**
 * Ours: the framework on mesos-local ({@link FrameworkEnsemble}), timed like the floor. One run adds
 * servers {@code 0..n-1}, then times {@code start 0..n-1} to every server serving with one leader,
 * {@code kill -9} of a follower's ZooKeeper to it serving again (the executor reports the task
 * failed, the scheduler relaunches it on its reservation and volume), and {@code kill -9} of the
 * leader's ZooKeeper to the first write accepted. With 3 servers it then times scale-up: {@code
 * start} of a 4th, then a 5th server, each until the committed config lists it as a participant.
 *
 * <p>At the end of each run it records the resident memory of every executor, every ZooKeeper and
 * the scheduler ({@link #footprints()}).
 */
public final class OursSide implements Side {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final FrameworkEnsemble.Artifacts artifacts;
  private final Path workDir;
  private final boolean keep;
  private final List<Footprint> footprints = new ArrayList<>();

  /**
   * @param workDir where each run makes its directory
   * @param keep whether to keep each run's directory (logs, sandboxes) rather than delete it
   */
  public OursSide(FrameworkEnsemble.Artifacts artifacts, Path workDir, boolean keep) {
    this.artifacts = artifacts;
    this.workDir = workDir;
    this.keep = keep;
  }

  /**
   * Resident memory at the end of one run, in kB.
   *
   * @param executors each executor JVM's RSS
   * @param zookeepers each ZooKeeper JVM's RSS
   */
  public record Footprint(int servers, List<Long> executors, List<Long> zookeepers, long scheduler) {
  }

  @Override
  public String name() {
    return "ours";
  }

  /** Every run's footprint so far, in run order. */
  public List<Footprint> footprints() {
    return List.copyOf(footprints);
  }

  @Override
  public Map<Metric, Duration> runOnce(int servers) throws Exception {
    Map<Metric, Duration> result = new EnumMap<>(Metric.class);
    Path dir = Files.createTempDirectory(workDir, "ours-");
    int agents = servers == 3 ? 5 : servers;
    try (FrameworkEnsemble fw = FrameworkEnsemble.start(dir, agents, artifacts, keep)) {
      String all = "0.." + (servers - 1);
      fw.api().command("/api/add", "id=" + all + "&mem=160");

      long launched = System.nanoTime();
      CompletableFuture<JsonObject> started = fw.api().commandAsync("/api/start", "id=" + all + "&timeout=120s");
      long quorum = Poll.until("a quorum of " + servers, TIMEOUT, () -> Quorums.hasOneLeader(modes(fw, servers)));
      result.put(Metric.TIME_TO_QUORUM, Duration.ofNanos(quorum - launched));
      started.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      int follower = Quorums.highestFollower(modes(fw, servers)).orElseThrow();
      ProcessHandle zk = fw.zooKeeperOf(follower).orElseThrow(() -> new IllegalStateException(
          "no ZooKeeper process found for server " + follower));
      long killed = System.nanoTime();
      kill(zk);
      long serving = Poll.until("server " + follower + " serving again", TIMEOUT,
          () -> modes(fw, servers).get(follower).equals(Optional.of(Srvr.Mode.FOLLOWER)));
      result.put(Metric.FOLLOWER_RECOVERY, Duration.ofNanos(serving - killed));

      Poll.until("the relaunched follower in a quorum with one leader", TIMEOUT,
          () -> Quorums.hasOneLeader(modes(fw, servers)));
      String connect = connectString(fw, servers);
      try (Writer writer = Writer.start(connect)) {
        Poll.until("a first write", TIMEOUT, () -> writer.lastSuccessStartedNanos() != Long.MIN_VALUE);
        int leader = Quorums.leader(modes(fw, servers)).orElseThrow();
        ProcessHandle leaderZk = fw.zooKeeperOf(leader).orElseThrow(() -> new IllegalStateException(
            "no ZooKeeper process found for the leader, server " + leader));
        long leaderKilled = System.nanoTime();
        kill(leaderZk);
        long written = Poll.until("a write after the leader's death", TIMEOUT,
            () -> writer.lastSuccessStartedNanos() - leaderKilled > 0);
        result.put(Metric.LEADER_FAILOVER, Duration.ofNanos(written - leaderKilled));
      }
      Poll.until("the relaunched leader back in a quorum", TIMEOUT, () -> Quorums.hasOneLeader(modes(fw, servers)));

      if (servers == 3) {
        ZooKeeper client = new ZooKeeper(connect, 15_000, e -> { });
        try {
          result.put(Metric.SCALE_UP_4TH, scaleUp(fw, client, 3));
          result.put(Metric.SCALE_UP_5TH, scaleUp(fw, client, 4));
        } finally {
          client.close(1_000);
        }
      }
      footprints.add(footprint(fw, servers == 3 ? 5 : servers));
    } finally {
      if (keep) {
        System.out.println("kept " + dir);
      }
    }
    return result;
  }

  /** Adds server {@code id} and times its {@code start} until the committed config has one more voter. */
  private static Duration scaleUp(FrameworkEnsemble fw, ZooKeeper client, int id) throws Exception {
    fw.api().command("/api/add", "id=" + id + "&mem=160");
    long before = System.nanoTime();
    CompletableFuture<JsonObject> started = fw.api().commandAsync("/api/start", "id=" + id + "&timeout=120s");
    long voting = Poll.until("server " + id + " voting", TIMEOUT, () -> participants(client) == id + 1);
    started.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return Duration.ofNanos(voting - before);
  }

  /** Participants in the config as the connected server knows it; -1 when it cannot be read. */
  private static int participants(ZooKeeper client) {
    try {
      String config = new String(client.getConfig(false, null), StandardCharsets.UTF_8);
      return (int) config.lines().filter(l -> l.startsWith("server.") && l.contains(":participant")).count();
    } catch (org.apache.zookeeper.KeeperException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void kill(ProcessHandle p) throws Exception {
    p.destroyForcibly();
    p.onExit().get(10, TimeUnit.SECONDS);
  }

  /** Each server's mode by id, empty where it is not placed or does not serve. */
  private static Map<Integer, Optional<Srvr.Mode>> modes(FrameworkEnsemble fw, int servers) {
    Map<Integer, Optional<Srvr.Mode>> modes = new LinkedHashMap<>();
    Optional<JsonObject> status = fw.api().status();
    for (int id = 0; id < servers; id++) {
      int server = id;
      Optional<String> endpoint = status.flatMap(s -> ControlApi.server(s, server)).flatMap(ControlApi::clientEndpoint);
      modes.put(id, endpoint.flatMap(e -> {
        String[] hp = e.split(":");
        return Srvr.mode(hp[0], Integer.parseInt(hp[1]));
      }));
    }
    return modes;
  }

  private static String connectString(FrameworkEnsemble fw, int servers) throws Exception {
    JsonObject status = fw.status();
    List<String> endpoints = new ArrayList<>();
    for (int id = 0; id < servers; id++) {
      int server = id;
      endpoints.add(ControlApi.server(status, id).flatMap(ControlApi::clientEndpoint)
          .orElseThrow(() -> new IllegalStateException("server " + server + " has no client endpoint")));
    }
    return String.join(",", endpoints);
  }

  private static Footprint footprint(FrameworkEnsemble fw, int servers) throws Exception {
    List<Long> executors = new ArrayList<>();
    List<Long> zookeepers = new ArrayList<>();
    for (int id = 0; id < servers; id++) {
      Optional<ProcessHandle> zk = fw.zooKeeperOf(id);
      if (zk.isEmpty()) {
        continue;
      }
      rss(zk.get().pid()).ifPresent(zookeepers::add);
      zk.get().parent().map(ProcessHandle::pid).map(ProcessTree::rssKb).filter(OptionalLong::isPresent)
          .ifPresent(r -> executors.add(r.getAsLong()));
    }
    return new Footprint(servers, executors, zookeepers, rss(fw.schedulerPid()).orElse(-1L));
  }

  private static Optional<Long> rss(long pid) {
    OptionalLong kb = ProcessTree.rssKb(pid);
    return kb.isPresent() ? Optional.of(kb.getAsLong()) : Optional.empty();
  }
}

package org.exhibitormesos.it.fault;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.exhibitormesos.it.FourLetterWords;

/**
 * Watches, every 250 ms, that the ensemble has a quorum: some member (those the scheduler shows,
 * replacements included) answers {@code srvr} as leader. Only a stretch of more than 5 s without a
 * leader counts as a lost quorum (an election after losing the leader takes less); the longest
 * stretch is recorded either way.
 */
final class QuorumWatch implements AutoCloseable {
  record Result(int probes, long longestWithoutLeaderMs, boolean quorumLost) {
    @Override
    public String toString() {
      return "quorum probes=" + probes + ", longest without a leader=" + longestWithoutLeaderMs + " ms";
    }
  }

  private static final long TOLERATED_MS = 5_000;

  private final FaultEnsemble e;
  private final List<String> endpoints;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private int probes;
  private long longestWithoutLeaderMs;

  private QuorumWatch(FaultEnsemble e) {
    this.e = e;
    this.endpoints = FaultEnsemble.endpoints(e.status());
    this.thread = new Thread(this::run, "quorum-watch");
    thread.setDaemon(true);
  }

  static QuorumWatch start(FaultEnsemble e) {
    QuorumWatch w = new QuorumWatch(e);
    w.thread.start();
    return w;
  }

  private void run() {
    long lastLeader = System.nanoTime();
    List<String> watched = endpoints;
    while (running.get()) {
      boolean leader = false;
      for (String endpoint : watched) {
        String[] hp = endpoint.split(":");
        leader |= FourLetterWords.ask(hp[0], Integer.parseInt(hp[1]), "srvr")
            .filter(t -> t.contains("Mode: leader")).isPresent();
      }
      long now = System.nanoTime();
      synchronized (this) {
        probes++;
        if (leader) {
          lastLeader = now;
        } else {
          longestWithoutLeaderMs = Math.max(longestWithoutLeaderMs, (now - lastLeader) / 1_000_000);
        }
      }
      // New members (a replacement) are watched too, once the scheduler shows them.
      try {
        JsonObject status = e.api().status().orElse(null);
        if (status != null) {
          watched = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(
              java.util.stream.Stream.concat(watched.stream(), FaultEnsemble.endpoints(status).stream()).toList()));
        }
        Thread.sleep(250);
      } catch (InterruptedException ex) {
        return;
      }
    }
  }

  synchronized Result stop() throws InterruptedException {
    running.set(false);
    return new Result(probes, longestWithoutLeaderMs, longestWithoutLeaderMs > TOLERATED_MS);
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.interrupt();
    thread.join(5000);
  }
}

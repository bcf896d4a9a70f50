package org.exhibitormesos.bench.offers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.exhibitormesos.bench.floor.LoadAverage;
import org.exhibitormesos.core.offers.Evaluation;
import org.exhibitormesos.core.offers.Offer;
import org.exhibitormesos.core.offers.OfferEvaluator;
import org.exhibitormesos.core.state.ClusterState;

/**
 * The JMH figure {@code allOffers} (10,000 offers against {@value OfferFixture#SERVERS} servers) in
 * thread CPU time as well as wall time: on a machine whose cores other processes share, CPU time
 * is what the evaluation itself costs, wall time adds the waits for a core. Prints the median of
 * {@code --runs} (default 15) measured operations after {@code --warmup} (default 10).
 */
public final class OfferCpuTimeMain {
  private OfferCpuTimeMain() {
  }

  public static void main(String[] args) {
    int warmup = 10;
    int runs = 15;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        default -> {
          System.err.println("unknown flag " + args[i] + "; accepted: --warmup N --runs N");
          System.exit(2);
        }
      }
    }
    OfferFixture fixture = OfferFixture.create(100, OfferEvaluationBenchmark.OFFERS, 42);
    ClusterState state = fixture.state();
    List<Offer> offers = fixture.offers();
    OfferEvaluator evaluator = new OfferEvaluator(id -> "zk-" + id + "-volume");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Long> cpu = new ArrayList<>();
    List<Long> wall = new ArrayList<>();
    long placements = 0;
    System.out.println("load average before: " + LoadAverage.now());
    for (int i = 0; i < warmup + runs; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      long placed = 0;
      for (Offer offer : offers) {
        Evaluation e = evaluator.evaluate(offer, state, OfferFixture.NOW);
        placed += e.placements().size();
      }
      long w1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      if (i >= warmup) {
        cpu.add(c1 - c0);
        wall.add(w1 - w0);
        placements = placed;
      }
    }
    System.out.printf("10,000 offers: thread CPU median %.1f ms (min %.1f, max %.1f); wall median %.1f ms"
        + " (min %.1f, max %.1f); %d runs; %d placements per run%n", ms(median(cpu)), ms(min(cpu)), ms(max(cpu)),
        ms(median(wall)), ms(min(wall)), ms(max(wall)), runs, placements);
    System.out.println("load average after: " + LoadAverage.now());
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static long min(List<Long> values) {
    return values.stream().min(Long::compare).orElseThrow();
  }

  private static long max(List<Long> values) {
    return values.stream().max(Long::compare).orElseThrow();
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}

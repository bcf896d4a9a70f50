package org.exhibitormesos.bench.offers;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.exhibitormesos.core.offers.Evaluation;
import org.exhibitormesos.core.offers.Offer;
import org.exhibitormesos.core.offers.OfferEvaluator;
import org.exhibitormesos.core.state.ClusterState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link OfferEvaluator#evaluate} with {@value OfferFixture#SERVERS} started servers under
 * {@value OfferFixture#CONSTRAINTS}, {@code placed} of them running: the work the scheduler does
 * for every offer Mesos sends while servers wait.
 *
 * <p>{@link #allOffers} is the figure (time for all {@value #OFFERS} offers, target under
 * 50 ms); {@link #oneOffer} evaluates one offer per operation, cycling through the same offers, so
 * that {@code -prof gc} reports {@code gc.alloc.rate.norm} per offer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class OfferEvaluationBenchmark {
  /** Offers per {@link #allOffers} operation. */
  public static final int OFFERS = 10_000;

  /** Servers already running (on distinct agents, evenly over the racks); the rest wait. */
  @Param({"100"})
  public int placed;

  private final OfferEvaluator evaluator = new OfferEvaluator(id -> "zk-" + id + "-volume");
  private ClusterState state;
  private Offer[] offers;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    OfferFixture fixture = OfferFixture.create(placed, OFFERS, 42);
    state = fixture.state();
    List<Offer> list = fixture.offers();
    offers = list.toArray(new Offer[0]);
  }

  /** All {@value #OFFERS} offers, one after the other, each against the same state. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void allOffers(Blackhole bh) {
    for (Offer offer : offers) {
      bh.consume(evaluator.evaluate(offer, state, OfferFixture.NOW));
    }
  }

  /** The next offer of the cycle. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Evaluation oneOffer() {
    Offer offer = offers[next];
    next = next + 1 == offers.length ? 0 : next + 1;
    return evaluator.evaluate(offer, state, OfferFixture.NOW);
  }
}

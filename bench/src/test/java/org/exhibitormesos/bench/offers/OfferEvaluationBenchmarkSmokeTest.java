package org.exhibitormesos.bench.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.testng.annotations.Test;

/** Proves both offer-evaluation benchmarks run; measures nothing worth reading. */
public class OfferEvaluationBenchmarkSmokeTest {

  @Test
  public void bothBenchmarksRunOnce() throws Exception {
    // JMH takes a machine-wide lock (/tmp/jmh.lock); a benchmark running beside the suite must not
    // fail this one-iteration smoke run, which measures nothing.
    System.setProperty("jmh.ignoreLock", "true");
    Options options = new OptionsBuilder()
        .include(OfferEvaluationBenchmark.class.getName())
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(1))
        .timeUnit(TimeUnit.MILLISECONDS)
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    assertThat(results).hasSize(2);
    results.forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  public void fixturePlacesSomeOffersAndDeclinesTheRest() {
    OfferFixture fixture = OfferFixture.create(100, 50, 42);
    assertThat(fixture.state().serverList()).hasSize(OfferFixture.SERVERS);
    assertThat(fixture.offers()).hasSize(50);
  }
}

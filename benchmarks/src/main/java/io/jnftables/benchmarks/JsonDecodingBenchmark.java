package io.jnftables.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Ruleset;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding the listing of a rule batch (what {@code list ruleset} returns, as the String the
 * client gets): the codec's typed decoder against the baseline a user without this library would
 * write (ObjectMapper into Maps), in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonDecodingBenchmark {
  @Param({"1000", "10000"})
  public int rules;

  private String listing;
  private final ObjectMapper mapper = new ObjectMapper();

  @Setup
  public void setUp() {
    listing = RuleBatches.listing(rules);
  }

  /** The library: listing JSON → typed Ruleset. */
  @Benchmark
  public Ruleset codec() {
    return JsonCodec.decodeRuleset(listing);
  }

  /** Baseline: ObjectMapper → nested Maps and Lists (untyped). */
  @Benchmark
  public Map<?, ?> naiveObjectMapper() throws IOException {
    return mapper.readValue(listing, Map.class);
  }
}

package io.jnftables.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jnftables.batch.Batch;
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
 * Encoding a rule batch to libnftables JSON: the codec's streaming writer against the baseline
 * a user without this library would write (ObjectMapper over Maps), in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonGenerationBenchmark {
  @Param({"1000", "10000"})
  public int rules;

  private Batch batch;
  private Map<String, Object> maps;
  private final ObjectMapper mapper = new ObjectMapper();

  @Setup
  public void setUp() {
    batch = RuleBatches.typed(rules);
    maps = RuleBatches.maps(rules);
  }

  /** The library: typed batch → JSON bytes. */
  @Benchmark
  public byte[] codec() {
    return batch.toJsonBytes();
  }

  /** Baseline: ObjectMapper over Maps → JSON bytes (the same document). */
  @Benchmark
  public byte[] naiveObjectMapper() throws JsonProcessingException {
    return mapper.writeValueAsBytes(maps);
  }
}

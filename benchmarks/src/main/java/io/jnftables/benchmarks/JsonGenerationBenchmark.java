package io.jnftables.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jnftables.batch.Batch;
import io.jnftables.text.NftText;
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
 * Generating what is sent to libnftables, in the same run as the baseline a user without this
 * library would write (ObjectMapper over Maps):
 *
 * <ul>
 *   <li>{@code rules} rules ({@link RuleBatches#typed}): the codec's JSON ({@code codec}), the
 *       baseline ({@code naiveObjectMapper}), and the nft text the in-process text route sends
 *       ({@code nftText}, {@link NftText#print(Batch)});
 *   <li>a set of {@code elements} addresses ({@link RuleBatches#elements}): the same three.
 * </ul>
 *
 * <p>This is the Java side of a bulk apply ({@link BulkApplyBenchmark} times the whole of it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonGenerationBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A rule batch and the same document as Maps. */
  @State(Scope.Benchmark)
  public static class Rules {
    @Param({"10", "1000", "10000"})
    public int rules;

    Batch batch;
    Map<String, Object> maps;

    @Setup
    public void setUp() {
      batch = RuleBatches.typed(rules);
      maps = RuleBatches.maps(rules);
    }
  }

  /** A set-elements batch and the same document as Maps. */
  @State(Scope.Benchmark)
  public static class Elements {
    @Param({"100000"})
    public int elements;

    Batch batch;
    Map<String, Object> maps;

    @Setup
    public void setUp() {
      batch = RuleBatches.elements(elements);
      maps = RuleBatches.elementMaps(elements);
    }
  }

  /** The library: typed batch → JSON bytes. */
  @Benchmark
  public byte[] codec(Rules r) {
    return r.batch.toJsonBytes();
  }

  /** Baseline: ObjectMapper over Maps → JSON bytes (the same document). */
  @Benchmark
  public byte[] naiveObjectMapper(Rules r) throws JsonProcessingException {
    return MAPPER.writeValueAsBytes(r.maps);
  }

  /** The library's text route: typed batch → nft text ({@code nft -f} input). */
  @Benchmark
  public String nftText(Rules r) {
    return NftText.print(r.batch);
  }

  /** The library: elements batch → JSON bytes. */
  @Benchmark
  public byte[] codecElements(Elements e) {
    return e.batch.toJsonBytes();
  }

  /** Baseline: ObjectMapper over Maps → JSON bytes (the same elements document). */
  @Benchmark
  public byte[] naiveObjectMapperElements(Elements e) throws JsonProcessingException {
    return MAPPER.writeValueAsBytes(e.maps);
  }

  /** The library's text route for elements: typed batch → nft text. */
  @Benchmark
  public String nftTextElements(Elements e) {
    return NftText.print(e.batch);
  }
}

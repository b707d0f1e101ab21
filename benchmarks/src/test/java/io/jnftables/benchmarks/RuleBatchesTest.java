package io.jnftables.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RuleBatchesTest {
  /** Both sides of the benchmark must produce the same document, or the ratio means nothing. */
  @Test
  void typedAndMapWorkloadsEncodeToTheSameJson() throws Exception {
    ObjectMapper m = new ObjectMapper();
    JsonGenerationBenchmark b = new JsonGenerationBenchmark();
    b.rules = 50;
    b.setUp();
    assertEquals(m.readTree(b.naiveObjectMapper()), m.readTree(b.codec()));
    assertEquals(52, m.readTree(b.codec()).get("nftables").size());
  }
}

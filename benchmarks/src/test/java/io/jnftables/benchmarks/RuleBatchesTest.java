package io.jnftables.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jnftables.batch.Batch;
import io.jnftables.model.Verb;
import io.jnftables.text.NftText;
import org.junit.jupiter.api.Test;

class RuleBatchesTest {
  private final ObjectMapper m = new ObjectMapper();

  /** Both sides of the benchmark must produce the same document, or the ratio means nothing. */
  @Test
  void typedAndMapWorkloadsEncodeToTheSameJson() throws Exception {
    JsonGenerationBenchmark b = new JsonGenerationBenchmark();
    JsonGenerationBenchmark.Rules r = new JsonGenerationBenchmark.Rules();
    r.rules = 50;
    r.setUp();
    assertEquals(m.readTree(b.naiveObjectMapper(r)), m.readTree(b.codec(r)));
    assertEquals(52, m.readTree(b.codec(r)).get("nftables").size());
  }

  @Test
  void typedAndMapElementWorkloadsEncodeToTheSameJson() throws Exception {
    JsonGenerationBenchmark b = new JsonGenerationBenchmark();
    JsonGenerationBenchmark.Elements e = new JsonGenerationBenchmark.Elements();
    e.elements = 300;
    e.setUp();
    JsonNode json = m.readTree(b.codecElements(e));
    assertEquals(m.readTree(b.naiveObjectMapperElements(e)), json);
    JsonNode elem = json.get("nftables").get(2).get("add").get("element").get("elem");
    assertEquals(300, elem.size());
    assertEquals("10.0.1.43", elem.get(299).asText()); // 299 = 1 * 256 + 43
  }

  /** The text route sends the same commands: its text parses back into the batch. */
  @Test
  void theTextRouteSendsTheSameBatch() {
    for (String content : new String[] {"rules:40", "elements:40"}) {
      Batch batch = BulkApplyBenchmark.content(content);
      assertEquals(batch, Batch.parse(NftText.print(batch)), content);
    }
    assertThrows(IllegalArgumentException.class, () -> BulkApplyBenchmark.content("chains:3"));
  }

  /** The single updates of the scaling benchmark add something that is not already there. */
  @Test
  void extraItemsAreNotAmongTheWorkload() throws Exception {
    String set = RuleBatches.elements(1000).toJson();
    String map = RuleBatches.verdictMap(1000).toJson();
    assertFalse(set.contains(RuleBatches.EXTRA_HOST));
    assertFalse(map.contains(RuleBatches.EXTRA_HOST));
    assertTrue(RuleBatches.extraElement(Verb.ADD).toJson().contains(RuleBatches.EXTRA_HOST));
    JsonNode mapping = m.readTree(RuleBatches.extraMapping(Verb.ADD).toJson())
        .get("nftables").get(0).get("add").get("element").get("elem").get(0);
    assertEquals("[\"11.0.0.1\",{\"drop\":null}]", mapping.toString()); // [key, verdict]
    assertFalse(RuleBatches.typed(1000).toJson().contains("\"11.0.0.1\""));
    assertThrows(IllegalArgumentException.class, () -> RuleBatches.host(1 << 24));
  }
}

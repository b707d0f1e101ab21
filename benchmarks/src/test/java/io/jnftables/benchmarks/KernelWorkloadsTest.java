package io.jnftables.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.model.NamedSet;
import io.jnftables.model.Ruleset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the kernel benchmarks time is what they say, checked against what the kernel lists. */
@Tag("kernel")
class KernelWorkloadsTest {
  /** The four routes of the bulk benchmark load identical rulesets, and each shot starts empty. */
  @Test
  void everyBulkRouteLoadsTheSameRuleset() throws Exception {
    for (String content : new String[] {"rules:60", "elements:300"}) {
      BulkApplyBenchmark b = new BulkApplyBenchmark();
      b.content = content;
      b.setUp();
      try {
        List<String> listings = new ArrayList<>();
        for (Runnable route : List.<Runnable>of(b::inProcessJson, b::inProcessText, b::nftJsonFile, b::nftTextFile)) {
          assertTrue(b.client().listRuleset().tables().isEmpty(), "a shot must start from an empty ruleset");
          route.run();
          listings.add(b.client().listRulesetText());
          b.deleteTable();
        }
        assertEquals(List.of(listings.get(0), listings.get(0), listings.get(0), listings.get(0)), listings, content);
        assertTrue(listings.get(0).contains(content.startsWith("rules") ? "10.0.59.1" : "10.0.1.43"), listings.get(0));
      } finally {
        b.tearDown();
      }
    }
  }

  /** After each timed add and its untimed delete, the set or map holds exactly {@code entries} again. */
  @Test
  void elementUpdatesLeaveTheSizeAsItWas() {
    for (String container : new String[] {"set", "verdictMap"}) {
      UpdateScalingBenchmark.Elements s = new UpdateScalingBenchmark.Elements();
      s.container = container;
      s.entries = 25;
      s.setUp();
      try {
        UpdateScalingBenchmark b = new UpdateScalingBenchmark();
        for (int i = 0; i < 3; i++) {
          b.addElement(s);
          assertEquals(26, elements(s.client().listRuleset()), container);
          s.deleteAdded();
          assertEquals(25, elements(s.client().listRuleset()), container);
        }
      } finally {
        s.tearDown();
      }
    }
  }

  /** After each timed rule add and its untimed delete (by the predicted handle), the chain is as it was. */
  @Test
  void ruleUpdatesLeaveTheChainAsItWas() {
    UpdateScalingBenchmark.Rules s = new UpdateScalingBenchmark.Rules();
    s.rules = 20;
    s.setUp();
    try {
      UpdateScalingBenchmark b = new UpdateScalingBenchmark();
      for (int i = 0; i < 3; i++) {
        b.addRule(s);
        assertEquals(21, s.client().listRuleset().rules(RuleBatches.TABLE, RuleBatches.CHAIN).size());
        s.deleteAdded();
        assertEquals(20, s.client().listRuleset().rules(RuleBatches.TABLE, RuleBatches.CHAIN).size());
      }
    } finally {
      s.tearDown();
    }
  }

  private static int elements(Ruleset rs) {
    List<NamedSet> sets = rs.sets();
    assertEquals(1, sets.size(), sets.toString());
    return sets.get(0).elements().size();
  }
}

package io.jnftables.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParserBenchmarkTest {
  /** The benchmark times what it says: the corpus' ok lines, each parsed and cycled through. */
  @Test
  void loadsTheCorpusAndCyclesThroughItsLines() {
    CorpusAssumption.require();
    ParserBenchmark b = new ParserBenchmark();
    b.setUp();
    assertTrue(b.size() > 1500, "ok lines that parse: " + b.size());
    for (int i = 0; i < b.size() + 1; i++) {
      assertFalse(b.parseLine().isEmpty());
    }
    String printed = b.parseAndPrintLine();
    assertFalse(printed.isEmpty());
    assertEquals(b.parseLine().getClass(), b.parseLine().getClass());
  }
}

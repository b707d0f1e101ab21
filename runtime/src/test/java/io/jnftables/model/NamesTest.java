package io.jnftables.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void acceptsNftIdentifiers() {
    assertNull(Names.problem("filter"));
    assertNull(Names.problem("_x.y-z/1"));
    assertNull(Names.problem("a".repeat(255)));
  }

  @Test
  void refusesWhatNftRefusesWithAReason() {
    assertEquals("it is empty", Names.problem(""));
    assertTrue(Names.problem("1abc").contains("start with a letter"));
    assertTrue(Names.problem("a b").contains("' '"));
    assertTrue(Names.problem("a".repeat(256)).contains("255 bytes"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Table.of(Family.INET, "bad name"));
    assertTrue(e.getMessage().startsWith("invalid table name \"bad name\""), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Chain.regular(Family.INET, "t", "x;y"));
  }
}

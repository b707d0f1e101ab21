package io.jnftables.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jnftables.annotations.Family;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import org.junit.jupiter.api.Test;

class BatchTest {
  @Test
  void keepsCommandsInOrderAndIsImmutable() {
    Batch.Builder b = Batch.builder().add(Table.of(Family.IP, "t")).add(Chain.regular(Family.IP, "t", "c"));
    Batch first = b.build();
    b.command(new Command(Verb.FLUSH, Table.of(Family.IP, "t")));
    Batch second = b.build();

    assertEquals(2, first.size());
    assertEquals(3, second.size());
    assertEquals(Verb.FLUSH, second.commands().get(2).verb());
    assertThrows(UnsupportedOperationException.class, () -> first.commands().clear());
    assertEquals(
        "{\"nftables\":[{\"add\":{\"table\":{\"family\":\"ip\",\"name\":\"t\"}}},"
            + "{\"add\":{\"chain\":{\"family\":\"ip\",\"table\":\"t\",\"name\":\"c\"}}}]}",
        first.toJson());
    assertEquals(5, first.concat(second).size());
    assertEquals(first, Batch.builder().addAll(first).build());
  }
}

package io.jnftables.processor.validation;

import io.jnftables.model.NftObject;
import io.jnftables.processor.model.TableDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table after validation: the report and, for the writer, what validation computed — each
 * object as the model builds it, each chain's resolved priority, each text rule compiled.
 *
 * @param table the descriptor
 * @param report the findings; nothing is written unless it is clean
 * @param objects the objects of {@code table.objects()}, in the same order (empty if not clean)
 * @param chains per chain of {@code table.chains()}: resolved priority and compiled text rules
 */
public record CheckedTable(TableDescriptor table, Report report, List<NftObject> objects, List<CompiledChain> chains) {
  public CheckedTable {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(report, "report");
    objects = List.copyOf(objects);
    chains = List.copyOf(chains);
  }

  /**
   * @param priority the numeric priority (a named priority resolved for the family)
   * @param rules the compiled text rules by their index in the chain (DSL rules have none)
   */
  public record CompiledChain(int priority, Map<Integer, CompiledRule> rules) {
    public CompiledChain {
      rules = Map.copyOf(rules);
    }
  }
}

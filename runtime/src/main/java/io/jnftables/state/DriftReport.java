package io.jnftables.state;

import io.jnftables.batch.Batch;
import java.util.List;

/** The differences found, and the batch (one transaction) that makes the live ruleset the desired one. */
public record DriftReport(List<Difference> differences, Batch converge) {
  public DriftReport {
    differences = List.copyOf(differences);
  }

  /** No difference: the converging batch is empty. */
  public boolean inSync() {
    return differences.isEmpty();
  }
}

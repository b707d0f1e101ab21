package io.jnftables.model.stmt;

import java.util.Objects;

/**
 * Offloads the flow to a flowtable, e.g. {@code flow add @ft}: {@code
 * {"flow":{"op":"add","flowtable":"@ft"}}}. {@code flowtable} is the name without {@code @}.
 */
public record FlowOffload(String op, String flowtable) implements Statement {
  public FlowOffload {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(flowtable, "flowtable");
  }
}

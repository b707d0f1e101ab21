package io.jnftables.model.expr;

import java.util.List;

/** A concatenation, e.g. {@code ip saddr . tcp dport}: {@code {"concat":[...]}}. */
public record ConcatExpr(List<Expression> elements) implements Expression {
  public ConcatExpr {
    elements = List.copyOf(elements);
  }
}

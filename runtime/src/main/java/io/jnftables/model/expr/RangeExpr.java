package io.jnftables.model.expr;

import java.util.Objects;

/** An inclusive range, e.g. {@code 1000-2000}: {@code {"range":[1000,2000]}}. */
public record RangeExpr(Expression low, Expression high) implements Expression {
  public RangeExpr {
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
  }
}

package io.jnftables.model.expr;

import java.util.Objects;

/**
 * One {@code key : value} pair of a map or verdict map: the two-element JSON array {@code [key,
 * value]} inside a set.
 */
public record MappingExpr(Expression key, Expression value) implements Expression {
  public MappingExpr {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}

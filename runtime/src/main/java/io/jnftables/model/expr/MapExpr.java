package io.jnftables.model.expr;

import java.util.Objects;

/**
 * A map lookup, e.g. {@code tcp dport map { 22 : 1 }}: {@code {"map":{"key":…,"data":…}}}; {@code
 * data} is an anonymous set of mappings or a reference to a named map.
 */
public record MapExpr(Expression key, Expression data) implements Expression {
  public MapExpr {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(data, "data");
  }
}

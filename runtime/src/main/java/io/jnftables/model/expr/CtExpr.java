package io.jnftables.model.expr;

import java.util.Objects;

/** Connection tracking state of the packet, e.g. {@code ct state}: {@code {"ct":{"key":"state"}}}. */
public record CtExpr(String key) implements Expression {
  public CtExpr {
    Objects.requireNonNull(key, "key");
  }
}

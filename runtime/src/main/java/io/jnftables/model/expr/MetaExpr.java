package io.jnftables.model.expr;

import java.util.Objects;

/** Packet metadata, e.g. {@code meta iifname}: {@code {"meta":{"key":"iifname"}}}. */
public record MetaExpr(String key) implements Expression {
  public MetaExpr {
    Objects.requireNonNull(key, "key");
  }
}

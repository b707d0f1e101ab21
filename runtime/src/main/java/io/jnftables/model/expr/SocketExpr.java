package io.jnftables.model.expr;

import java.util.Objects;

/**
 * The packet's socket, e.g. {@code socket transparent}: {@code {"socket":{"key":"transparent"}}}.
 */
public record SocketExpr(String key) implements Expression {
  public SocketExpr {
    Objects.requireNonNull(key, "key");
  }
}

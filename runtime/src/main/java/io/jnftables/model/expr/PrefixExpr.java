package io.jnftables.model.expr;

import java.util.Objects;

/** An address prefix, e.g. {@code 10.0.0.0/8}: {@code {"prefix":{"addr":"10.0.0.0","len":8}}}. */
public record PrefixExpr(Expression address, int length) implements Expression {
  public PrefixExpr {
    Objects.requireNonNull(address, "address");
    if (length < 0 || length > 128) {
      throw new IllegalArgumentException("prefix length " + length + " is outside 0..128");
    }
  }
}

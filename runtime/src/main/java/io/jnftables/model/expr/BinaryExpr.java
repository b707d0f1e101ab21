package io.jnftables.model.expr;

import java.util.Objects;

/** A binary operation, e.g. {@code tcp flags & (syn|ack)}: {@code {"&":[left, right]}}. */
public record BinaryExpr(
    BinaryOperator op,
    Expression left,
    Expression right)
    implements Expression {
  public BinaryExpr {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }
}

package io.jnftables.model.stmt;

import io.jnftables.model.expr.Expression;
import java.util.Objects;

/** A match: the rule goes on only if {@code left op right} holds. */
public record Match(Operator op, Expression left, Expression right) implements Statement {
  public Match {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  public static Match eq(Expression left, Expression right) {
    return new Match(Operator.EQ, left, right);
  }
}

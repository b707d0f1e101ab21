package io.jnftables.model.expr;

import io.jnftables.model.stmt.Verdict;
import java.util.Objects;

/**
 * A verdict used as a value, as in the data of a verdict map: {@code {"accept":null}}, {@code
 * {"jump":{"target":"c"}}}.
 */
public record VerdictExpr(Verdict verdict) implements Expression {
  public static final VerdictExpr ACCEPT = new VerdictExpr(Verdict.ACCEPT);
  public static final VerdictExpr DROP = new VerdictExpr(Verdict.DROP);

  public VerdictExpr {
    Objects.requireNonNull(verdict, "verdict");
  }
}

package io.jnftables.model.expr;

import java.util.List;
import java.util.Objects;

/**
 * A FIB lookup, e.g. {@code fib saddr . iif oif}: {@code
 * {"fib":{"result":"oif","flags":["saddr","iif"]}}}.
 */
public record FibExpr(String result, List<String> flags) implements Expression {
  public FibExpr {
    Objects.requireNonNull(result, "result");
    flags = List.copyOf(flags);
  }
}

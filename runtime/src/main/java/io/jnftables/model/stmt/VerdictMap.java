package io.jnftables.model.stmt;

import io.jnftables.model.expr.Expression;
import java.util.Objects;

/**
 * Applies the verdict a map gives for {@code key}, e.g. {@code tcp dport vmap { 22 : accept }}:
 * {@code {"vmap":{"key":…,"data":…}}}.
 */
public record VerdictMap(Expression key, Expression data) implements Statement {
  public VerdictMap {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(data, "data");
  }
}

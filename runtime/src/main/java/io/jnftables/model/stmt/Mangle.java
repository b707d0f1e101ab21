package io.jnftables.model.stmt;

import io.jnftables.model.expr.Expression;
import java.util.Objects;

/**
 * Sets a packet field or metadata, e.g. {@code meta mark set 1}: {@code
 * {"mangle":{"key":{"meta":{"key":"mark"}},"value":1}}}. {@code key} is a payload, exthdr, option,
 * meta or ct expression.
 */
public record Mangle(Expression key, Expression value) implements Statement {
  public Mangle {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}

package io.jnftables.model.stmt;

import io.jnftables.model.expr.Expression;
import java.util.Objects;

/**
 * Strips an option from the packet, e.g. {@code reset tcp option sack-perm}: {@code {"reset":{"tcp
 * option":{"name":"sack-perm"}}}}.
 */
public record OptionReset(Expression option) implements Statement {
  public OptionReset {
    Objects.requireNonNull(option, "option");
  }
}

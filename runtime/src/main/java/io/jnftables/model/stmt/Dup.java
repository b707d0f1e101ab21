package io.jnftables.model.stmt;

import io.jnftables.model.expr.Expression;
import org.jspecify.annotations.Nullable;

/**
 * Duplicates the packet to {@code address}, optionally through {@code device}: {@code
 * {"dup":{"addr":"10.0.0.2","dev":"eth1"}}}.
 */
public record Dup(@Nullable Expression address, @Nullable Expression device) implements Statement {
}

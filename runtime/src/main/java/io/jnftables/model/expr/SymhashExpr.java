package io.jnftables.model.expr;

import org.jspecify.annotations.Nullable;

/** A symmetric hash of the flow, e.g. {@code symhash mod 2}: {@code {"symhash":{"mod":2}}}. */
public record SymhashExpr(long mod, @Nullable Long offset) implements Expression {
}

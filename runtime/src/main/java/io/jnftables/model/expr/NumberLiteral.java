package io.jnftables.model.expr;

/** A value nft gives as a JSON number: ports, marks, lengths. */
public record NumberLiteral(long value) implements Expression {}

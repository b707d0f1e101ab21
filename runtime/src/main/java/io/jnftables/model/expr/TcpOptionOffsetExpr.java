package io.jnftables.model.expr;

/**
 * A TCP option addressed by kind, bit offset and bit length, e.g. {@code tcp option @255,8,8}:
 * {@code {"tcp option":{"base":255,"offset":8,"len":8}}}.
 */
public record TcpOptionOffsetExpr(int base, int offset, int length) implements Expression {
}

package io.jnftables.model.stmt;

/**
 * Limits connections per conntrack, e.g. {@code ct count over 10}: {@code {"ct
 * count":{"val":10,"inv":true}}}.
 */
public record CtCount(long value, boolean inv) implements Statement {
}

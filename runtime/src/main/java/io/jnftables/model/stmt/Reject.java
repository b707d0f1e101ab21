package io.jnftables.model.stmt;

import org.jspecify.annotations.Nullable;

/**
 * Rejects the packet with an error answer. Without a type nft picks one per family (ICMP port
 * unreachable, or a TCP reset when asked: {@code type = "tcp reset"}).
 */
public record Reject(@Nullable String type, @Nullable String expr) implements Statement {
  public static final Reject DEFAULT = new Reject(null, null);
}

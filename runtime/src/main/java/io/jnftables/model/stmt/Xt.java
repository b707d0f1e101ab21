package io.jnftables.model.stmt;

import org.jspecify.annotations.Nullable;

/**
 * An iptables-nft (xtables compat) statement nft cannot translate: {@code {"xt":null}} in nft 1.0.6
 * listings. nft does not accept it as input.
 */
public record Xt(@Nullable String type, @Nullable String name) implements Statement {
}

/**
 * The client: {@link io.jnftables.client.Nftables} submits batches atomically and lists the
 * ruleset back, through an {@link io.jnftables.client.NftExecutor} (JSON in, JSON out) — by
 * default libnftables in this process, bound to a network namespace.
 */
@NullMarked
package io.jnftables.client;

import org.jspecify.annotations.NullMarked;

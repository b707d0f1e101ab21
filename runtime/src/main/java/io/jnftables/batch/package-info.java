/**
 * Batches: ordered lists of commands that libnftables applies as one atomic transaction (the
 * seed library's Builder).
 */
@NullMarked
package io.jnftables.batch;

import org.jspecify.annotations.NullMarked;

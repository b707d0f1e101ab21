/**
 * Expressions: what a statement reads (payload fields, meta keys, conntrack) and the values it
 * compares them with.
 */
@NullMarked
package io.jnftables.model.expr;

import org.jspecify.annotations.NullMarked;

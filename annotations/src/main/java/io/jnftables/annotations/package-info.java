/**
 * Annotations that declare an nftables policy as Java types: {@link io.jnftables.annotations.Table},
 * {@link io.jnftables.annotations.Chain} and {@link io.jnftables.annotations.Rule}. The
 * jnftables annotation processor checks them at compile time and generates the rule builders.
 */
package io.jnftables.annotations;

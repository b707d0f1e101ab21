/**
 * Annotations that declare an nftables policy as Java types: {@link io.jnftables.annotations.Table}
 * with its {@link io.jnftables.annotations.Chain}s and their {@link io.jnftables.annotations.Rule}s,
 * the named {@link io.jnftables.annotations.Set}s and {@link io.jnftables.annotations.Map}s, the
 * stateful objects ({@link io.jnftables.annotations.Counter}, {@link io.jnftables.annotations.Quota},
 * {@link io.jnftables.annotations.Limit}, {@link io.jnftables.annotations.CtHelper}, {@link
 * io.jnftables.annotations.CtTimeout}), {@link io.jnftables.annotations.Flowtable}s, and
 * package-wide {@link io.jnftables.annotations.NftDefaults}. The jnftables annotation processor
 * checks them at compile time and generates the rule builders.
 */
package io.jnftables.annotations;

/**
 * Canned firewall and NAT rules (the seed library's {@code NFTables.Policy} and {@code NFTables.NAT}):
 * {@link io.jnftables.policy.Policies} gives filter rules as DSL rule bodies for the builder's
 * current chain and a one-transaction basic firewall ({@link io.jnftables.policy.BasicFirewall});
 * {@link io.jnftables.policy.Nat} gives NAT rules placed in the nat chains of the builder's table
 * ({@link io.jnftables.policy.NatRules}). Everything is built with the DSL, so IPv4 and IPv6 work
 * alike in inet tables, and every value is checked before anything is built.
 */
@NullMarked
package io.jnftables.policy;

import org.jspecify.annotations.NullMarked;

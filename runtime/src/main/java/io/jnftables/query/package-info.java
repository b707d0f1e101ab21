/**
 * Reading the live ruleset as typed results (the seed's {@code NFTables.Query}): tables, chains,
 * rules, sets, maps and their elements, named counters and quotas with their values, limits,
 * flowtables and conntrack objects, per family, table and chain; and resetting counters and
 * quotas. {@link io.jnftables.query.Query} works over a client (each call lists) or over a
 * {@link io.jnftables.model.Ruleset} snapshot.
 */
@NullMarked
package io.jnftables.query;

import org.jspecify.annotations.NullMarked;

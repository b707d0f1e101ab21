package io.jnftables.query;

import io.jnftables.annotations.Family;

/** A named counter's values: what it counted since it was added or last reset. */
public record CounterValue(Family family, String table, String name, long packets, long bytes) {}

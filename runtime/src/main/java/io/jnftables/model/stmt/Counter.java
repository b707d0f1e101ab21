package io.jnftables.model.stmt;

import org.jspecify.annotations.Nullable;

/**
 * An anonymous counter. Listings carry packet and byte counts; a counter to be created has none
 * ({@code {"counter":null}}).
 */
public record Counter(@Nullable Long packets, @Nullable Long bytes) implements Statement {
  public static final Counter NEW = new Counter(null, null);
}

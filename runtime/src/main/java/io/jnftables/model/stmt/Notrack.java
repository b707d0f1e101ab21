package io.jnftables.model.stmt;

/** Disables connection tracking for the packet: {@code {"notrack":null}}. */
public record Notrack() implements Statement {
  public static final Notrack INSTANCE = new Notrack();
}

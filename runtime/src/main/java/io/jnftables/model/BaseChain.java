package io.jnftables.model;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What makes a chain a base chain: the hook it is attached to, its type and priority, and the
 * policy for packets no rule decided on. {@code device} is for netdev ingress/egress chains.
 */
public record BaseChain(
    ChainType type, Hook hook, int priority, @Nullable Policy policy, @Nullable String device) {
  public BaseChain {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(hook, "hook");
    if (hook == Hook.NONE) {
      throw new IllegalArgumentException("a base chain needs a hook; use a regular chain instead");
    }
  }

  public static BaseChain of(ChainType type, Hook hook, int priority, Policy policy) {
    return new BaseChain(type, hook, priority, policy, null);
  }
}

package io.jnftables.model.expr;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Routing data, e.g. {@code rt mtu}: {@code {"rt":{"key":"mtu"}}}; {@code family} ({@code
 * "ip"}/{@code "ip6"}) qualifies {@code nexthop}.
 */
public record RtExpr(String key, @Nullable String family) implements Expression {
  public RtExpr {
    Objects.requireNonNull(key, "key");
  }

  public RtExpr(String key) {
    this(key, null);
  }
}

package io.jnftables.model.expr;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Passive OS fingerprinting, e.g. {@code osf ttl loose name}: {@code
 * {"osf":{"key":"name","ttl":"loose"}}}.
 */
public record OsfExpr(String key, @Nullable String ttl) implements Expression {
  public OsfExpr {
    Objects.requireNonNull(key, "key");
  }
}

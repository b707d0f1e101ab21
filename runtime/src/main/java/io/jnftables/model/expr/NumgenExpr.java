package io.jnftables.model.expr;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A number generator, e.g. {@code numgen inc mod 2 offset 100}: {@code
 * {"numgen":{"mode":"inc","mod":2,"offset":100}}}. nft lists the offset even when it is 0.
 */
public record NumgenExpr(String mode, long mod, @Nullable Long offset) implements Expression {
  public NumgenExpr {
    Objects.requireNonNull(mode, "mode");
  }
}

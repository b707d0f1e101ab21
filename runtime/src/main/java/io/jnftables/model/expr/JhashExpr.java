package io.jnftables.model.expr;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Jenkins hash of {@code expr}, e.g. {@code jhash ip saddr mod 2 seed 0xdeadbeef}: {@code
 * {"jhash":{"mod":2,"seed":3735928559,"expr":…}}}.
 */
public record JhashExpr(
    Expression expr,
    long mod,
    @Nullable Long seed,
    @Nullable Long offset)
    implements Expression {
  public JhashExpr {
    Objects.requireNonNull(expr, "expr");
  }
}

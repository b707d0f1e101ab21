package io.jnftables.model.stmt;

import io.jnftables.model.expr.Expression;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A meter: applies {@code statement} per {@code key} in a dynamic set, e.g. {@code meter m size
 * 1024 { ip saddr limit rate 10/second }}: {@code
 * {"meter":{"name":"m","key":…,"stmt":…,"size":1024}}}.
 */
public record Meter(
    @Nullable String name,
    Expression key,
    Statement statement,
    @Nullable Long size)
    implements Statement {
  public Meter {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(statement, "statement");
  }
}

package io.jnftables.model.stmt;

import io.jnftables.model.expr.Expression;
import org.jspecify.annotations.Nullable;

/**
 * Transparent proxying to {@code address}/{@code port}: {@code
 * {"tproxy":{"family":"ip","addr":"10.0.0.1","port":8080}}}.
 */
public record Tproxy(
    @Nullable String family,
    @Nullable Expression address,
    @Nullable Expression port)
    implements Statement {
}

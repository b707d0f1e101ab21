package io.jnftables.model.expr;

import io.jnftables.model.stmt.Statement;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A set element with properties: {@code
 * {"elem":{"val":…,"timeout":30,"expires":29,"comment":"…","counter":{…}}}}. Times are in seconds;
 * {@code statements} are the element's stateful statements (counter, limit, quota, …), listed as
 * further keys of the object.
 */
public record ElemExpr(
    Expression value,
    @Nullable Long timeout,
    @Nullable Long expires,
    @Nullable String comment,
    List<Statement> statements)
    implements Expression {
  public ElemExpr {
    Objects.requireNonNull(value, "value");
    statements = List.copyOf(statements);
  }

  /** An element with only a value: what {@code {"elem":{"val":…}}} says. */
  public static ElemExpr of(Expression value) {
    return new ElemExpr(value, null, null, null, List.of());
  }
}

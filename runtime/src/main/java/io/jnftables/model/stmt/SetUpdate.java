package io.jnftables.model.stmt;

import io.jnftables.model.expr.Expression;
import java.util.List;
import java.util.Objects;

/**
 * Adds, updates or deletes an element of a named set from the packet path, e.g. {@code update @s {
 * ip saddr counter }}: {@code {"set":{"op":"update","elem":…,"set":"@s","stmt":[…]}}}. {@code set}
 * is the set's name without {@code @}.
 */
public record SetUpdate(
    String op,
    Expression element,
    String set,
    List<Statement> statements)
    implements Statement {
  public SetUpdate {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(set, "set");
    statements = List.copyOf(statements);
  }
}

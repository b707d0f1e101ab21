package io.jnftables.model.stmt;

import io.jnftables.model.expr.Expression;
import java.util.List;
import java.util.Objects;

/**
 * Adds or updates an element of a named map from the packet path, e.g. {@code update @m { ip saddr
 * : 1 }}: {@code {"map":{"op":"update","elem":…,"data":…,"map":"@m"}}}. {@code map} is the map's
 * name without {@code @}. (nft 1.0.6 lists this statement as nft text, see {@link TextStatement}.)
 */
public record MapUpdate(
    String op,
    Expression element,
    Expression data,
    String map,
    List<Statement> statements)
    implements Statement {
  public MapUpdate {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(map, "map");
    statements = List.copyOf(statements);
  }
}

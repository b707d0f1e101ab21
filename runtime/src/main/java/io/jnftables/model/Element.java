package io.jnftables.model;

import io.jnftables.annotations.Family;
import io.jnftables.model.expr.Expression;
import java.util.List;
import java.util.Objects;

/**
 * Elements of a named set or map, as {@code add}/{@code delete element} carry them: {@code
 * {"element":{"family":…,"table":…,"name":"s","elem":["10.0.0.1",…]}}}. Map elements are {@link
 * io.jnftables.model.expr.MappingExpr}s.
 */
public record Element(
    Family family,
    String table,
    String name,
    List<Expression> elements)
    implements NftObject {
  public Element {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    elements = List.copyOf(elements);
  }

  public static Element of(Family family, String table, String set, List<Expression> elements) {
    return new Element(family, Names.check("table", table), Names.check("set", set), elements);
  }
}

package io.jnftables.model.expr;

import java.util.List;

/**
 * A bare JSON array, as nft uses for flag combinations, e.g. {@code ct state established,related}:
 * {@code ["established","related"]}.
 */
public record ListExpr(List<Expression> elements) implements Expression {
  public ListExpr {
    elements = List.copyOf(elements);
  }
}

package io.jnftables.model.expr;

import java.util.List;

/** An anonymous set, e.g. {@code { 80, 443 }}: {@code {"set":[80,443]}}. */
public record SetExpr(List<Expression> elements) implements Expression {
  public SetExpr {
    elements = List.copyOf(elements);
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("an anonymous set needs at least one element");
    }
  }
}

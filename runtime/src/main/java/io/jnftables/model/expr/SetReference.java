package io.jnftables.model.expr;

import java.util.Objects;

/**
 * A reference to a named set or map, {@code @blocklist}: the JSON string {@code "@blocklist"}.
 * {@code name} is without the {@code @}.
 */
public record SetReference(String name) implements Expression {
  public SetReference {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a set reference needs a set name");
    }
  }
}

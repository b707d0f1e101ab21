package io.jnftables.model.expr;

import java.util.Objects;

/** A value nft gives as a JSON string: addresses, interface names, symbolic constants. */
public record StringLiteral(String value) implements Expression {
  public StringLiteral {
    Objects.requireNonNull(value, "value");
  }
}

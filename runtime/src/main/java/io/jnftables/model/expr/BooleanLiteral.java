package io.jnftables.model.expr;

/**
 * A JSON boolean, e.g. the right-hand side of an existence check {@code exthdr frag exists}: {@code
 * true}.
 */
public record BooleanLiteral(boolean value) implements Expression {
  public static final BooleanLiteral TRUE = new BooleanLiteral(true);
  public static final BooleanLiteral FALSE = new BooleanLiteral(false);

  public static BooleanLiteral of(boolean value) {
    return value ? TRUE : FALSE;
  }
}

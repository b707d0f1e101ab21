package io.jnftables.model.expr;

import org.jspecify.annotations.Nullable;

/** Operators of a {@link BinaryExpr}, with their JSON spelling. */
public enum BinaryOperator {
  AND("&"),
  OR("|"),
  XOR("^"),
  LSHIFT("<<"),
  RSHIFT(">>");

  private final String json;

  BinaryOperator(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  public static @Nullable BinaryOperator fromJson(String s) {
    for (BinaryOperator o : values()) {
      if (o.json.equals(s)) {
        return o;
      }
    }
    return null;
  }
}

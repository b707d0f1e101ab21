package io.jnftables.model.expr;

/** An expression of the libnftables JSON schema. */
public sealed interface Expression
    permits PayloadExpr,
        MetaExpr,
        CtExpr,
        StringLiteral,
        NumberLiteral,
        SetExpr,
        RangeExpr,
        PrefixExpr,
        ListExpr,
        RawExpression {

  static Expression of(String value) {
    return new StringLiteral(value);
  }

  static Expression of(long value) {
    return new NumberLiteral(value);
  }
}

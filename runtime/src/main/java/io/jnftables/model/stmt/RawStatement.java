package io.jnftables.model.stmt;

import com.fasterxml.jackson.databind.JsonNode;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.RawExpression;
import io.jnftables.model.expr.SetExpr;
import java.util.Objects;

/**
 * A statement this version of the model does not know, kept as its JSON so that it re-encodes
 * unchanged.
 *
 * @param key the statement's key, e.g. {@code "meter"}
 * @param value its JSON value
 */
public record RawStatement(String key, JsonNode value) implements Statement {
  public RawStatement {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** Raw nodes in a statement: itself, or raw expressions nested in it. */
  public static int countRaw(Statement s) {
    if (s instanceof RawStatement) {
      return 1;
    }
    if (s instanceof Match m) {
      return countRaw(m.left()) + countRaw(m.right());
    }
    return 0;
  }

  private static int countRaw(Expression e) {
    if (e instanceof RawExpression) {
      return 1;
    }
    int n = 0;
    if (e instanceof SetExpr s) {
      for (Expression x : s.elements()) {
        n += countRaw(x);
      }
    } else if (e instanceof ListExpr l) {
      for (Expression x : l.elements()) {
        n += countRaw(x);
      }
    } else if (e instanceof RangeExpr r) {
      n += countRaw(r.low()) + countRaw(r.high());
    } else if (e instanceof PrefixExpr p) {
      n += countRaw(p.address());
    }
    return n;
  }
}

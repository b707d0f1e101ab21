package io.jnftables.model;

import io.jnftables.model.expr.BinaryExpr;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.JhashExpr;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.MapExpr;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.RawExpression;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.stmt.Dup;
import io.jnftables.model.stmt.Fwd;
import io.jnftables.model.stmt.Mangle;
import io.jnftables.model.stmt.MapUpdate;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Meter;
import io.jnftables.model.stmt.Nat;
import io.jnftables.model.stmt.ObjectRef;
import io.jnftables.model.stmt.OptionReset;
import io.jnftables.model.stmt.Queue;
import io.jnftables.model.stmt.RawStatement;
import io.jnftables.model.stmt.SetUpdate;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Tproxy;
import io.jnftables.model.stmt.VerdictMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Counts raw nodes ({@link RawObject}, {@link RawStatement}, {@link RawExpression}): the parts of a
 * decoded document the model did not understand, however deeply nested.
 */
public final class RawNodes {
  private RawNodes() {}

  /** Raw nodes in a command or object, including its statements and expressions. */
  public static int count(DocumentItem item) {
    if (item instanceof Command c) {
      return count(c.object());
    }
    if (item instanceof RawObject) {
      return 1;
    }
    if (item instanceof Rule r) {
      return countStatements(r.statements());
    }
    if (item instanceof NamedSet s) {
      return countExpressions(s.elements()) + countStatements(s.statements());
    }
    if (item instanceof Element e) {
      return countExpressions(e.elements());
    }
    return 0;
  }

  /** Raw nodes in a statement: itself, or statements and expressions nested in it. */
  public static int count(Statement s) {
    if (s instanceof RawStatement) {
      return 1;
    }
    if (s instanceof Match m) {
      return count(m.left()) + count(m.right());
    }
    if (s instanceof Mangle m) {
      return count(m.key()) + count(m.value());
    }
    if (s instanceof VerdictMap v) {
      return count(v.key()) + count(v.data());
    }
    if (s instanceof Nat n) {
      return countNullable(n.address()) + countNullable(n.port());
    }
    if (s instanceof SetUpdate u) {
      return count(u.element()) + countStatements(u.statements());
    }
    if (s instanceof MapUpdate u) {
      return count(u.element()) + count(u.data()) + countStatements(u.statements());
    }
    if (s instanceof ObjectRef o) {
      return count(o.reference());
    }
    if (s instanceof Meter m) {
      return count(m.key()) + count(m.statement());
    }
    if (s instanceof Queue q) {
      return countNullable(q.number());
    }
    if (s instanceof Fwd f) {
      return count(f.device()) + countNullable(f.address());
    }
    if (s instanceof Dup d) {
      return countNullable(d.address()) + countNullable(d.device());
    }
    if (s instanceof Tproxy t) {
      return countNullable(t.address()) + countNullable(t.port());
    }
    if (s instanceof OptionReset r) {
      return count(r.option());
    }
    return 0;
  }

  /** Raw nodes in an expression: itself, or expressions (and element statements) nested in it. */
  public static int count(Expression e) {
    if (e instanceof RawExpression) {
      return 1;
    }
    if (e instanceof SetExpr s) {
      return countExpressions(s.elements());
    }
    if (e instanceof ListExpr l) {
      return countExpressions(l.elements());
    }
    if (e instanceof ConcatExpr c) {
      return countExpressions(c.elements());
    }
    if (e instanceof RangeExpr r) {
      return count(r.low()) + count(r.high());
    }
    if (e instanceof PrefixExpr p) {
      return count(p.address());
    }
    if (e instanceof MapExpr m) {
      return count(m.key()) + count(m.data());
    }
    if (e instanceof MappingExpr m) {
      return count(m.key()) + count(m.value());
    }
    if (e instanceof BinaryExpr b) {
      return count(b.left()) + count(b.right());
    }
    if (e instanceof JhashExpr j) {
      return count(j.expr());
    }
    if (e instanceof ElemExpr el) {
      return count(el.value()) + countStatements(el.statements());
    }
    return 0;
  }

  /** Raw nodes in a list of statements (a rule's body, say). */
  public static int countStatements(List<Statement> statements) {
    int n = 0;
    for (Statement s : statements) {
      n += count(s);
    }
    return n;
  }

  private static int countExpressions(List<Expression> expressions) {
    int n = 0;
    for (Expression x : expressions) {
      n += count(x);
    }
    return n;
  }

  private static int countNullable(@Nullable Expression e) {
    return e == null ? 0 : count(e);
  }
}

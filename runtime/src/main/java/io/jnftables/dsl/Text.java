package io.jnftables.dsl;

import io.jnftables.model.expr.BooleanLiteral;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.SetReference;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.expr.VerdictExpr;
import io.jnftables.model.stmt.Verdict;
import java.util.ArrayList;
import java.util.List;

/** nft text of DSL values, for {@code toString()}: what a user would write in an nft file. */
final class Text {
  private Text() {}

  /** A Java value as nft writes it (text with characters nft would misread is quoted). */
  static String value(Object v) {
    if (v instanceof NftSymbol s) {
      return s.nft();
    }
    if (v instanceof String s) {
      return bare(s) ? s : "\"" + s + "\"";
    }
    if (v instanceof Verdict verdict) {
      return verdict(verdict);
    }
    if (v instanceof Expression e) {
      return expr(e, false);
    }
    return String.valueOf(v);
  }

  private static boolean bare(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '.' || c == ':' || c == '/' || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  static String verdict(Verdict v) {
    return v.target() == null ? v.kind().json() : v.kind().json() + " " + v.target();
  }

  /** An expression; {@code quote}: string literals are always quoted (interface names, osf names…). */
  static String expr(Expression e, boolean quote) {
    if (e instanceof StringLiteral s) {
      return quote ? "\"" + s.value() + "\"" : value(s.value());
    }
    if (e instanceof NumberLiteral n) {
      return Long.toString(n.value());
    }
    if (e instanceof BooleanLiteral b) {
      return b.value() ? "exists" : "missing";
    }
    if (e instanceof PrefixExpr p) {
      return expr(p.address(), false) + "/" + p.length();
    }
    if (e instanceof RangeExpr r) {
      return expr(r.low(), quote) + "-" + expr(r.high(), quote);
    }
    if (e instanceof SetReference r) {
      return "@" + r.name();
    }
    if (e instanceof SetExpr s) {
      return "{ " + join(s.elements(), ", ", quote) + " }";
    }
    if (e instanceof ListExpr l) {
      return join(l.elements(), ",", quote);
    }
    if (e instanceof ConcatExpr c) {
      return join(c.elements(), " . ", quote);
    }
    if (e instanceof MappingExpr m) {
      return expr(m.key(), quote) + " : " + expr(m.value(), false);
    }
    if (e instanceof VerdictExpr v) {
      return verdict(v.verdict());
    }
    return e.toString();
  }

  private static String join(List<Expression> es, String sep, boolean quote) {
    List<String> out = new ArrayList<>();
    for (Expression x : es) {
      out.add(expr(x, quote));
    }
    return String.join(sep, out);
  }
}

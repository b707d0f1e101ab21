package io.jnftables.text;

import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Mangle;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.VerdictMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rewrites parsed statements into the spelling nft lists them with, where that is a pure change of
 * spelling: port numbers for service names, nft's protocol names for aliases, prefixes reduced to
 * their network, canonical IPv6 text, flag lists in bit order without duplicates.
 */
final class Canonical {
  private Canonical() {}

  static List<Statement> statements(List<Statement> in) {
    List<Statement> out = new ArrayList<>(in.size());
    for (Statement s : in) {
      out.add(statement(s));
    }
    return List.copyOf(out);
  }

  private static Statement statement(Statement s) {
    if (s instanceof Match m) {
      return new Match(m.op(), m.left(), value(m.right(), Selectors.typesOf(m.left())));
    }
    if (s instanceof Mangle m) {
      return new Mangle(m.key(), value(m.value(), Selectors.typesOf(m.key())));
    }
    if (s instanceof VerdictMap v) {
      return new VerdictMap(v.key(), value(v.data(), Selectors.typesOf(v.key())));
    }
    return s;
  }

  private static Expression value(Expression e, List<DataType> types) {
    if (e instanceof SetExpr set) {
      List<Expression> out = new ArrayList<>(set.elements().size());
      for (Expression x : set.elements()) {
        out.add(value(x, types));
      }
      return new SetExpr(out);
    }
    if (e instanceof MappingExpr m) {
      return new MappingExpr(value(m.key(), types), m.value());
    }
    if (e instanceof ElemExpr el) {
      return new ElemExpr(value(el.value(), types), el.timeout(), el.expires(), el.comment(), el.statements());
    }
    if (e instanceof ConcatExpr c && c.elements().size() == types.size()) {
      List<Expression> out = new ArrayList<>(types.size());
      for (int i = 0; i < types.size(); i++) {
        out.add(single(c.elements().get(i), types.get(i)));
      }
      return new ConcatExpr(out);
    }
    DataType type = types.size() == 1 ? types.get(0) : DataType.ANY;
    if (e instanceof ListExpr l && type.flags) {
      Map<Long, Expression> byBit = new TreeMap<>();
      for (Expression x : l.elements()) {
        Long bit = x instanceof StringLiteral s ? type.symbols.get(s.value()) : null;
        if (bit == null) {
          return e;
        }
        byBit.putIfAbsent(bit, x);
      }
      List<Expression> sorted = new ArrayList<>(byBit.values());
      return sorted.size() == 1 ? sorted.get(0) : new ListExpr(sorted);
    }
    return single(e, type);
  }

  private static Expression single(Expression e, DataType type) {
    if (e instanceof RangeExpr r) {
      return new RangeExpr(single(r.low(), type), single(r.high(), type));
    }
    if (e instanceof PrefixExpr p && p.address() instanceof StringLiteral a) {
      byte[] bytes = Addresses.tryParse(a.value());
      if (bytes == null) {
        return e;
      }
      byte[] net = Addresses.network(bytes, p.length());
      if (p.length() == bytes.length * 8) {
        return new StringLiteral(Addresses.format(net));
      }
      return new PrefixExpr(new StringLiteral(Addresses.format(net)), p.length());
    }
    if (!(e instanceof StringLiteral s)) {
      return e;
    }
    switch (type.base) {
      case SERVICE: {
        Integer port = WellKnown.SERVICES.get(s.value());
        return port == null ? e : new NumberLiteral(port);
      }
      case IPV4:
      case IPV6: {
        byte[] bytes = Addresses.tryParse(s.value());
        return bytes == null ? e : new StringLiteral(Addresses.format(bytes));
      }
      default:
        if (type == DataType.INET_PROTO) {
          Long n = type.symbols.get(s.value());
          String name = n == null ? null : WellKnown.protocolName(n.intValue());
          return name == null ? e : new StringLiteral(name);
        }
        return e;
    }
  }
}

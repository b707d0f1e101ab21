package io.jnftables.text;

import io.jnftables.annotations.Family;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.MapExpr;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Nat;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Tproxy;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The statements of one rule: matches, verdicts, counters, logging, limits, NAT, mangling, set
 * updates and the other actions of {@code man nft}, with the checks nft makes on the rule text
 * before any kernel sees it — protocols the table family cannot see, protocols that contradict
 * each other within the rule, values out of range, statements after a terminal one, references
 * to sets and objects the table does not declare (when a {@link Schema} says what it declares).
 */

/**
 * The address translation statements — {@code snat}, {@code dnat}, {@code masquerade},
 * {@code redirect} — and {@code tproxy}: family, address and port forms ({@code 1.2.3.4:80},
 * {@code [::1]:80}, {@code :80}, ranges, prefixes, maps), flags, and what they need from the
 * rule (a family in inet tables, a transport protocol for a port).
 */
final class NatParser {
  static final List<String> NAT_FLAGS = List.of("random", "fully-random", "persistent", "netmap");

  private final Cursor c;
  private final Family family;
  private final ExpressionParser expr;
  private final RuleChecks checks;

  NatParser(Cursor c, Family family, ExpressionParser expr, RuleChecks checks) {
    this.c = c;
    this.family = family;
    this.expr = expr;
    this.checks = checks;
  }

  Statement nat(Token keyword) {
    Nat.Type type = Nat.Type.fromJson(keyword.text());
    String fam = null;
    Token famToken = null;
    if (type == Nat.Type.SNAT || type == Nat.Type.DNAT) {
      if (c.at("ip") || c.at("ip6")) {
        famToken = c.next();
        fam = famToken.text();
        checks.checkNatFamily(famToken, fam);
      }
    }
    List<String> typeFlags = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    if (c.at("prefix")) {
      c.next();
      typeFlags.add("interval");
      typeFlags.add("prefix");
      flags.add("netmap");
    } else if (c.at("addr") && c.peek(1).is(".")) {
      c.next();
      c.next();
      c.expect("port");
      typeFlags.add("concat");
    } else if (c.at("interval")) {
      c.next();
      typeFlags.add("interval");
    }
    Expression address = null;
    Expression port = null;
    Token toToken = null;
    if (c.at("to")) {
      toToken = c.next();
      String effective = fam != null ? fam : checks.network();
      Expression[] ap = natTarget(type, effective, toToken);
      address = ap[0];
      port = ap[1];
      if (fam == null && address != null && family == Family.INET) {
        if (effective == null) {
          throw c.invalid(keyword, "\"" + keyword.text() + " to\" an address needs ip or ip6 in an inet table",
              "write " + keyword.text() + " ip to … or " + keyword.text() + " ip6 to …, or match ip/ip6 first");
        }
        fam = effective;
      }
    } else if (type == Nat.Type.SNAT || type == Nat.Type.DNAT) {
      throw c.unexpected(c.peek(), List.of("to"), keyword.text() + " needs an address or port");
    }
    if (port != null && checks.l4() == null && !(port instanceof MapExpr) ) {
      throw c.invalid(toToken, "a port needs a transport protocol",
          "match the protocol first, e.g. tcp dport 80 or meta l4proto tcp");
    }
    if (address instanceof MapExpr m && hasPortData(m) && checks.l4() == null && !hasTransport(m.key())) {
      throw c.invalid(toToken, "a port needs a transport protocol",
          "match the protocol first, e.g. meta l4proto tcp");
    }
    while (c.peek().isWord() && NAT_FLAGS.contains(c.peek().text())) {
      Token f = c.next();
      addFlag(flags, f);
      while (c.accept(Token.Kind.COMMA)) {
        Token g = c.next();
        if (!g.isWord() || !NAT_FLAGS.contains(g.text())) {
          throw c.unexpected(g, NAT_FLAGS, null);
        }
        addFlag(flags, g);
      }
    }
    return new Nat(type, fam, address, port, flags, typeFlags);
  }

  void addFlag(List<String> flags, Token f) {
    if (!flags.contains(f.text())) {
      flags.add(f.text());
    }
  }

  static boolean hasTransport(Expression key) {
    for (Expression e : RuleChecks.flattenConcat(key)) {
      if (e instanceof PayloadExpr p && Selectors.TRANSPORT.contains(p.protocol()) && !p.protocol().equals("th")) {
        return true;
      }
    }
    return false;
  }

  boolean hasPortData(MapExpr m) {
    if (m.data() instanceof SetExpr s) {
      for (Expression e : s.elements()) {
        if (e instanceof io.jnftables.model.expr.MappingExpr me && me.value() instanceof ConcatExpr) {
          return true;
        }
      }
    }
    return false;
  }

  /** What follows {@code to}: address, address:port, [v6]:port, :port, a range or prefix, or an expression with a map. */
  Expression[] natTarget(Nat.Type type, @Nullable String fam, Token toToken) {
    DataType addrType = "ip6".equals(fam) ? DataType.IPV6 : "ip".equals(fam) ? DataType.IPV4 : DataType.ANY;
    Token t = c.peek();
    Expression address = null;
    Expression port = null;
    if (t.isWord() && t.text().startsWith(":")) {
      c.split(1); // ":80" → ":" "80"
      c.next();
      port = portExpression();
    } else if (t.kind() == Token.Kind.LBRACKET) {
      c.next();
      Token a = c.next();
      address = expr.values().one(a.text(), a.offset(), DataType.IPV6);
      checks.checkAddressFamily(a, "ip6", fam);
      c.expect(Token.Kind.RBRACKET, "]");
      Token after = c.peek();
      if (after.is("-") && c.peek(1).kind() == Token.Kind.LBRACKET) {
        c.next();
        c.next();
        Token b = c.next();
        Expression high = expr.values().one(b.text(), b.offset(), DataType.IPV6);
        c.expect(Token.Kind.RBRACKET, "]");
        address = new RangeExpr(address, high);
        after = c.peek();
      }
      if (after.isWord() && after.text().startsWith("/")) {
        c.next();
        String len = after.text().substring(1);
        if (!ValueParser.isDigits(len) || len.length() > 3 || Integer.parseInt(len) > 128) {
          throw c.invalid(after, "invalid prefix length " + after.describe(), "a prefix length is 0..128");
        }
        address = new PrefixExpr(address, Integer.parseInt(len));
      } else if (after.isWord() && after.text().startsWith(":")) {
        c.split(1);
        c.next();
        port = portExpression();
      }
    } else if (t.isWord() && !expr.startsSelector(t) && (type == Nat.Type.SNAT || type == Nat.Type.DNAT)) {
      String s = t.text();
      int colon = s.lastIndexOf(':');
      boolean v4WithPort = colon > 0 && s.indexOf(':') == colon && s.indexOf('.') >= 0;
      if (v4WithPort) {
        c.split(colon);
      }
      Token a = c.peek();
      address = expr.values().value(addrType == DataType.ANY ? guessAddressType(a.text()) : addrType);
      checks.checkAddressFamily(a, familyOfAddress(address), fam);
      if (c.peek().is(":") || (c.peek().isWord() && c.peek().text().startsWith(":"))) {
        if (!c.peek().is(":")) {
          c.split(1);
        }
        c.next();
        port = portExpression();
      }
    } else {
      if (type == Nat.Type.MASQUERADE || type == Nat.Type.REDIRECT) {
        throw c.unexpected(t, List.of(":port"), "masquerade and redirect take a port only");
      }
      Token start = c.peek();
      Expression key = expr.concat();
      Token map = c.expect("map");
      // values: an address of the translation's family, or address . port
      Expression mapData = expr.mapData(key, List.of(addrType), map);
      address = new MapExpr(key, mapData);
      checks.checkMapKeyTypes(key, start);
      checks.checkNatMapFamily(address, fam, start);
    }
    return new Expression[] {address, port};
  }

  static DataType guessAddressType(String s) {
    return s.indexOf(':') >= 0 ? DataType.IPV6 : DataType.IPV4;
  }

  static @Nullable String familyOfAddress(Expression e) {
    Expression a = e instanceof RangeExpr r ? r.low() : e instanceof PrefixExpr p ? p.address() : e;
    if (a instanceof StringLiteral s) {
      return s.value().indexOf(':') >= 0 ? "ip6" : "ip";
    }
    return null;
  }

  /** A port, a port range, or an expression with a map ({@code :tcp dport map { 22 : 8000 }}). */
  Expression portExpression() {
    Token t = c.peek();
    if (t.isWord() && expr.startsSelector(t)) {
      Expression key = expr.concat();
      Token map = c.expect("map");
      return new MapExpr(key, expr.mapData(key, List.of(DataType.SERVICE), map));
    }
    Expression p = expr.values().value(DataType.SERVICE);
    return p;
  }

  Statement tproxy(Token keyword) {
    String fam = null;
    Token famToken = null;
    if (c.at("ip") || c.at("ip6")) {
      famToken = c.next();
      fam = famToken.text();
      checks.checkNatFamily(famToken, fam);
    }
    if (!c.at("to")) {
      throw c.unexpected(c.peek(), List.of("to"), "tproxy needs an address or a port");
    }
    Token toToken = c.next();
    if (checks.l4() == null) {
      throw c.invalid(keyword, "tproxy needs a transport protocol", "match it first, e.g. meta l4proto tcp");
    }
    String effective = fam != null ? fam : checks.network();
    Expression[] ap = natTarget(Nat.Type.DNAT, effective, toToken);
    if (ap[0] != null && fam == null && family == Family.INET) {
      throw c.invalid(keyword, "tproxy to an address needs ip or ip6 in an inet table",
          "write tproxy ip to … or tproxy ip6 to …");
    }
    return new Tproxy(fam, ap[0], ap[1]);
  }
}

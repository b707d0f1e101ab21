package io.jnftables.text;

import io.jnftables.model.expr.BinaryExpr;
import io.jnftables.model.expr.BinaryOperator;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.CtExpr;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ExthdrExpr;
import io.jnftables.model.expr.FibExpr;
import io.jnftables.model.expr.IpOptionExpr;
import io.jnftables.model.expr.JhashExpr;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.MapExpr;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.NumgenExpr;
import io.jnftables.model.expr.OsfExpr;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.PayloadOffsetExpr;
import io.jnftables.model.expr.RtExpr;
import io.jnftables.model.expr.SctpChunkExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.SetReference;
import io.jnftables.model.expr.SocketExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.expr.SymhashExpr;
import io.jnftables.model.expr.TcpOptionExpr;
import io.jnftables.model.expr.TcpOptionOffsetExpr;
import io.jnftables.model.expr.VerdictExpr;
import io.jnftables.model.expr.XfrmExpr;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Expressions of nft's rule language: selectors ({@code tcp dport}, {@code meta mark},
 * {@code ct original ip saddr}, {@code @th,16,16}, …), the operators that combine them
 * ({@code .} concatenation, {@code & | ^ << >>}, {@code map}), and the constants they are
 * compared with — single values, ranges, prefixes, flag lists, anonymous sets and maps — read as
 * the selector's {@link DataType}.
 */
final class ExpressionParser {
  /** Words that start a selector, in the order error messages list them. */
  static final List<String> SELECTOR_KEYWORDS =
      List.of("ip", "ip6", "tcp", "udp", "meta", "ct", "iif", "iifname", "oif", "oifname", "ether", "vlan", "arp",
          "icmp", "icmpv6", "igmp", "udplite", "sctp", "dccp", "ah", "esp", "comp", "th", "mark", "pkttype",
          "skuid", "skgid", "cpu", "iifgroup", "oifgroup", "cgroup", "iiftype", "oiftype", "nftrace",
          "rtclassid", "ibriport", "obriport", "ibrname", "obrname", "ipsec", "time", "day", "hour", "hbh", "rt",
          "rt0", "rt2", "srh", "frag", "dst", "mh", "exthdr", "fib", "rt", "socket", "osf", "numgen", "jhash",
          "symhash");

  private final Cursor c;
  private final ValueParser values;
  private final StatementParser statements;

  ExpressionParser(Cursor c, StatementParser statements) {
    this.c = c;
    this.values = new ValueParser(c);
    this.statements = statements;
  }

  ValueParser values() {
    return values;
  }

  // ================================================================== selectors and operators

  /** Whether {@code t} starts a selector expression. */
  boolean startsSelector(Token t) {
    if (t.kind() == Token.Kind.AT) {
      Token base = c.peek(1);
      return base.isWord() && RAW_BASES.contains(base.text());
    }
    if (t.kind() == Token.Kind.LPAREN) {
      return true;
    }
    if (!t.isWord()) {
      return false;
    }
    String w = t.text();
    return Selectors.PAYLOAD.containsKey(w) || Selectors.EXTHDR.containsKey(w) || w.equals("meta") || w.equals("ct")
        || Selectors.META_UNQUALIFIED.contains(w) || w.equals("exthdr") || w.equals("fib") || w.equals("socket")
        || w.equals("osf") || w.equals("numgen") || w.equals("jhash") || w.equals("symhash") || w.equals("ipsec");
  }

  static final List<String> RAW_BASES = List.of("ll", "nh", "th", "ih");

  /** A full expression: a concatenation, possibly looked up in a map ({@code … map { … }}). */
  Expression expression(List<DataType> mapDataTypes) {
    Expression e = concat();
    if (c.at("map")) {
      Token mapToken = c.next();
      e = new MapExpr(e, mapData(e, mapDataTypes, mapToken));
    }
    return e;
  }

  /** {@code a . b . c}. */
  Expression concat() {
    Expression first = or();
    if (!c.at(".")) {
      return first;
    }
    List<Expression> parts = new ArrayList<>();
    parts.add(first);
    while (c.accept(".")) {
      parts.add(or());
    }
    return new ConcatExpr(parts);
  }

  private Expression or() {
    Expression left = xor();
    int level = c.nesting();
    while (isOp("|", "or")) {
      c.enter(c.next()); // each operator nests the (left-deep) tree one level more
      left = new BinaryExpr(BinaryOperator.OR, left, operand(left, false));
    }
    c.leave(level);
    return left;
  }

  private Expression xor() {
    Expression left = and();
    int level = c.nesting();
    while (isOp("^", "xor")) {
      c.enter(c.next());
      left = new BinaryExpr(BinaryOperator.XOR, left, operand(left, false));
    }
    c.leave(level);
    return left;
  }

  private Expression and() {
    Expression left = shift();
    int level = c.nesting();
    while (isOp("&", "and")) {
      c.enter(c.next());
      left = new BinaryExpr(BinaryOperator.AND, left, operand(left, false));
    }
    c.leave(level);
    return left;
  }

  private Expression shift() {
    Expression left = primary();
    int level = c.nesting();
    while (isOp("<<", "lshift") || isOp(">>", "rshift")) {
      c.enter(c.peek());
      BinaryOperator op = c.next().text().startsWith("<") || c.peek(-1).is("lshift")
          ? BinaryOperator.LSHIFT : BinaryOperator.RSHIFT;
      left = new BinaryExpr(op, left, operand(left, true));
    }
    c.leave(level);
    return left;
  }

  private boolean isOp(String symbol, String word) {
    Token t = c.peek();
    return (t.kind() == Token.Kind.BINOP && t.text().equals(symbol)) || t.is(word);
  }

  /** The right operand of a binary operator: another selector, or a constant of the left's type. */
  private Expression operand(Expression left, boolean shiftAmount) {
    Token t = c.peek();
    if (startsSelector(t) && !(t.kind() == Token.Kind.LPAREN)) {
      return shift();
    }
    DataType type = shiftAmount ? DataType.integer(32) : typeOf(left);
    if (t.kind() == Token.Kind.LPAREN) {
      if (startsSelector(c.peek(1))) {
        return primary();
      }
      return parenthesizedConstant(type);
    }
    return values.value(type);
  }

  /** {@code (syn | ack)}: flags combined in parentheses are a flag list in nft's JSON. */
  private Expression parenthesizedConstant(DataType type) {
    int level = c.enter(c.expect(Token.Kind.LPAREN, "("));
    Expression e = valueExpression(type);
    c.expect(Token.Kind.RPAREN, ")");
    c.leave(level);
    if (type.flags && e instanceof BinaryExpr b && b.op() == BinaryOperator.OR) {
      List<Expression> flat = new ArrayList<>();
      if (flattenOr(b, flat)) {
        return new ListExpr(flat);
      }
    }
    return e;
  }

  private static boolean flattenOr(Expression e, List<Expression> out) {
    if (e instanceof BinaryExpr b && b.op() == BinaryOperator.OR) {
      return flattenOr(b.left(), out) && flattenOr(b.right(), out);
    }
    if (e instanceof StringLiteral || e instanceof NumberLiteral) {
      out.add(e);
      return true;
    }
    return false;
  }

  /**
   * The element of a set statement ({@code add @s { ip saddr . 22 }}): selectors and constants
   * concatenated.
   */
  Expression elementExpression() {
    List<Expression> parts = new ArrayList<>();
    do {
      Token t = c.peek();
      if (startsSelector(t)) {
        parts.add(or());
      } else {
        parts.add(values.value(DataType.ANY));
      }
    } while (c.accept("."));
    return parts.size() == 1 ? parts.get(0) : new ConcatExpr(parts);
  }

  /** A selector or a parenthesized expression. */
  Expression primary() {
    Token t = c.peek();
    if (t.kind() == Token.Kind.LPAREN) {
      int level = c.enter(c.next());
      Expression e = expression(List.of());
      c.expect(Token.Kind.RPAREN, ")");
      c.leave(level);
      return e;
    }
    Expression e = selector();
    if (e == null) {
      List<String> expected = new ArrayList<>(StatementParser.STATEMENT_KEYWORDS);
      throw c.unexpected(t, expected, null);
    }
    return e;
  }

  /** The selector at the cursor, or null (nothing consumed) when the next token does not start one. */
  @Nullable Expression selector() {
    Token t = c.peek();
    if (t.kind() == Token.Kind.AT) {
      return rawPayload();
    }
    if (!t.isWord()) {
      return null;
    }
    String w = t.text();
    switch (w) {
      case "meta":
        c.next();
        return meta(c.next(), true);
      case "ct":
        c.next();
        return ct();
      case "rt":
        if (Selectors.RT.containsKey(c.peek(1).text()) || c.peek(1).is("ip") || c.peek(1).is("ip6")) {
          c.next();
          return rt();
        }
        return exthdr(c.next());
      case "exthdr": {
        c.next();
        Token name = c.next();
        if (!Selectors.EXTHDR.containsKey(name.text())) {
          throw c.unexpected(name, Selectors.EXTHDR.keySet(), null);
        }
        return new ExthdrExpr(name.text(), null, null);
      }
      case "fib":
        c.next();
        return fib();
      case "socket":
        c.next();
        return socket();
      case "osf":
        c.next();
        return osf();
      case "ipsec":
        if (c.peek(1).is("in") || c.peek(1).is("out")) {
          c.next();
          return ipsec();
        }
        if (c.peek(1).isWord() && !c.peek(1).is("exists") && !c.peek(1).is("missing")
            && Selectors.META.containsKey(c.peek(1).text())) {
          break;
        }
        if (c.peek(1).isWord() && !c.peek(1).is("exists") && !c.peek(1).is("missing")) {
          c.next();
          throw c.unexpected(c.peek(), List.of("in", "out"), null);
        }
        c.next();
        return new MetaExpr("ipsec");
      case "numgen":
        c.next();
        return numgen();
      case "jhash":
        c.next();
        return jhash();
      case "symhash":
        c.next();
        return symhash();
      default:
        break;
    }
    if (Selectors.PAYLOAD.containsKey(w)) {
      c.next();
      return payload(t);
    }
    if (Selectors.EXTHDR.containsKey(w)) {
      return exthdr(c.next());
    }
    if (Selectors.META_UNQUALIFIED.contains(w)) {
      return meta(c.next(), false);
    }
    return null;
  }

  private Expression payload(Token protocol) {
    String p = protocol.text();
    if (p.equals("tcp") && c.at("option")) {
      c.next();
      return tcpOption();
    }
    if (p.equals("ip") && c.at("option")) {
      c.next();
      return ipOption();
    }
    if (p.equals("sctp") && c.at("chunk")) {
      c.next();
      return sctpChunk();
    }
    Map<String, DataType> fields = Selectors.PAYLOAD.get(p);
    Token f = c.next();
    String field = f.text();
    if (p.equals("arp") && (f.is("saddr") || f.is("daddr"))) {
      Token kind = c.next();
      if (!kind.is("ip") && !kind.is("ether")) {
        throw c.unexpected(kind, List.of("ip", "ether"), null);
      }
      field = field + " " + kind.text();
    } else if (!f.isWord() || !fields.containsKey(field)) {
      List<String> expected = new ArrayList<>(fields.keySet());
      if (p.equals("tcp")) {
        expected.add("option");
      } else if (p.equals("ip")) {
        expected.add("option");
      } else if (p.equals("sctp")) {
        expected.add("chunk");
      }
      throw c.error(f, "unexpected " + f.describe() + " after \"" + p + "\"", expected, null, expected);
    }
    if (p.equals("vlan") && field.equals("cfi")) {
      field = "dei"; // the older name of the same bit
    }
    return new PayloadExpr(p, field);
  }

  private Expression rawPayload() {
    Token at = c.next();
    Token base = c.next();
    if (!base.isWord() || !RAW_BASES.contains(base.text())) {
      throw c.unexpected(base, RAW_BASES, null);
    }
    c.expect(Token.Kind.COMMA, ",");
    int offset = smallNumber("an offset in bits", 0xffffff);
    c.expect(Token.Kind.COMMA, ",");
    Token lenToken = c.peek();
    int len = smallNumber("a length in bits", 0xffffff);
    if (len == 0) {
      throw c.invalid(lenToken, "invalid raw payload length 0", "a length is 1 bit or more");
    }
    return new PayloadOffsetExpr(base.text(), offset, len);
  }

  private int smallNumber(String what, int max) {
    Token t = c.next();
    Long v = t.isWord() ? ValueParser.longValue(t.text()) : null;
    if (v == null) {
      throw c.unexpected(t, List.of(what), null);
    }
    if (v > max) {
      throw c.invalid(t, "value " + t.text() + " out of range", "at most " + max);
    }
    return (int) (long) v;
  }

  private Expression exthdr(Token name) {
    Map<String, DataType> fields = Selectors.EXTHDR.get(name.text());
    Token f = c.next();
    if (!f.isWord() || !fields.containsKey(f.text())) {
      throw c.error(f, "unexpected " + f.describe() + " after \"" + name.text() + "\"",
          List.copyOf(fields.keySet()), null, fields.keySet());
    }
    String field = f.text();
    Integer offset = null;
    if ((field.equals("addr") || field.equals("sid")) && c.at(Token.Kind.LBRACKET)) {
      c.next();
      int index = smallNumber("an index", 255);
      c.expect(Token.Kind.RBRACKET, "]");
      if (name.is("srh")) {
        field = field + "[" + index + "]"; // nft's JSON spells the index into the field name
      } else {
        offset = index;
      }
    }
    return new ExthdrExpr(name.text(), field, offset);
  }

  private Expression tcpOption() {
    Token t = c.next();
    if (t.kind() == Token.Kind.AT) {
      int kind = smallNumber("an option kind", 255);
      c.expect(Token.Kind.COMMA, ",");
      int offset = smallNumber("an offset in bits", 0xffff);
      c.expect(Token.Kind.COMMA, ",");
      int len = smallNumber("a length in bits", 0xffff);
      return new TcpOptionOffsetExpr(kind, offset, len);
    }
    if (t.isWord() && ValueParser.isNumber(t.text())) {
      Long kind = ValueParser.longValue(t.text());
      if (kind == null || kind > 255) {
        throw c.invalid(t, "invalid tcp option kind " + t.describe(), "a kind is 0..255");
      }
      return new TcpOptionOffsetExpr((int) (long) kind, 0, 8);
    }
    Map<String, DataType> fields = t.isWord() ? Selectors.TCP_OPTION.get(t.text()) : null;
    if (fields == null) {
      throw c.error(t, "unknown tcp option " + t.describe(), List.copyOf(Selectors.TCP_OPTION_KIND.keySet()), null,
          Selectors.TCP_OPTION.keySet());
    }
    String name = t.is("sack0") ? "sack" : t.text();
    Token f = c.peek();
    if (f.isWord() && fields.containsKey(f.text())) {
      c.next();
      return new TcpOptionExpr(name, f.text());
    }
    if (f.isWord() && !f.is("exists") && !f.is("missing") && !f.is("set") && ValueParser.longValue(f.text()) == null
        && !StatementParser.STATEMENT_KEYWORD_SET.contains(f.text())) {
      throw c.error(f, "unknown field " + f.describe() + " of tcp option " + t.text(),
          List.copyOf(fields.keySet()), null, fields.keySet());
    }
    return new TcpOptionExpr(name, null);
  }

  private Expression ipOption() {
    Token t = c.next();
    Map<String, DataType> fields = t.isWord() ? Selectors.IP_OPTION.get(t.text()) : null;
    if (fields == null) {
      throw c.error(t, "unknown ip option " + t.describe(), List.copyOf(Selectors.IP_OPTION.keySet()), null,
          Selectors.IP_OPTION.keySet());
    }
    Token f = c.peek();
    if (f.isWord() && fields.containsKey(f.text())) {
      c.next();
      return new IpOptionExpr(t.text(), f.text());
    }
    return new IpOptionExpr(t.text(), null);
  }

  private Expression sctpChunk() {
    Token t = c.next();
    Map<String, DataType> fields = t.isWord() ? Selectors.SCTP_CHUNK.get(t.text()) : null;
    if (fields == null) {
      throw c.error(t, "unknown sctp chunk " + t.describe(), List.copyOf(Selectors.SCTP_CHUNK.keySet()), null,
          Selectors.SCTP_CHUNK.keySet());
    }
    Token f = c.peek();
    if (f.isWord() && fields.containsKey(f.text())) {
      c.next();
      return new SctpChunkExpr(t.text(), f.text());
    }
    return new SctpChunkExpr(t.text(), null);
  }

  private Expression meta(Token key, boolean qualified) {
    if (!key.isWord() || !Selectors.META.containsKey(key.text()) || (!qualified && !Selectors.META_UNQUALIFIED.contains(key.text()))) {
      throw c.error(key, "unexpected " + key.describe() + (qualified ? " after \"meta\"" : ""),
          List.copyOf(Selectors.META.keySet()), null, Selectors.META.keySet());
    }
    return new MetaExpr(key.text());
  }

  private Expression ct() {
    Token t = c.next();
    String dir = null;
    if (t.is("original") || t.is("reply")) {
      dir = t.text();
      t = c.next();
    }
    if (t.is("ip") || t.is("ip6")) {
      Token f = c.next();
      if (!f.is("saddr") && !f.is("daddr")) {
        throw c.unexpected(f, List.of("saddr", "daddr"), null);
      }
      if (dir == null) {
        throw c.invalid(t, "\"ct " + t.text() + " " + f.text() + "\" needs a direction",
            "write ct original " + t.text() + " " + f.text() + " or ct reply " + t.text() + " " + f.text());
      }
      return new CtExpr(t.text() + " " + f.text(), null, dir);
    }
    if (t.is("timeout") || t.is("expectation") || (t.is("helper") && c.peek().is("set"))) {
      if (dir != null) {
        throw c.invalid(t, "\"ct " + t.text() + "\" takes no direction", null);
      }
      return new CtExpr(t.text());
    }
    if (!t.isWord() || !Selectors.CT.containsKey(t.text())) {
      List<String> keys = new ArrayList<>(Selectors.CT.keySet());
      keys.removeIf(k -> k.indexOf(' ') >= 0);
      if (dir == null) {
        keys.add(0, "original");
        keys.add(1, "reply");
      }
      throw c.error(t, "unexpected " + t.describe() + " after \"ct\"", keys, null, keys);
    }
    String key = t.text();
    if (dir != null && !Selectors.CT_DIRECTIONAL.contains(key)) {
      throw c.invalid(t, "\"ct " + key + "\" takes no direction", "only " + String.join(", ",
          Selectors.CT_DIRECTIONAL.subList(0, 10)) + " have one");
    }
    if (dir == null && Selectors.CT_NEEDS_DIRECTION.contains(key)) {
      throw c.invalid(t, "\"ct " + key + "\" needs a direction", "write ct original " + key + " or ct reply " + key);
    }
    if ((key.equals("saddr") || key.equals("daddr")) && statements.network() == null) {
      throw c.invalid(t, "\"ct " + dir + " " + key + "\" needs ip or ip6 in " + statements.tableArticle() + " table",
          "write ct " + dir + " ip " + key + " or ct " + dir + " ip6 " + key + ", or match meta nfproto first");
    }
    return new CtExpr(key, null, dir);
  }

  private Expression rt() {
    String family = null;
    if (c.at("ip") || c.at("ip6")) {
      family = c.next().text();
    }
    Token k = c.next();
    if (!k.isWord() || !Selectors.RT.containsKey(k.text())) {
      throw c.error(k, "unexpected " + k.describe() + " after \"rt\"", List.copyOf(Selectors.RT.keySet()), null,
          Selectors.RT.keySet());
    }
    if (family != null && !k.is("nexthop")) {
      throw c.invalid(k, "\"rt " + family + "\" is followed by nexthop only", null);
    }
    if (k.is("nexthop") && family == null) {
      String net = statements.network();
      if (net == null) {
        throw c.invalid(k, "\"rt nexthop\" needs ip or ip6 in " + statements.tableArticle() + " table",
            "write rt ip nexthop or rt ip6 nexthop");
      }
      // nft spells the table's family out; a family an earlier match gives stays implicit
      if (statements.family() == io.jnftables.annotations.Family.IP
          || statements.family() == io.jnftables.annotations.Family.IP6) {
        family = net;
      }
    }
    return new RtExpr(k.text(), family);
  }

  private Expression socket() {
    Token k = c.next();
    if (!k.isWord() || !Selectors.SOCKET.containsKey(k.text())) {
      throw c.error(k, "unexpected " + k.describe() + " after \"socket\"", List.copyOf(Selectors.SOCKET.keySet()),
          null, Selectors.SOCKET.keySet());
    }
    return new SocketExpr(k.text());
  }

  private Expression osf() {
    String ttl = null;
    if (c.accept("ttl")) {
      Token t = c.next();
      if (!t.is("loose") && !t.is("skip")) {
        throw c.error(t, "unexpected " + t.describe() + " after \"osf ttl\"", List.of("loose", "skip"), null,
            List.of("loose", "skip"));
      }
      ttl = t.text();
    }
    Token k = c.next();
    if (!k.is("name") && !k.is("version")) {
      throw c.unexpected(k, List.of("name", "version", "ttl"), null);
    }
    return new OsfExpr(k.text(), ttl);
  }

  private Expression ipsec() {
    String dir = c.next().text();
    Integer spnum = 0;
    if (c.accept("spnum")) {
      Token n = c.peek();
      spnum = smallNumber("a policy number", Integer.MAX_VALUE);
      if (spnum > 255) {
        throw c.invalid(n, "value " + n.text() + " out of range", "spnum is 0..255");
      }
    }
    String family = null;
    if (c.at("ip") || c.at("ip6")) {
      family = c.next().text();
    }
    Token k = c.next();
    if (!k.isWord() || !Selectors.IPSEC.containsKey(k.text())) {
      throw c.error(k, "unexpected " + k.describe() + " after \"ipsec " + dir + "\"",
          List.copyOf(Selectors.IPSEC.keySet()), null, Selectors.IPSEC.keySet());
    }
    boolean address = k.is("saddr") || k.is("daddr");
    if (address != (family != null)) {
      throw c.invalid(k, address ? "ipsec addresses need ip or ip6 before them" : "\"" + k.text()
          + "\" takes no ip/ip6", null);
    }
    return new XfrmExpr(k.text(), family, dir, spnum);
  }

  private Expression fib() {
    List<String> flags = new ArrayList<>();
    while (true) {
      Token f = c.next();
      if (!f.isWord() || !Selectors.FIB_FLAGS.contains(f.text())) {
        throw c.unexpected(f, Selectors.FIB_FLAGS, null);
      }
      if (flags.contains(f.text())) {
        throw c.invalid(f, "duplicate fib flag " + f.describe(), null);
      }
      flags.add(f.text());
      if (!c.accept(".")) {
        break;
      }
    }
    Token r = c.next();
    if (!r.isWord() || !Selectors.FIB_RESULT.containsKey(r.text())) {
      throw c.unexpected(r, List.copyOf(Selectors.FIB_RESULT.keySet()), null);
    }
    boolean s = flags.contains("saddr");
    boolean d = flags.contains("daddr");
    if (s == d) {
      throw c.invalid(r, "fib needs exactly one of saddr and daddr", null);
    }
    if (flags.contains("iif") && flags.contains("oif")) {
      throw c.invalid(r, "fib takes iif or oif, not both", null);
    }
    if (r.is("oif") || r.is("oifname")) {
      if (flags.contains("oif")) {
        throw c.invalid(r, "fib " + r.text() + " cannot use the oif flag", null);
      }
    }
    return new FibExpr(r.text(), flags);
  }

  private Expression numgen() {
    Token mode = c.next();
    if (!mode.is("inc") && !mode.is("random")) {
      throw c.unexpected(mode, List.of("inc", "random"), null);
    }
    c.expect("mod");
    long mod = modulus();
    Long offset = null;
    if (c.accept("offset")) {
      offset = number32();
    }
    return new NumgenExpr(mode.text(), mod, offset);
  }

  private Expression jhash() {
    Expression e = concat();
    c.expect("mod");
    long mod = modulus();
    Long seed = null;
    Long offset = null;
    if (c.accept("seed")) {
      seed = number32();
    }
    if (c.accept("offset")) {
      offset = number32();
    }
    return new JhashExpr(e, mod, seed, offset);
  }

  private Expression symhash() {
    c.expect("mod");
    long mod = modulus();
    Long offset = null;
    if (c.accept("offset")) {
      offset = number32();
    }
    return new SymhashExpr(mod, offset);
  }

  private long modulus() {
    Token t = c.peek();
    long v = number32();
    if (v == 0) {
      throw c.invalid(t, "invalid modulus 0", "a modulus is 1 or more");
    }
    return v;
  }

  long number32() {
    Token t = c.next();
    Long v = t.isWord() ? ValueParser.longValue(t.text()) : null;
    if (v == null) {
      throw c.unexpected(t, List.of("a number"), null);
    }
    if (v > 0xffffffffL) {
      throw c.invalid(t, "value " + t.text() + " out of range", "at most 4294967295");
    }
    return v;
  }

  /**
   * The type of an expression's values; {@code ct original saddr} takes the rule's network (the
   * table's family, or an earlier ip/ip6 match).
   */
  DataType typeOf(Expression e) {
    if (e instanceof CtExpr ct && ct.family() == null && (ct.key().equals("saddr") || ct.key().equals("daddr"))
        || e instanceof RtExpr rt && rt.family() == null && rt.key().equals("nexthop")) {
      String net = statements.network();
      return "ip6".equals(net) ? DataType.IPV6 : "ip".equals(net) ? DataType.IPV4 : DataType.ANY;
    }
    return Selectors.typeOf(e);
  }

  List<DataType> typesOf(Expression e) {
    if (e instanceof ConcatExpr cat) {
      List<DataType> out = new ArrayList<>(cat.elements().size());
      for (Expression x : cat.elements()) {
        out.add(typeOf(x));
      }
      return out;
    }
    return List.of(typeOf(e));
  }

  // ================================================================== constants

  /**
   * The right-hand side of a match or the value of a {@code set}: a constant of the left's type(s)
   * (a value, range, prefix, flag list, concatenation), an anonymous set, a set reference, or — for
   * {@code set} — any expression.
   */
  Expression rhs(Expression left, boolean allowSelectors) {
    List<DataType> types = typesOf(left);
    Token t = c.peek();
    if (t.kind() == Token.Kind.LBRACE) {
      return set(types, null, false);
    }
    if (t.kind() == Token.Kind.AT) {
      if (!(allowSelectors && startsSelector(t))) {
        return setReference();
      }
    }
    if (allowSelectors && (startsSelector(t) && !(t.kind() == Token.Kind.LPAREN && !startsSelector(c.peek(1))))) {
      if (!(t.isWord() && types.size() == 1 && values.tryValue(t.text(), t.offset(), types.get(0)) != null
          && !Selectors.PAYLOAD.containsKey(t.text()) && !t.is("meta") && !t.is("ct"))) {
        return expression(types);
      }
    }
    if (types.size() > 1) {
      return concatConstant(types);
    }
    DataType type = types.get(0);
    Expression v = valueExpression(type);
    if (type.flags && c.at(Token.Kind.COMMA) && (v instanceof StringLiteral || v instanceof NumberLiteral)) {
      List<Expression> list = new ArrayList<>();
      list.add(v);
      while (c.accept(Token.Kind.COMMA)) {
        list.add(values.value(type));
      }
      return new ListExpr(list);
    }
    if (allowSelectors && c.at("map")) {
      Token mapToken = c.next();
      return new MapExpr(v, mapData(v, types, mapToken));
    }
    return v;
  }

  /** {@code a | b}, {@code 0x11 xor 0x1331}: constants combined by binary operators. */
  Expression valueExpression(DataType type) {
    Expression left = valuePrimary(type);
    int level = c.nesting();
    while (c.peek().kind() == Token.Kind.BINOP || c.at("and") || c.at("or") || c.at("xor")) {
      Token op = c.next();
      c.enter(op);
      BinaryOperator o = binop(op);
      boolean shift = o == BinaryOperator.LSHIFT || o == BinaryOperator.RSHIFT;
      left = new BinaryExpr(o, left, valuePrimary(shift ? DataType.integer(32) : type));
    }
    c.leave(level);
    return left;
  }

  private Expression valuePrimary(DataType type) {
    Token t = c.peek();
    if (t.kind() == Token.Kind.LPAREN) {
      return parenthesizedConstant(type);
    }
    return values.value(type);
  }

  private static BinaryOperator binop(Token t) {
    switch (t.text()) {
      case "&":
      case "and":
        return BinaryOperator.AND;
      case "|":
      case "or":
        return BinaryOperator.OR;
      case "^":
      case "xor":
        return BinaryOperator.XOR;
      case "<<":
        return BinaryOperator.LSHIFT;
      default:
        return BinaryOperator.RSHIFT;
    }
  }

  private Expression concatConstant(List<DataType> types) {
    List<Expression> parts = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      if (i > 0) {
        Token dot = c.peek();
        if (!dot.is(".")) {
          throw c.unexpected(dot, List.of("."), "the concatenation has " + types.size() + " parts, this value "
              + i);
        }
        c.next();
      }
      parts.add(values.value(types.get(i)));
    }
    return new ConcatExpr(parts);
  }

  Expression setReference() {
    Token at = c.expect(Token.Kind.AT, "@");
    Token name = c.next();
    if (!name.isWord() && name.kind() != Token.Kind.STRING) {
      throw c.unexpected(name, List.of("a set name"), null);
    }
    String problem = io.jnftables.model.Names.problem(name.value());
    if (problem != null) {
      throw c.invalid(name, "invalid set name " + name.describe(), problem);
    }
    return new SetReference(name.value());
  }

  /**
   * An anonymous set or map: {@code { a, b }}, {@code { k : v, … }}. {@code dataTypes} is null for
   * a plain set; for a map it gives the values' types ({@link DataType#VERDICT} for verdict maps).
   */
  SetExpr set(List<DataType> keyTypes, @Nullable List<DataType> dataTypes, boolean elementOptions) {
    Token open = c.expect(Token.Kind.LBRACE, "{");
    int level = c.enter(open);
    List<Expression> elements = new ArrayList<>();
    while (true) {
      c.skipNewlines();
      Token t = c.peek();
      if (t.kind() == Token.Kind.RBRACE) {
        if (elements.isEmpty()) {
          throw c.unexpected(t, ValueParser.expected(keyTypes.get(0)), "an anonymous set needs at least one element");
        }
        c.next();
        c.leave(level);
        return new SetExpr(elements);
      }
      elements.add(element(keyTypes, dataTypes, elementOptions));
      c.skipNewlines();
      Token sep = c.next();
      if (sep.kind() == Token.Kind.RBRACE) {
        c.leave(level);
        return new SetExpr(elements);
      }
      if (sep.kind() != Token.Kind.COMMA) {
        throw c.unexpected(sep, List.of(",", "}"), null);
      }
    }
  }

  /** One element of a set or map, with its options ({@code timeout 1m}, {@code counter}, …). */
  Expression element(List<DataType> keyTypes, @Nullable List<DataType> dataTypes, boolean elementOptions) {
    Token t = c.peek();
    Expression key;
    if (t.kind() == Token.Kind.LBRACE) {
      if (dataTypes != null) {
        throw c.unexpected(t, ValueParser.expected(keyTypes.get(0)), "sets cannot be nested in a map");
      }
      key = set(keyTypes, null, elementOptions);
    } else if (t.is("*")) {
      c.next();
      key = new StringLiteral("*");
    } else {
      if (dataTypes != null) {
        splitMapping(keyTypes.get(keyTypes.size() - 1), keyTypes.size());
      }
      key = keyTypes.size() > 1 ? concatConstant(keyTypes) : elementValue(keyTypes.get(0), dataTypes == null);
    }
    key = elementWithOptions(key);
    if (dataTypes != null) {
      Token colon = c.peek();
      if (!colon.is(":")) {
        throw c.unexpected(colon, List.of(":"), "a map element is key : value");
      }
      c.next();
      Expression data = mapValue(dataTypes);
      return new MappingExpr(key, data);
    }
    return key;
  }

  /** A set element value: a constant, or flags combined by {@code |} ({@code { syn, syn | ack }}). */
  private Expression elementValue(DataType type, boolean plainSet) {
    if (type.flags) {
      return valueExpression(type);
    }
    return values.value(type);
  }

  /** Element options nft accepts after a set element: timeout, expires, comment and stateful statements. */
  private Expression elementWithOptions(Expression key) {
    Long timeout = null;
    Long expires = null;
    String comment = null;
    List<Statement> stmts = new ArrayList<>();
    while (true) {
      if (c.at("timeout") || c.at("expires")) {
        Token k = c.next();
        Token v = c.next();
        Long secs = v.isWord() ? Times.parseSeconds(v.text()) : null;
        if (secs == null) {
          throw c.unexpected(v, List.of("a time"), null);
        }
        if (k.is("timeout")) {
          timeout = secs;
        } else {
          expires = secs;
        }
      } else if (c.at("comment")) {
        c.next();
        comment = statements.commentText();
      } else if (c.at("counter") || c.at("limit") || c.at("quota")) {
        stmts.add(statements.statement());
      } else {
        break;
      }
    }
    if (timeout == null && expires == null && comment == null && stmts.isEmpty()) {
      return key;
    }
    return new ElemExpr(key, timeout, expires, comment, stmts);
  }

  /** The value of a map element: a verdict, or constants of the map's value type(s). */
  private Expression mapValue(List<DataType> dataTypes) {
    if (dataTypes.size() == 1 && dataTypes.get(0) == DataType.VERDICT) {
      return new VerdictExpr(verdict());
    }
    if (dataTypes.size() > 1) {
      return concatConstant(dataTypes);
    }
    Expression first = mapValuePart(dataTypes.get(0));
    if (!c.at(".")) {
      return first;
    }
    // address . port of a NAT map, and other concatenated values
    List<Expression> parts = new ArrayList<>();
    parts.add(first);
    while (c.accept(".")) {
      parts.add(mapValuePart(first instanceof StringLiteral || first instanceof io.jnftables.model.expr.PrefixExpr
          || first instanceof io.jnftables.model.expr.RangeExpr ? DataType.SERVICE : DataType.ANY));
    }
    return new ConcatExpr(parts);
  }

  private Expression mapValuePart(DataType type) {
    Token t = c.peek();
    if (t.kind() == Token.Kind.STRING) {
      c.next();
      return values.quoted(t, type);
    }
    return valueExpression(type);
  }

  /** A verdict: accept, drop, continue, return, jump/goto chain. */
  Verdict verdict() {
    Token t = c.next();
    switch (t.text()) {
      case "accept":
        return Verdict.ACCEPT;
      case "drop":
        return Verdict.DROP;
      case "continue":
        return Verdict.CONTINUE;
      case "return":
        return Verdict.RETURN;
      case "jump":
        return Verdict.jump(statements.chainName());
      case "goto":
        return Verdict.goTo(statements.chainName());
      default:
        throw c.unexpected(t, StatementParser.VERDICTS, null);
    }
  }

  /**
   * Splits {@code 25:accept} or {@code ::1:accept} (a mapping written without spaces) so that the
   * key and the {@code :} are tokens of their own.
   */
  private void splitMapping(DataType keyType, int parts) {
    Token t = c.peek();
    if (!t.isWord() || t.text().indexOf(':') < 0 || t.is(":")) {
      return;
    }
    String s = t.text();
    boolean colonInValue = keyType.base == DataType.Base.IPV6 || keyType.base == DataType.Base.ETHER
        || keyType.base == DataType.Base.CLASSID || keyType.base == DataType.Base.ANY;
    if (!colonInValue || parts > 1) {
      if (parts > 1 && colonInValue) {
        // the last part of a concatenation: only split when the whole word is not a value
        if (isValueOrRange(s, t.offset(), keyType)) {
          return;
        }
      }
      int i = s.indexOf(':');
      if (i > 0) {
        c.split(i);
      }
      return;
    }
    if (isValueOrRange(s, t.offset(), keyType)) {
      return;
    }
    for (int i = s.length() - 1; i > 0; i--) {
      if (s.charAt(i) == ':' && isValueOrRange(s.substring(0, i), t.offset(), keyType)) {
        c.split(i);
        return;
      }
    }
  }

  private boolean isValueOrRange(String s, int offset, DataType type) {
    if (values.tryValue(s, offset, type) != null) {
      return true;
    }
    int slash = s.lastIndexOf('/');
    if (slash > 0 && values.tryValue(s.substring(0, slash), offset, type) != null
        && ValueParser.isDigits(s.substring(slash + 1))) {
      return true;
    }
    for (int dash = s.indexOf('-', 1); dash > 0; dash = s.indexOf('-', dash + 1)) {
      if (values.tryValue(s.substring(0, dash), offset, type) != null
          && values.tryValue(s.substring(dash + 1), offset, type) != null) {
        return true;
      }
    }
    return false;
  }

  /** The map of {@code key map { … }} or {@code key map @m}; {@code dataTypes} are the values' types. */
  Expression mapData(Expression key, List<DataType> dataTypes, Token mapToken) {
    Token t = c.peek();
    if (t.kind() == Token.Kind.AT) {
      return setReference();
    }
    if (t.kind() != Token.Kind.LBRACE) {
      throw c.unexpected(t, List.of("{", "@"), "a map is { key : value, … } or @name");
    }
    List<DataType> data = dataTypes.isEmpty() ? List.of(DataType.ANY) : dataTypes;
    return set(typesOf(key), data, false);
  }
}

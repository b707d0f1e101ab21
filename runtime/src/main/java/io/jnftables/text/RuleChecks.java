package io.jnftables.text;

import io.jnftables.annotations.Family;
import io.jnftables.model.expr.BinaryExpr;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.CtExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.MapExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.SetReference;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.ObjectRef;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The statements of one rule: matches, verdicts, counters, logging, limits, NAT, mangling, set
 * updates and the other actions of {@code man nft}, with the checks nft makes on the rule text
 * before any kernel sees it — protocols the table family cannot see, protocols that contradict
 * each other within the rule, values out of range, statements after a terminal one, references
 * to sets and objects the table does not declare (when a {@link Schema} says what it declares).
 */

/**
 * What nft checks on a rule's text before any kernel sees it, and the protocol context those
 * checks need: headers the table family cannot see, protocols that contradict each other within
 * the rule (the network and transport protocol earlier matches limit it to), values NAT needs,
 * map keys of no fixed type, references to sets and objects the table's {@link Schema} lacks,
 * overlapping intervals. Also drops the one redundant dependency nft lists without.
 */
final class RuleChecks {
  private final Cursor c;
  private final Family family;
  private final Schema schema;
  private final ExpressionParser expr;

  /** The network protocol an earlier match limits the rule to ({@code ip}, {@code ip6}, {@code arp}) and where. */
  private @Nullable String l3;
  private @Nullable Token l3Token;

  /** Likewise the transport protocol, by nft's name; {@code "*"} when a set of several allows more than one. */
  private @Nullable String l4;
  private @Nullable Token l4Token;

  /** An {@code ether type} other than vlan, which a vlan header then contradicts. */
  private @Nullable Token etherTypeToken;

  RuleChecks(Cursor c, Family family, Schema schema, ExpressionParser expr) {
    this.c = c;
    this.family = family;
    this.schema = schema;
    this.expr = expr;
  }

  /** Forgets what the previous rule matched. */
  void reset() {
    l3 = null;
    l3Token = null;
    l4 = null;
    l4Token = null;
    etherTypeToken = null;
  }

  @Nullable String l3() {
    return l3;
  }

  @Nullable Token l3Token() {
    return l3Token;
  }

  @Nullable String l4() {
    return l4;
  }

  @Nullable Token l4Token() {
    return l4Token;
  }

  /**
   * Drops {@code ether type vlan} when a vlan header match follows: nft adds that dependency itself
   * and lists the rule without it.
   */
  static List<Statement> withoutRedundantDependencies(List<Statement> in) {
    List<Statement> out = null;
    for (int i = 0; i < in.size(); i++) {
      if (in.get(i) instanceof Match m && m.op() == Operator.EQ && m.left() instanceof PayloadExpr p
          && p.protocol().equals("ether") && p.field().equals("type") && m.right() instanceof StringLiteral v
          && (v.value().equals("vlan") || v.value().equals("8021q")) && vlanFollows(in, i + 1)) {
        if (out == null) {
          out = new ArrayList<>(in.subList(0, i));
        }
        continue;
      }
      if (out != null) {
        out.add(in.get(i));
      }
    }
    return out == null ? in : out;
  }

  static boolean vlanFollows(List<Statement> in, int from) {
    for (int i = from; i < in.size(); i++) {
      if (in.get(i) instanceof Match m && m.left() instanceof PayloadExpr p && p.protocol().equals("vlan")) {
        return true;
      }
    }
    return false;
  }

  int column(Token t) {
    int nl = c.input.lastIndexOf('\n', t.offset() - 1);
    return t.offset() - nl;
  }

  void checkObject(Token t, String name, ObjectRef.Type type) {
    if (!schema.strict()) {
      return;
    }
    String kind = schema.object(name);
    String wanted = type.json();
    if (kind == null) {
      throw c.invalid(t, "no " + wanted + " object named \"" + name + "\" in the table", null);
    }
    if (!kind.equals(wanted)) {
      throw c.invalid(t, "\"" + name + "\" is a " + kind + ", not a " + wanted, null);
    }
  }

  /** The network protocol of the rule: the table's (ip, ip6) or an earlier match's, else null. */
  @Nullable String network() {
    return inferredFamily();
  }

  String tableArticle() {
    return article(family);
  }

  /** The family an earlier ip/ip6 match gives the rule, or the table's. */
  @Nullable String inferredFamily() {
    if (family == Family.IP) {
      return "ip";
    }
    if (family == Family.IP6) {
      return "ip6";
    }
    return l3 != null && (l3.equals("ip") || l3.equals("ip6")) ? l3 : null;
  }

  void checkNatFamily(Token t, String fam) {
    if (family == Family.IP && fam.equals("ip6") || family == Family.IP6 && fam.equals("ip")) {
      throw notInFamily(t, fam, "the table's family is " + family.nftName());
    }
    if (l3 != null && (l3.equals("ip") || l3.equals("ip6")) && !l3.equals(fam)) {
      throw conflict(t, fam, null, l3, l3Token);
    }
  }

  void checkNatMapFamily(Expression address, @Nullable String fam, Token start) {
    if (fam == null || !(address instanceof MapExpr m)) {
      return;
    }
    for (Expression part : flattenConcat(m.key())) {
      if (part instanceof PayloadExpr p && (p.protocol().equals("ip") || p.protocol().equals("ip6"))
          && !p.protocol().equals(fam)) {
        throw c.invalid(start, "\"" + p.protocol() + " " + p.field() + "\" conflicts with " + fam,
            "the translation is for " + fam + " packets");
      }
    }
  }

  static List<Expression> flattenConcat(Expression e) {
    return e instanceof ConcatExpr c ? c.elements() : List.of(e);
  }

  void checkAddressFamily(Token t, @Nullable String addressFamily, @Nullable String fam) {
    if (addressFamily == null) {
      return;
    }
    if (fam != null && !fam.equals(addressFamily)) {
      throw c.invalid(t, "invalid " + (fam.equals("ip") ? "IPv4" : "IPv6") + " address " + t.describe(),
          "the translation is for " + fam + " packets");
    }
    if (family == Family.IP && addressFamily.equals("ip6") || family == Family.IP6 && addressFamily.equals("ip")) {
      throw c.invalid(t, "invalid " + (family == Family.IP ? "IPv4" : "IPv6") + " address " + t.describe(),
          "the table's family is " + family.nftName());
    }
  }

  /** Protocols the table family cannot see; selectors that need a family or a context. */
  void checkSelector(Expression left, Token start) {
    for (Expression e : flattenConcat(left instanceof BinaryExpr b ? b.left() : left)) {
      checkOne(e, start, left instanceof ConcatExpr);
    }
    if (left instanceof MapExpr m) {
      checkMapKeyTypes(m.key(), start);
    }
  }

  void checkOne(Expression e, Token start, boolean inConcat) {
    if (e instanceof PayloadExpr p) {
      String proto = p.protocol();
      if (family == Family.ARP && !proto.equals("arp") && !proto.equals("ether") && !proto.equals("vlan")) {
        throw notInFamily(start, proto, "arp tables see ARP packets only");
      }
      if (proto.equals("ip") && family == Family.IP6) {
        throw notInFamily(start, proto, "an ip6 table sees IPv6 packets only; use ip6, or an inet table for both");
      }
      if (proto.equals("ip6") && family == Family.IP) {
        throw notInFamily(start, proto, "an ip table sees IPv4 packets only; use ip, or an inet table for both");
      }
      if (proto.equals("vlan") && etherTypeToken != null) {
        throw c.invalid(start, "\"vlan\" conflicts with " + etherTypeToken.text() + " ether type",
            "the rule already matches an ether type other than vlan");
      }
    } else if (e instanceof MetaExpr m) {
      if ((m.key().equals("ibrname") || m.key().equals("obrname") || m.key().equals("ibrvproto")
          || m.key().equals("ibrpvid")) && family != Family.BRIDGE) {
        throw notInFamily(start, "meta " + m.key(), "bridge metadata exists in bridge tables only");
      }
    } else if (e instanceof CtExpr ct) {
      if (family == Family.ARP || family == Family.NETDEV) {
        throw notInFamily(start, "ct", "conntrack is not available to " + family.nftName() + " tables");
      }
      if (inConcat && (ct.key().equals("saddr") || ct.key().equals("daddr"))) {
        throw c.invalid(start, "\"ct " + ct.dir() + " " + ct.key() + "\" has no fixed type here",
            "write ct " + ct.dir() + " ip " + ct.key() + " or ct " + ct.dir() + " ip6 " + ct.key());
      }
    } else if (e instanceof io.jnftables.model.expr.RtExpr rt) {
      if (rt.family() != null && (family == Family.IP && rt.family().equals("ip6")
          || family == Family.IP6 && rt.family().equals("ip"))) {
        throw notInFamily(start, "rt " + rt.family(), "the table's family is " + family.nftName());
      }
    }
  }

  /** Map keys and concatenations need types of a fixed size. */
  void checkMapKeyTypes(Expression key, Token start) {
    for (Expression e : flattenConcat(key)) {
      if (e instanceof CtExpr ct && (ct.key().equals("saddr") || ct.key().equals("daddr"))) {
        throw c.invalid(start, "\"ct " + ct.dir() + " " + ct.key() + "\" has no fixed type here",
            "write ct " + ct.dir() + " ip " + ct.key() + " or ct " + ct.dir() + " ip6 " + ct.key());
      }
    }
  }

  /** A referenced set must exist and hold values of the left side's type. */
  void checkSetReference(Expression right, Expression left, boolean verdictMap) {
    if (!(right instanceof SetReference ref) || !schema.strict()) {
      return;
    }
    Schema.SetInfo info = schema.set(ref.name());
    if (info == null) {
      throw c.invalid(c.peek(-1), "no set or map named \"" + ref.name() + "\" in the table", null);
    }
    List<DataType> want = expr.typesOf(left);
    if (want.size() != info.keyTypes().size()) {
      throw c.invalid(c.peek(-1), "@" + ref.name() + " holds " + String.join(" . ", info.keyTypes())
          + ", not " + describe(want), null);
    }
    for (int i = 0; i < want.size(); i++) {
      DataType w = want.get(i);
      DataType have = DataType.BY_NAME.get(info.keyTypes().get(i));
      if (w != DataType.ANY && have != null && w.base != have.base && !(w.base == DataType.Base.INTEGER
          && have.base == DataType.Base.INTEGER)) {
        throw c.invalid(c.peek(-1), "@" + ref.name() + " holds " + String.join(" . ", info.keyTypes())
            + ", not " + describe(want), null);
      }
    }
  }

  static String describe(List<DataType> types) {
    List<String> names = new ArrayList<>();
    for (DataType t : types) {
      names.add(t.name);
    }
    return String.join(" . ", names);
  }

  /** Intervals of an anonymous set or map must not overlap (nft refuses {@code { 1-5 : a, 3-9 : b }}). */
  void checkIntervals(Expression right, Expression left) {
    if (!(right instanceof SetExpr s)) {
      return;
    }
    List<byte[][]> seen = new ArrayList<>();
    for (Expression e : s.elements()) {
      Expression k = e instanceof io.jnftables.model.expr.MappingExpr m ? m.key() : e;
      byte[][] r = bounds(k);
      if (r == null) {
        continue;
      }
      for (byte[][] o : seen) {
        if (o[0].length == r[0].length && Addresses.compare(r[0], o[1]) <= 0 && Addresses.compare(o[0], r[1]) <= 0
            && (k instanceof RangeExpr)) {
          throw c.invalid(c.peek(-1), "overlapping intervals in the set", "each value may be in one interval only");
        }
      }
      seen.add(r);
    }
  }

  static byte[] @Nullable [] bounds(Expression e) {
    if (e instanceof RangeExpr r && r.low() instanceof StringLiteral a && r.high() instanceof StringLiteral b) {
      byte[] x = Addresses.tryParse(a.value());
      byte[] y = Addresses.tryParse(b.value());
      if (x != null && y != null) {
        return new byte[][] {x, y};
      }
    }
    if (e instanceof StringLiteral s) {
      byte[] x = Addresses.tryParse(s.value());
      if (x != null) {
        return new byte[][] {x, x};
      }
    }
    return null;
  }

  /** Remembers what a match tells about the packet's protocols, refusing contradictions. */
  void record(Match m, Token start) {
    Expression left = m.left();
    boolean equal = m.op() == Operator.EQ || m.op() == Operator.IN;
    if (left instanceof PayloadExpr p) {
      String proto = p.protocol();
      if (proto.equals("ip") || proto.equals("ip6") || proto.equals("arp")) {
        setL3(proto, start);
      } else if (Selectors.TRANSPORT.contains(proto) && !proto.equals("th")) {
        setL4(proto, start);
      }
      if (equal && (proto.equals("ip") && p.field().equals("protocol") || proto.equals("ip6")
          && p.field().equals("nexthdr"))) {
        l4FromValue(m.right(), start);
      }
      if (equal && proto.equals("ether") && p.field().equals("type")) {
        l3FromEtherType(m.right(), start);
      }
    } else if (left instanceof MetaExpr meta && equal) {
      switch (meta.key()) {
        case "l4proto":
          l4FromValue(m.right(), start);
          break;
        case "nfproto":
          if (m.right() instanceof StringLiteral s) {
            setL3(s.value().equals("ipv4") ? "ip" : s.value().equals("ipv6") ? "ip6" : s.value(), start);
          }
          break;
        case "protocol":
          l3FromEtherType(m.right(), start);
          break;
        default:
          break;
      }
    } else if (left instanceof CtExpr ct && ct.key().indexOf(' ') > 0) {
      setL3(ct.key().substring(0, ct.key().indexOf(' ')), start);
    }
  }

  void l3FromEtherType(Expression value, Token start) {
    if (value instanceof StringLiteral s) {
      switch (s.value()) {
        case "ip":
        case "ip6":
        case "arp":
          setL3(s.value(), start);
          etherTypeToken = start;
          break;
        case "vlan":
        case "8021q":
        case "8021ad":
          break;
        default:
          etherTypeToken = start;
      }
    } else if (value instanceof NumberLiteral n) {
      long v = n.value();
      if (v == 0x0800) {
        setL3("ip", start);
      } else if (v == 0x86dd) {
        setL3("ip6", start);
      } else if (v == 0x0806) {
        setL3("arp", start);
      }
      if (v != 0x8100 && v != 0x88a8) {
        etherTypeToken = start;
      }
    }
  }

  void l4FromValue(Expression value, Token start) {
    String name = null;
    if (value instanceof StringLiteral s) {
      Long n = DataType.INET_PROTO.symbols.get(s.value());
      name = n == null ? s.value() : DataType.INET_PROTO.symbolOf(n);
    } else if (value instanceof NumberLiteral n) {
      String sym = DataType.INET_PROTO.symbolOf(n.value());
      name = sym == null ? "protocol " + n.value() : sym;
    } else if (value instanceof SetExpr) {
      name = "*";
    }
    if (name == null) {
      return;
    }
    if (name.equals("ipv6-icmp")) {
      name = "icmpv6";
    }
    setL4(name, start);
  }

  void setL3(String proto, Token t) {
    if (l3 != null && !l3.equals(proto)) {
      throw conflict(t, proto, null, l3, l3Token);
    }
    if (l3 == null) {
      l3 = proto;
      l3Token = t;
    }
  }

  void setL4(String proto, Token t) {
    if (l4 != null && !l4.equals(proto) && !proto.equals("*")) {
      throw conflict(t, proto, null, l4.equals("*") ? "a set of protocols" : l4, l4Token);
    }
    if (l4 == null || l4.equals("*")) {
      if (!(l4 != null && proto.equals("*"))) {
        l4 = proto;
        l4Token = t;
      }
    }
  }

  /** {@code what} at {@code t} contradicts the protocol an earlier match limited the rule to. */
  NftSyntaxException conflict(
      Token t, String what, @Nullable String why, String earlier, @Nullable Token earlierToken) {
    String where = earlierToken == null ? "" : " (\"" + earlierToken.text() + "\" at column " + column(earlierToken) + ")";
    return NftSyntaxException.atOffset(
        c.input, t.offset(), t.text(), "\"" + what + "\" conflicts with " + earlier, List.of(),
        (why != null ? why + "; " : "") + "the rule already matches " + earlier + " packets only" + where, null);
  }

  NftSyntaxException notInFamily(Token t, String what, String why) {
    return NftSyntaxException.atOffset(
        c.input, t.offset(), t.text(), "\"" + what + "\" cannot be used in " + article(family) + " table",
        List.of(), why, null);
  }

  static String article(Family family) {
    return ("aeiou".indexOf(family.nftName().charAt(0)) >= 0 ? "an " : "a ") + family.nftName();
  }
}

package io.jnftables.dsl;

import io.jnftables.annotations.Family;
import io.jnftables.model.expr.BinaryExpr;
import io.jnftables.model.expr.BinaryOperator;
import io.jnftables.model.expr.BooleanLiteral;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.RtExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.SetReference;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.expr.TcpOptionExpr;
import io.jnftables.model.expr.VerdictExpr;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.CtCount;
import io.jnftables.model.stmt.Dup;
import io.jnftables.model.stmt.FlowOffload;
import io.jnftables.model.stmt.Fwd;
import io.jnftables.model.stmt.Limit;
import io.jnftables.model.stmt.Log;
import io.jnftables.model.stmt.Mangle;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Meter;
import io.jnftables.model.stmt.Nat;
import io.jnftables.model.stmt.Notrack;
import io.jnftables.model.stmt.ObjectRef;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.Queue;
import io.jnftables.model.stmt.Quota;
import io.jnftables.model.stmt.SetUpdate;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Synproxy;
import io.jnftables.model.stmt.Tproxy;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.model.stmt.VerdictMap;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.IpAddress;
import io.jnftables.validate.UnsupportedFeatureException;
import io.jnftables.validate.Validate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * An open rule: matches and statements so far, no verdict yet. Immutable; every method returns a
 * new expression. Method names are nft's keywords in Java case; a verdict ({@link #accept()},
 * {@link #drop()}, {@link #jump(String)}, NAT…) returns a {@link TerminalExpr}, after which
 * nothing can be chained.
 *
 * <p>Header selectors ({@link #ip()}, {@link #tcp()}, …) set the header the following field
 * methods ({@link #saddr(String)}, {@link #dport(int)}, …) read. Alone, a selector matches the
 * protocol: {@code tcp()} is {@code meta l4proto tcp}, which matches TCP over IPv4 and IPv6 in
 * every family. Followed by a field of its header, the selector is left out, since nft adds the
 * right dependency itself ({@code tcp().dport(22)} is {@code tcp dport 22}, as nft lists it).
 *
 * <pre>{@code
 * import static io.jnftables.dsl.Expr.*;
 *
 * TerminalExpr ssh = tcp().dport(22).ctState(CtState.NEW).limit(10, Per.MINUTE).counter().accept();
 * Rule rule = ssh.toRule(Family.INET, "filter", "input");
 * }</pre>
 */
public final class RuleExpr implements RuleBody {
  /** One step: a statement, a protocol selector resolved when the rule is built, or a family-dependent statement. */
  record Item(
      String text,
      @Nullable Statement fixed,
      @Nullable String selector,
      @Nullable Function<Family, Statement> deferred) {}

  static final RuleExpr EMPTY = new RuleExpr(List.of(), null, false, Family.INET, null);

  private final List<Item> items;
  private final @Nullable String header;
  private final boolean l4;
  private final Family family;
  private final @Nullable String comment;

  private RuleExpr(List<Item> items, @Nullable String header, boolean l4, Family family, @Nullable String comment) {
    this.items = items;
    this.header = header;
    this.l4 = l4;
    this.family = family;
    this.comment = comment;
  }

  private RuleExpr with(Item item, @Nullable String header, boolean l4) {
    List<Item> next = new ArrayList<>(items.size() + 1);
    next.addAll(items);
    next.add(item);
    return new RuleExpr(List.copyOf(next), header, l4, family, comment);
  }

  private RuleExpr add(Statement s, String text) {
    return with(new Item(text, s, null, null), header, l4);
  }

  private TerminalExpr end(Statement s, String text) {
    return new TerminalExpr(add(s, text));
  }

  private TerminalExpr endDeferred(Function<Family, Statement> s, String text) {
    return new TerminalExpr(with(new Item(text, null, null, s), header, l4));
  }

  // ================================================================================ building

  /** The family the statements are built for when none is given (default inet). */
  public RuleExpr family(Family family) {
    return new RuleExpr(items, header, l4, Objects.requireNonNull(family), comment);
  }

  /** The rule's comment (at most 127 bytes). */
  public RuleExpr comment(String comment) {
    return new RuleExpr(items, header, l4, family, Validate.comment(comment));
  }

  @Override
  public @Nullable String comment() {
    return comment;
  }

  Family defaultFamily() {
    return family;
  }

  /** Applies {@code f} to this expression: reusable fragments, like the seed's piped helpers. */
  public RuleExpr pipe(UnaryOperator<RuleExpr> f) {
    return Objects.requireNonNull(f.apply(this), "the function returned null");
  }

  /** This expression followed by the steps of {@code fragment} (an open expression). */
  public RuleExpr append(RuleExpr fragment) {
    List<Item> next = new ArrayList<>(items);
    next.addAll(fragment.items);
    return new RuleExpr(
        List.copyOf(next), fragment.header != null ? fragment.header : header, l4 || fragment.l4, family,
        comment != null ? comment : fragment.comment);
  }

  /** This expression followed by {@code ending}: a fragment that ends in a verdict. */
  public TerminalExpr append(TerminalExpr ending) {
    return new TerminalExpr(append(ending.body()));
  }

  List<Item> items() {
    return items;
  }

  @Override
  public List<Statement> statements() {
    return statements(family);
  }

  @Override
  public List<Statement> statements(Family family) {
    List<Statement> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (it.selector() != null) {
        if (!usedLater(it.selector(), i)) {
          Statement s = selectorMatch(it.selector(), family);
          if (s != null) {
            out.add(s);
          }
        }
      } else if (it.fixed() != null) {
        out.add(it.fixed());
      } else {
        out.add(Objects.requireNonNull(it.deferred()).apply(family));
      }
    }
    return List.copyOf(out);
  }

  private boolean usedLater(String protocol, int index) {
    for (int j = index + 1; j < items.size(); j++) {
      Statement s = items.get(j).fixed();
      if (s instanceof Match m && readsHeader(m.left(), protocol)) {
        return true;
      }
      if (s instanceof Mangle m && readsHeader(m.key(), protocol)) {
        return true;
      }
    }
    return false;
  }

  private static boolean readsHeader(Expression e, String protocol) {
    if (e instanceof PayloadExpr p) {
      return p.protocol().equals(protocol);
    }
    if (e instanceof BinaryExpr b) {
      return readsHeader(b.left(), protocol);
    }
    if (e instanceof ConcatExpr c) {
      return c.elements().stream().anyMatch(x -> readsHeader(x, protocol));
    }
    return false;
  }

  private static @Nullable Statement selectorMatch(String protocol, Family family) {
    String l4 = Headers.L4.get(protocol);
    if (l4 != null) {
      return Match.eq(new MetaExpr("l4proto"), new StringLiteral(l4));
    }
    boolean l3 = family == Family.INET || family == Family.IP || family == Family.IP6;
    switch (protocol) {
      case "ip":
        return l3 ? Match.eq(new MetaExpr("nfproto"), new StringLiteral("ipv4"))
            : Match.eq(new MetaExpr("protocol"), new StringLiteral("ip"));
      case "ip6":
        return l3 ? Match.eq(new MetaExpr("nfproto"), new StringLiteral("ipv6"))
            : Match.eq(new MetaExpr("protocol"), new StringLiteral("ip6"));
      default:
        return null;
    }
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (it.selector() != null && usedLater(it.selector(), i)) {
        continue;
      }
      if (!it.text().isEmpty()) {
        parts.add(it.text());
      }
    }
    String s = String.join(" ", parts);
    return comment == null ? s : s + " comment \"" + comment + "\"";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleExpr r && r.statements().equals(statements()) && Objects.equals(r.comment, comment);
  }

  @Override
  public int hashCode() {
    return statements().hashCode();
  }

  // ================================================================================ headers

  private RuleExpr select(String protocol, boolean isL4) {
    String text;
    String l4name = Headers.L4.get(protocol);
    if (l4name != null) {
      text = "meta l4proto " + l4name;
    } else if (protocol.equals("ip") || protocol.equals("ip6")) {
      text = "meta nfproto " + (protocol.equals("ip") ? "ipv4" : "ipv6");
    } else {
      text = "";
    }
    return with(new Item(text, null, protocol, null), protocol, l4 || isL4);
  }

  /** IPv4 header context; alone, {@code meta nfproto ipv4}. */
  public RuleExpr ip() {
    return select("ip", false);
  }

  /** IPv6 header context; alone, {@code meta nfproto ipv6}. */
  public RuleExpr ip6() {
    return select("ip6", false);
  }

  /** TCP header context; alone, {@code meta l4proto tcp} (IPv4 and IPv6 in inet tables). */
  public RuleExpr tcp() {
    return select("tcp", true);
  }

  public RuleExpr udp() {
    return select("udp", true);
  }

  public RuleExpr udplite() {
    return select("udplite", true);
  }

  public RuleExpr sctp() {
    return select("sctp", true);
  }

  public RuleExpr dccp() {
    return select("dccp", true);
  }

  public RuleExpr icmp() {
    return select("icmp", true);
  }

  /** ICMPv6 header context; alone, {@code meta l4proto ipv6-icmp}. */
  public RuleExpr icmpv6() {
    return select("icmpv6", true);
  }

  public RuleExpr igmp() {
    return select("igmp", true);
  }

  public RuleExpr ah() {
    return select("ah", true);
  }

  public RuleExpr esp() {
    return select("esp", true);
  }

  public RuleExpr comp() {
    return select("comp", true);
  }

  /**
   * GRE packets: {@code meta l4proto gre}. nft 1.0.6 has no GRE header fields, so field methods
   * after it ({@link #greVersion}, …) throw {@link UnsupportedFeatureException}.
   */
  public RuleExpr gre() {
    return select("gre", true);
  }

  /** Ethernet header context (bridge, netdev, and inet/ip input paths). */
  public RuleExpr ether() {
    return select("ether", false);
  }

  /** 802.1Q header context. */
  public RuleExpr vlan() {
    return select("vlan", false);
  }

  /** ARP header context (arp tables). */
  public RuleExpr arp() {
    return select("arp", false);
  }

  /** The transport header, whatever the protocol: {@code th dport 53} after {@code l4proto(oneOf("tcp","udp"))}. */
  public RuleExpr th() {
    return select("th", false);
  }

  /**
   * The seed's {@code protocol(:tcp)}: {@code meta l4proto NAME} (IPv4 and IPv6), and the header
   * context for the following fields if it is one nft knows.
   */
  public RuleExpr protocol(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    String key = n.equals("ipv6-icmp") ? "icmpv6" : n;
    if (Headers.L4.containsKey(key)) {
      return select(key, true);
    }
    Expression v = ValueType.INET_PROTO.value(n, "meta l4proto");
    return with(new Item("meta l4proto " + n, Match.eq(new MetaExpr("l4proto"), v), null, null), null, true);
  }

  // ================================================================================ generic matches

  private RuleExpr match(Key key, Operand operand, boolean setsL4) {
    Operator op = operand.op(key.type());
    Expression right = operand.expression(key.type(), key.toString());
    String text = key + " " + (op == Operator.EQ || op == Operator.IN ? "" : op.json() + " ") + Text.expr(right, quoteStrings(key));
    return with(new Item(text, new Match(op, key.expression(), right), null, null), header, l4 || setsL4);
  }

  private static boolean quoteStrings(Key key) {
    ValueType t = key.type();
    return t == ValueType.STRING || t == ValueType.IFNAME;
  }

  private static Operand op(Object value) {
    return value instanceof Operand o ? o : Operand.value(value);
  }

  /** {@code KEY VALUE}: any key, any operand ({@code match(Key.fib(TYPE, DADDR), "local")}). */
  public RuleExpr match(Key key, Object value) {
    return match(key, op(value), false);
  }

  /** {@code KEY exists}: a TCP/IP option, an extension header, a fib result. */
  public RuleExpr exists(Key key) {
    return matchBool(key, true);
  }

  /** {@code KEY missing}. */
  public RuleExpr missing(Key key) {
    return matchBool(key, false);
  }

  private RuleExpr matchBool(Key key, boolean value) {
    Expression e = key.expression();
    String text = key + " " + (value ? "exists" : "missing");
    return with(new Item(text, Match.eq(e, BooleanLiteral.of(value)), null, null), header, l4);
  }

  /** The current header's field: {@code tcp().field("window", gt(1000))}. */
  public RuleExpr field(String name, Object value) {
    return match(Key.payload(need("field " + name), name), op(value), false);
  }

  /** Any header field, whatever the context: {@code payload("udp", "length", 20)}. */
  public RuleExpr payload(String protocol, String field, Object value) {
    return match(Key.payload(protocol, field), op(value), false);
  }

  /** {@code meta KEY VALUE}. */
  public RuleExpr meta(String key, Object value) {
    return match(Key.meta(key), op(value), key.equals("l4proto"));
  }

  /** {@code ct KEY VALUE}. */
  public RuleExpr ct(String key, Object value) {
    return match(Key.ct(key), op(value), false);
  }

  /** {@code ct original|reply KEY VALUE}. */
  public RuleExpr ct(CtDirection dir, String key, Object value) {
    if ((key.equals("proto-src") || key.equals("proto-dst")) && !l4) {
      throw new IllegalStateException(
          "ct " + dir.nft() + " " + key + " needs a transport protocol match first (nft 1.0.6: \"Can't parse symbolic"
              + " invalid expressions\"): call tcp(), udp() or l4proto(...) before it");
    }
    return match(Key.ct(dir, key), op(value), false);
  }

  private String need(String what) {
    if (header == null) {
      throw new IllegalStateException(
          what + " needs a header first: call ip(), ip6(), tcp(), udp(), … before it");
    }
    return header;
  }

  private RuleExpr headerField(String field, Object value, String... allowed) {
    String h = need(field);
    if (allowed.length > 0 && !Arrays.asList(allowed).contains(h)) {
      throw new IllegalStateException(
          field + " is not a field of " + h + "; it belongs to " + String.join(", ", allowed)
              + (field.endsWith("port") ? " (call tcp(), udp(), sctp(), dccp() or th() first)" : ""));
    }
    return match(Key.payload(h, field), op(value), false);
  }

  // ================================================================================ IP

  /** Source address of the current header (ip, ip6, ether, arp): {@code ip().saddr("10.0.0.0/8")}. */
  public RuleExpr saddr(String address) {
    return saddr((Object) address);
  }

  public RuleExpr saddr(Operand operand) {
    return saddr((Object) operand);
  }

  private RuleExpr saddr(Object v) {
    return header != null && header.equals("arp") ? match(Key.payload("arp", "saddr ip"), op(v), false)
        : headerField("saddr", v, "ip", "ip6", "ether");
  }

  public RuleExpr daddr(String address) {
    return daddr((Object) address);
  }

  public RuleExpr daddr(Operand operand) {
    return daddr((Object) operand);
  }

  private RuleExpr daddr(Object v) {
    return header != null && header.equals("arp") ? match(Key.payload("arp", "daddr ip"), op(v), false)
        : headerField("daddr", v, "ip", "ip6", "ether");
  }

  /**
   * The seed's {@code source_ip}: {@code ip saddr} or {@code ip6 saddr}, chosen by the address
   * text (an IPv6 address contains ':'); a prefix ({@code "10.0.0.0/8"}) or a range
   * ({@code "10.0.0.1-10.0.0.9"}) is allowed. Unlike the seed, text of 4 or 16 characters is
   * never read as raw bytes.
   */
  public RuleExpr sourceIp(String address) {
    return match(Key.payload(Validate.looksIpv6(address) ? "ip6" : "ip", "saddr"), Operand.value(address), false);
  }

  public RuleExpr destIp(String address) {
    return match(Key.payload(Validate.looksIpv6(address) ? "ip6" : "ip", "daddr"), Operand.value(address), false);
  }

  /** Alias of {@link #sourceIp(String)}. */
  public RuleExpr source(String address) {
    return sourceIp(address);
  }

  /** Alias of {@link #destIp(String)}. */
  public RuleExpr dest(String address) {
    return destIp(address);
  }

  /** {@code ip ttl}. */
  public RuleExpr ttl(int ttl) {
    return ttl((Object) ttl);
  }

  /** {@code ip ttl < 64} as {@code ttl(lt(64))}. */
  public RuleExpr ttl(Operand operand) {
    return ttl((Object) operand);
  }

  private RuleExpr ttl(Object v) {
    return match(Key.payload("ip", "ttl"), op(v), false);
  }

  /** {@code ip6 hoplimit}. */
  public RuleExpr hoplimit(int hoplimit) {
    return match(Key.payload("ip6", "hoplimit"), Operand.value(hoplimit), false);
  }

  public RuleExpr hoplimit(Operand operand) {
    return match(Key.payload("ip6", "hoplimit"), operand, false);
  }

  /** {@code ip dscp} (or {@code ip6 dscp} in an ip6 context): 0..63. */
  public RuleExpr dscp(int dscp) {
    return match(Key.payload(l3Header(), "dscp"), Operand.value(Validate.dscp(dscp)), false);
  }

  public RuleExpr dscp(Dscp dscp) {
    return match(Key.payload(l3Header(), "dscp"), Operand.value(dscp), false);
  }

  public RuleExpr dscp(Operand operand) {
    return match(Key.payload(l3Header(), "dscp"), operand, false);
  }

  private String l3Header() {
    return "ip6".equals(header) ? "ip6" : "ip";
  }

  /** The seed's {@code fragmented(true)}: {@code ip frag-off & 0x1fff != 0}; false: {@code == 0}. */
  public RuleExpr fragmented(boolean fragmented) {
    Key k = Key.payload("ip", "frag-off").and(0x1fff);
    Operator o = fragmented ? Operator.NE : Operator.EQ;
    return with(
        new Item("ip frag-off & 0x1fff " + (fragmented ? "!= " : "") + "0", new Match(o, k.expression(), new NumberLiteral(0)), null, null),
        header, l4);
  }

  /** {@code ip protocol}: the IPv4 header's protocol field (prefer {@link #protocol(String)}). */
  public RuleExpr ipProtocol(Object value) {
    return match(Key.payload("ip", "protocol"), op(value), false);
  }

  /** {@code ip6 nexthdr}. */
  public RuleExpr nexthdr(Object value) {
    return match(Key.payload(header != null && (header.equals("ah") || header.equals("comp")) ? header : "ip6", "nexthdr"), op(value), false);
  }

  /** {@code ip6 flowlabel}. */
  public RuleExpr flowlabel(Object value) {
    return match(Key.payload("ip6", "flowlabel"), op(value), false);
  }

  // ================================================================================ ports

  /** Destination port of the current transport header: {@code tcp().dport(22)}. */
  public RuleExpr dport(int port) {
    return headerField("dport", Validate.port(port), "tcp", "udp", "udplite", "sctp", "dccp", "th");
  }

  /** {@code tcp().dport(range(8000, 9000))}, {@code dport(oneOf(80, 443))}, {@code dport(ref("web"))}. */
  public RuleExpr dport(Operand operand) {
    return headerField("dport", operand, "tcp", "udp", "udplite", "sctp", "dccp", "th");
  }

  public RuleExpr sport(int port) {
    return headerField("sport", Validate.port(port), "tcp", "udp", "udplite", "sctp", "dccp", "th");
  }

  public RuleExpr sport(Operand operand) {
    return headerField("sport", operand, "tcp", "udp", "udplite", "sctp", "dccp", "th");
  }

  /** Alias of {@link #dport(int)} (seed). */
  public RuleExpr dstPort(int port) {
    return dport(port);
  }

  public RuleExpr dstPort(Operand operand) {
    return dport(operand);
  }

  /** Alias of {@link #sport(int)} (seed). */
  public RuleExpr srcPort(int port) {
    return sport(port);
  }

  public RuleExpr srcPort(Operand operand) {
    return sport(operand);
  }

  /** Alias of {@link #dport(int)} (seed). */
  public RuleExpr port(int port) {
    return dport(port);
  }

  public RuleExpr port(Operand operand) {
    return dport(operand);
  }

  // ================================================================================ TCP and others

  /** {@code tcp flags syn}: any of these flags set (nft's implicit flag test). */
  public RuleExpr tcpFlags(TcpFlag... flags) {
    return match(Key.payload("tcp", "flags"), Operand.flags(Arrays.asList(flags)), false);
  }

  /** The seed's {@code tcp_flags(flags, mask)}: {@code tcp flags & (mask) == flags}, e.g. SYN without ACK. */
  public RuleExpr tcpFlags(List<TcpFlag> flags, List<TcpFlag> mask) {
    return tcpFlags(flags, mask, false);
  }

  /** {@code tcp flags & (mask) != flags}. */
  public RuleExpr tcpFlagsNot(List<TcpFlag> flags, List<TcpFlag> mask) {
    return tcpFlags(flags, mask, true);
  }

  private RuleExpr tcpFlags(List<TcpFlag> flags, List<TcpFlag> mask, boolean not) {
    if (mask.isEmpty()) {
      throw new IllegalArgumentException("tcp flags mask is empty");
    }
    if (!mask.containsAll(flags)) {
      throw new IllegalArgumentException("tcp flags " + flags + " are not all in the mask " + mask + ": the match could never be true");
    }
    Expression m = flagList(mask);
    Expression f = flags.isEmpty() ? new NumberLiteral(0) : flagList(flags);
    Expression left = new BinaryExpr(BinaryOperator.AND, new PayloadExpr("tcp", "flags"), m);
    String text = "tcp flags & (" + names(mask, "|") + ") " + (not ? "!= " : "== ") + (flags.isEmpty() ? "0" : names(flags, "|"));
    return with(new Item(text, new Match(not ? Operator.NE : Operator.EQ, left, f), null, null), header, l4);
  }

  private static Expression flagList(List<? extends NftSymbol> flags) {
    if (flags.size() == 1) {
      return new StringLiteral(flags.get(0).nft());
    }
    List<Expression> out = new ArrayList<>();
    flags.forEach(f -> out.add(new StringLiteral(f.nft())));
    return new ListExpr(out);
  }

  private static String names(List<? extends NftSymbol> flags, String sep) {
    List<String> out = new ArrayList<>();
    flags.forEach(f -> out.add(f.nft()));
    return String.join(sep, out);
  }

  /** {@code icmp type echo-request} (seed {@code icmp_type}). */
  public RuleExpr icmpType(IcmpType type) {
    return match(Key.payload("icmp", "type"), Operand.value(type), false);
  }

  public RuleExpr icmpType(Operand operand) {
    return match(Key.payload("icmp", "type"), operand, false);
  }

  /** {@code icmp code N}. */
  public RuleExpr icmpCode(int code) {
    return match(Key.payload("icmp", "code"), Operand.value(Validate.u8("icmp code", code)), false);
  }

  public RuleExpr icmpv6Type(Icmpv6Type type) {
    return match(Key.payload("icmpv6", "type"), Operand.value(type), false);
  }

  public RuleExpr icmpv6Type(Operand operand) {
    return match(Key.payload("icmpv6", "type"), operand, false);
  }

  public RuleExpr icmpv6Code(int code) {
    return match(Key.payload("icmpv6", "code"), Operand.value(Validate.u8("icmpv6 code", code)), false);
  }

  /** {@code type} of the current header (icmp, icmpv6, dccp, ether, vlan). */
  public RuleExpr type(Object value) {
    return headerField("type", value, "icmp", "icmpv6", "dccp", "ether", "vlan", "igmp");
  }

  /** {@code code} of the current header (icmp, icmpv6). */
  public RuleExpr code(Object value) {
    return headerField("code", value, "icmp", "icmpv6");
  }

  /** {@code ah spi N}; the seed's {@code ah_spi(:any)} is {@code ahSpi(ge(0))}. */
  public RuleExpr ahSpi(long spi) {
    return match(Key.payload("ah", "spi"), Operand.value(spi), false);
  }

  public RuleExpr ahSpi(Operand operand) {
    return match(Key.payload("ah", "spi"), operand, false);
  }

  public RuleExpr espSpi(long spi) {
    return match(Key.payload("esp", "spi"), Operand.value(spi), false);
  }

  public RuleExpr espSpi(Operand operand) {
    return match(Key.payload("esp", "spi"), operand, false);
  }

  /** {@code sctp vtag}. */
  public RuleExpr vtag(long vtag) {
    return match(Key.payload("sctp", "vtag"), Operand.value(vtag), false);
  }

  // GRE: nft 1.0.6 cannot match GRE header fields.

  /** Not supported by nft 1.0.6: always throws {@link UnsupportedFeatureException} saying why. */
  public RuleExpr greVersion(int version) {
    Headers.field("gre", "version");
    throw new AssertionError();
  }

  /** Not supported by nft 1.0.6: always throws {@link UnsupportedFeatureException}. */
  public RuleExpr greKey(long key) {
    Headers.field("gre", "key");
    throw new AssertionError();
  }

  /** Not supported by nft 1.0.6: always throws {@link UnsupportedFeatureException}. */
  public RuleExpr greFlags(int flags) {
    Headers.field("gre", "flags");
    throw new AssertionError();
  }

  // ================================================================================ layer 2

  /** {@code ether saddr}. */
  public RuleExpr sourceMac(String mac) {
    return match(Key.payload("ether", "saddr"), Operand.value(mac), false);
  }

  public RuleExpr destMac(String mac) {
    return match(Key.payload("ether", "daddr"), Operand.value(mac), false);
  }

  /** {@code vlan id} 0..4095. */
  public RuleExpr vlanId(int id) {
    return match(Key.payload("vlan", "id"), Operand.value(id), false);
  }

  public RuleExpr vlanId(Operand operand) {
    return match(Key.payload("vlan", "id"), operand, false);
  }

  /** {@code vlan pcp} 0..7. */
  public RuleExpr vlanPcp(int pcp) {
    return match(Key.payload("vlan", "pcp"), Operand.value(pcp), false);
  }

  /** {@code ether type}. */
  public RuleExpr etherType(String type) {
    return match(Key.payload("ether", "type"), Operand.value(type), false);
  }

  /** {@code arp operation request|reply|…} (arp tables). */
  public RuleExpr arpOperation(ArpOperation operation) {
    return match(Key.payload("arp", "operation"), Operand.value(operation), false);
  }

  public RuleExpr arpOperation(int operation) {
    return match(Key.payload("arp", "operation"), Operand.value(operation), false);
  }

  // ================================================================================ meta

  /** {@code iifname "eth0"}; a trailing {@code *} is a wildcard ({@code "eth*"}). */
  public RuleExpr iifname(String name) {
    return match(Key.meta("iifname"), Operand.value(name), false);
  }

  public RuleExpr iifname(Operand operand) {
    return match(Key.meta("iifname"), operand, false);
  }

  public RuleExpr oifname(String name) {
    return match(Key.meta("oifname"), Operand.value(name), false);
  }

  public RuleExpr oifname(Operand operand) {
    return match(Key.meta("oifname"), operand, false);
  }

  /**
   * {@code iif "lo"}: the input interface by index, resolved when the rule is loaded (the interface
   * must exist). The seed's {@code iif} matched by name: that is {@link #iifname(String)}.
   */
  public RuleExpr iif(String name) {
    return match(Key.meta("iif"), Operand.value(Validate.ifname(name)), false);
  }

  public RuleExpr oif(String name) {
    return match(Key.meta("oif"), Operand.value(Validate.ifname(name)), false);
  }

  /** {@code meta mark N}. */
  public RuleExpr mark(long mark) {
    return match(Key.meta("mark"), Operand.value(Validate.mark(mark)), false);
  }

  public RuleExpr mark(Operand operand) {
    return match(Key.meta("mark"), operand, false);
  }

  /** {@code meta mark & mask == value}. */
  public RuleExpr mark(long mask, long value) {
    Validate.mark(mask);
    return match(Key.meta("mark").and(mask), Operand.value(Validate.mark(value)), false);
  }

  /** {@code meta l4proto}: {@code l4proto(oneOf("tcp", "udp"))}. */
  public RuleExpr l4proto(Object value) {
    return match(Key.meta("l4proto"), op(value), true);
  }

  /** {@code meta nfproto ipv4|ipv6}. */
  public RuleExpr nfproto(String value) {
    return match(Key.meta("nfproto"), Operand.value(value), false);
  }

  /** {@code meta protocol} (the link layer protocol, e.g. {@code ip}, {@code arp}). */
  public RuleExpr metaProtocol(String value) {
    return match(Key.meta("protocol"), Operand.value(value), false);
  }

  public RuleExpr pkttype(PktType type) {
    return match(Key.meta("pkttype"), Operand.value(type), false);
  }

  public RuleExpr pkttype(Operand operand) {
    return match(Key.meta("pkttype"), operand, false);
  }

  /** {@code meta priority "1:2"} (a tc class id, major:minor). */
  public RuleExpr priority(String classid) {
    return match(Key.meta("priority"), Operand.value(classid(classid)), false);
  }

  private static String classid(String classid) {
    if (!classid.matches("(none|root|[0-9a-fA-F]{1,4}:[0-9a-fA-F]{1,4})")) {
      throw new InvalidValueException("meta priority", classid, "a class id major:minor in hex, e.g. \"1:2\", or none/root");
    }
    return classid.toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code meta length}: the packet length; {@code length(gt(1000))}. */
  public RuleExpr length(long length) {
    return match(Key.meta("length"), Operand.value(length), false);
  }

  public RuleExpr length(Operand operand) {
    return match(Key.meta("length"), operand, false);
  }

  /** {@code meta skuid}: the local socket's user (output path). */
  public RuleExpr skuid(long uid) {
    return match(Key.meta("skuid"), Operand.value(uid), false);
  }

  public RuleExpr skgid(long gid) {
    return match(Key.meta("skgid"), Operand.value(gid), false);
  }

  public RuleExpr cgroup(long cgroup) {
    return match(Key.meta("cgroup"), Operand.value(cgroup), false);
  }

  /** {@code meta cpu}. */
  public RuleExpr cpu(long cpu) {
    return match(Key.meta("cpu"), Operand.value(cpu), false);
  }

  /** {@code meta day "Monday"}. */
  public RuleExpr day(String day) {
    return match(Key.meta("day"), Operand.value(day), false);
  }

  /** {@code meta hour "10:00"-"12:00"} as {@code hour(range("10:00", "12:00"))}. */
  public RuleExpr hour(Operand operand) {
    return match(Key.meta("hour"), operand, false);
  }

  // ================================================================================ conntrack

  /** {@code ct state established,related}. */
  public RuleExpr ctState(CtState... states) {
    return match(Key.ct("state"), Operand.flags(Arrays.asList(states)), false);
  }

  /** {@code ct state} with any operand: {@code ctState(oneOf(NEW, UNTRACKED))} is a set lookup. */
  public RuleExpr ctState(Operand operand) {
    return match(Key.ct("state"), operand, false);
  }

  /** Alias of {@link #ctState(CtState...)} (seed). */
  public RuleExpr state(CtState... states) {
    return ctState(states);
  }

  public RuleExpr ctStatus(CtStatus... status) {
    return match(Key.ct("status"), Operand.flags(Arrays.asList(status)), false);
  }

  public RuleExpr ctDirection(CtDirection direction) {
    return match(Key.ct("direction"), Operand.value(direction), false);
  }

  /** {@code ct mark N}. */
  public RuleExpr ctMark(long mark) {
    return match(Key.ct("mark"), Operand.value(Validate.mark(mark)), false);
  }

  public RuleExpr ctMark(Operand operand) {
    return match(Key.ct("mark"), operand, false);
  }

  /** Alias of {@link #ctMark(long)} (seed). */
  public RuleExpr connmark(long mark) {
    return ctMark(mark);
  }

  /** {@code ct label N}: whether label bit N (0..127) is set. */
  public RuleExpr ctLabel(int bit) {
    return match(Key.ct("label"), Operand.value(bit), false);
  }

  public RuleExpr ctZone(int zone) {
    return match(Key.ct("zone"), Operand.value(zone), false);
  }

  /** {@code ct helper "ftp"}: connections a helper of this name is assigned to. */
  public RuleExpr ctHelper(String helper) {
    return match(Key.ct("helper"), Operand.value(helper), false);
  }

  /** {@code ct bytes > N} as {@code ctBytes(gt(n))}. */
  public RuleExpr ctBytes(Operand operand) {
    return match(Key.ct("bytes"), operand, false);
  }

  public RuleExpr ctPackets(Operand operand) {
    return match(Key.ct("packets"), operand, false);
  }

  /** {@code ct expiration} in seconds. */
  public RuleExpr ctExpiration(Operand operand) {
    return match(Key.ct("expiration"), operand, false);
  }

  /** {@code ct original ip saddr} or {@code ip6 saddr}, chosen by the address. */
  public RuleExpr ctOriginalSaddr(String address) {
    return ctAddr(CtDirection.ORIGINAL, "saddr", address);
  }

  public RuleExpr ctOriginalDaddr(String address) {
    return ctAddr(CtDirection.ORIGINAL, "daddr", address);
  }

  public RuleExpr ctReplySaddr(String address) {
    return ctAddr(CtDirection.REPLY, "saddr", address);
  }

  public RuleExpr ctReplyDaddr(String address) {
    return ctAddr(CtDirection.REPLY, "daddr", address);
  }

  private RuleExpr ctAddr(CtDirection dir, String field, String address) {
    String key = (Validate.looksIpv6(address) ? "ip6 " : "ip ") + field;
    return match(Key.ct(dir, key), Operand.value(address), false);
  }

  /** {@code ct count N}: at most N connections (matches while the count is ≤ N). */
  public RuleExpr ctCount(long connections) {
    return add(new CtCount(Validate.rate("ct count", connections), false), "ct count " + connections);
  }

  /** {@code ct count over N}: more than N connections. */
  public RuleExpr ctCountOver(long connections) {
    return add(new CtCount(Validate.rate("ct count", connections), true), "ct count over " + connections);
  }

  /**
   * The seed's {@code limit_connections(n)} ("at most n concurrent connections", followed by a
   * drop): {@code ct count over n}. The seed's JSON ({@code ct count == n}) is rejected by nft.
   */
  public RuleExpr limitConnections(long connections) {
    return ctCountOver(connections);
  }

  // ================================================================================ misc matches

  /** {@code socket transparent 1}: a transparent socket exists for the packet. */
  public RuleExpr socketTransparent() {
    return match(Key.socket("transparent"), Operand.value(1), false);
  }

  /** {@code socket mark N}. */
  public RuleExpr socketMark(long mark) {
    return match(Key.socket("mark"), Operand.value(mark), false);
  }

  /** {@code osf name "Linux"}; needs the pf.os database ({@code nfnl_osf -f /usr/share/pf.os}). */
  public RuleExpr osfName(String name) {
    return match(Key.osf("name", null), Operand.value(name), false);
  }

  /** {@code osf ttl loose|skip name "Linux"}; nft 1.0.6 has no {@code strict} (it is the default). */
  public RuleExpr osfName(String name, OsfTtl ttl) {
    return match(Key.osf("name", ttl), Operand.value(name), false);
  }

  public RuleExpr osfVersion(String version) {
    return match(Key.osf("version", null), Operand.value(version), false);
  }

  public RuleExpr osfVersion(String version, OsfTtl ttl) {
    return match(Key.osf("version", ttl), Operand.value(version), false);
  }

  /** {@code fib FLAGS RESULT VALUE}: {@code fib(FibResult.TYPE, "local", FibFlag.DADDR)}. */
  public RuleExpr fib(FibResult result, Object value, FibFlag... flags) {
    return match(Key.fib(result, flags), op(value), false);
  }

  /** {@code rt mtu N}. */
  public RuleExpr rtMtu(Operand operand) {
    return match(Key.rt("mtu"), operand, false);
  }

  /** {@code tcp option NAME exists}. */
  public RuleExpr tcpOption(String name) {
    return exists(Key.tcpOption(name, null));
  }

  /** {@code tcp option NAME FIELD VALUE}: {@code tcpOption("maxseg", "size", gt(1400))}. */
  public RuleExpr tcpOption(String name, String field, Object value) {
    return match(Key.tcpOption(name, field), op(value), false);
  }

  // ================================================================================ sets

  /** {@code KEY @set}: the key is in the named set (the seed's {@code set/3}, {@code in_set}). */
  public RuleExpr inSet(String set, Key key) {
    return match(key, Operand.ref(set), false);
  }

  /** {@code KEY != @set}. */
  public RuleExpr notInSet(String set, Key key) {
    return match(key, Operand.ref(set).not(), false);
  }

  /**
   * The seed's {@code set(name, :saddr|:daddr|:sport|:dport)}: the address field of the current
   * (or the expression's family's) IP header, or the port of the current transport header.
   */
  public RuleExpr inSet(String set, String field) {
    switch (field) {
      case "saddr", "daddr": {
        String h = "ip6".equals(header) || (header == null && family == Family.IP6) ? "ip6" : "ip";
        return inSet(set, Key.payload(h, field));
      }
      case "sport", "dport": {
        String h = need(field);
        if (!Headers.PORT_PROTOCOLS.contains(h)) {
          throw new IllegalStateException(field + " needs tcp(), udp(), sctp(), dccp() or th() first, not " + h);
        }
        return inSet(set, Key.payload(h, field));
      }
      default:
        throw new IllegalArgumentException("invalid set match type \"" + field + "\": saddr, daddr, sport or dport");
    }
  }

  // ================================================================================ raw payload

  /**
   * {@code @base,offset,length VALUE} (offset and length in bits). A String value is matched as its
   * bytes (ASCII), like the seed: {@code payloadRaw(IH, 0, 32, "GET ")}.
   */
  public RuleExpr payloadRaw(PayloadBase base, int offset, int length, Object value) {
    Key k = Key.raw(base, offset, length);
    Expression v = rawValue(value, length);
    return with(new Item(k + " " + Text.expr(v, false), Match.eq(k.expression(), v), null, null), header, l4);
  }

  /** {@code @base,offset,length & mask == value}. */
  public RuleExpr payloadRawMasked(PayloadBase base, int offset, int length, long mask, long value) {
    Key k = Key.raw(base, offset, length).and(mask);
    Expression v = rawValue(value, length);
    return with(new Item(k + " == " + value, Match.eq(k.expression(), v), null, null), header, l4);
  }

  private static Expression rawValue(Object value, int bits) {
    long v;
    if (value instanceof String s) {
      byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      if (b.length * 8 != bits) {
        throw new InvalidValueException("raw payload value", s, "it is " + b.length * 8 + " bits, the field " + bits);
      }
      if (b.length > 7) {
        throw new InvalidValueException("raw payload value", s, "at most 7 bytes of text are supported");
      }
      v = 0;
      for (byte x : b) {
        v = (v << 8) | (x & 0xff);
      }
    } else if (value instanceof Number n) {
      v = n.longValue();
    } else {
      throw new InvalidValueException("raw payload value", value, "a number or text");
    }
    if (bits < 63 && (v < 0 || v >= (1L << bits))) {
      throw new InvalidValueException("raw payload value", value, "does not fit in " + bits + " bits");
    }
    return new NumberLiteral(v);
  }

  // ================================================================================ counting, logging, limits

  /** {@code counter}: an anonymous counter. */
  public RuleExpr counter() {
    return add(Counter.NEW, "counter");
  }

  /** {@code counter name "http"}: a named counter of the table (the README's {@code counter_ref}). */
  public RuleExpr counterRef(String name) {
    return add(ObjectRef.named(ObjectRef.Type.COUNTER, Validate.name("counter", name)), "counter name \"" + name + "\"");
  }

  /** {@code quota name "monthly"}. */
  public RuleExpr quotaRef(String name) {
    return add(ObjectRef.named(ObjectRef.Type.QUOTA, Validate.name("quota", name)), "quota name \"" + name + "\"");
  }

  /** {@code limit name "ssh"}. */
  public RuleExpr limitRef(String name) {
    return add(ObjectRef.named(ObjectRef.Type.LIMIT, Validate.name("limit", name)), "limit name \"" + name + "\"");
  }

  /** {@code log}. */
  public RuleExpr log() {
    return add(new Log(null), "log");
  }

  /** {@code log prefix "..."} (at most 127 bytes). */
  public RuleExpr log(String prefix) {
    return add(new Log(Validate.logPrefix(prefix)), "log prefix \"" + prefix + "\"");
  }

  /** {@code log prefix "..." level info}. */
  public RuleExpr log(String prefix, LogLevel level) {
    return log(prefix, level, new LogFlag[0]);
  }

  /** {@code log prefix "..." level L flags F}; {@code prefix} may be null. */
  public RuleExpr log(@Nullable String prefix, LogLevel level, LogFlag... flags) {
    List<String> f = new ArrayList<>();
    for (LogFlag fl : flags) {
      f.add(fl.nft());
    }
    StringBuilder t = new StringBuilder("log");
    if (prefix != null) {
      t.append(" prefix \"").append(Validate.logPrefix(prefix)).append('"');
    }
    t.append(" level ").append(level.nft());
    if (!f.isEmpty()) {
      t.append(" flags ").append(String.join(",", f));
    }
    return add(new Log(prefix, null, null, null, level.nft(), f), t.toString());
  }

  /** {@code log group N prefix "..."}: to nflog group N (userspace, e.g. ulogd). */
  public RuleExpr logGroup(int group, @Nullable String prefix) {
    Validate.u16("log group", group);
    return add(
        new Log(prefix == null ? null : Validate.logPrefix(prefix), group, null, null, null, List.of()),
        "log" + (prefix == null ? "" : " prefix \"" + prefix + "\"") + " group " + group);
  }

  /** {@code limit rate N/unit}: packets. */
  public RuleExpr limit(long rate, Per per) {
    return add(new Limit(Validate.rate("limit rate", rate), null, per.nft(), null, null, false), "limit rate " + rate + "/" + per.nft());
  }

  /** {@code limit rate N/unit burst B packets}. */
  public RuleExpr limit(long rate, Per per, long burst) {
    return add(
        new Limit(Validate.rate("limit rate", rate), null, per.nft(), Validate.nonNegative("limit burst", burst), null, false),
        "limit rate " + rate + "/" + per.nft() + " burst " + burst + " packets");
  }

  /** {@code limit rate over N/unit}: matches above the rate. */
  public RuleExpr limitOver(long rate, Per per) {
    return add(new Limit(Validate.rate("limit rate", rate), null, per.nft(), null, null, true), "limit rate over " + rate + "/" + per.nft());
  }

  public RuleExpr limitOver(long rate, Per per, long burst) {
    return add(
        new Limit(Validate.rate("limit rate", rate), null, per.nft(), Validate.nonNegative("limit burst", burst), null, true),
        "limit rate over " + rate + "/" + per.nft() + " burst " + burst + " packets");
  }

  /** {@code limit rate N mbytes/second}: bytes. */
  public RuleExpr limitBytes(long rate, ByteUnit unit, Per per) {
    return add(
        new Limit(Validate.rate("limit rate", rate), unit.nft(), per.nft(), null, null, false),
        "limit rate " + rate + " " + unit.nft() + "/" + per.nft());
  }

  /** {@code limit rate [over] N unit/per burst B bunit}. */
  public RuleExpr limitBytes(boolean over, long rate, ByteUnit unit, Per per, long burst, ByteUnit burstUnit) {
    return add(
        new Limit(Validate.rate("limit rate", rate), unit.nft(), per.nft(), Validate.nonNegative("limit burst", burst), burstUnit.nft(), over),
        "limit rate " + (over ? "over " : "") + rate + " " + unit.nft() + "/" + per.nft() + " burst " + burst + " " + burstUnit.nft());
  }

  /** Alias of {@link #limit(long, Per)} (seed). */
  public RuleExpr rateLimit(long rate, Per per) {
    return limit(rate, per);
  }

  public RuleExpr rateLimit(long rate, Per per, long burst) {
    return limit(rate, per, burst);
  }

  /** {@code quota N unit}: matches until N bytes passed. */
  public RuleExpr quota(long value, ByteUnit unit) {
    return add(new Quota(Validate.rate("quota", value), unit.nft(), null, null, false), "quota " + value + " " + unit.nft());
  }

  /** {@code quota over N unit}: matches once N bytes passed. */
  public RuleExpr quotaOver(long value, ByteUnit unit) {
    return add(new Quota(Validate.rate("quota", value), unit.nft(), null, null, true), "quota over " + value + " " + unit.nft());
  }

  // ================================================================================ marks and ct set

  private RuleExpr mangle(Key key, Expression value, String valueText) {
    return add(new Mangle(key.expression(), value), key + " set " + valueText);
  }

  /** {@code KEY set VALUE}: any settable key ({@code set(Key.meta("priority"), "1:2")}). */
  public RuleExpr set(Key key, Object value) {
    if (value instanceof Key k) {
      return mangle(key, k.expression(), k.toString());
    }
    Expression v = key.type().value(value, key.toString());
    return mangle(key, v, Text.expr(v, quoteStrings(key)));
  }

  /** {@code meta mark set N}. */
  public RuleExpr setMark(long mark) {
    return mangle(Key.meta("mark"), new NumberLiteral(Validate.mark(mark)), hex(mark));
  }

  /** {@code meta mark set KEY}, e.g. {@code setMark(Key.ctMark())} or a numgen/hash/map. */
  public RuleExpr setMark(Key value) {
    return mangle(Key.meta("mark"), value.expression(), value.toString());
  }

  /** {@code meta mark set ct mark}: restore the connection's mark onto the packet. */
  public RuleExpr restoreMark() {
    return setMark(Key.ct("mark"));
  }

  /** {@code ct mark set meta mark}: save the packet's mark on the connection. */
  public RuleExpr saveMark() {
    return setCtMark(Key.meta("mark"));
  }

  /** {@code ct mark set N} (the seed's {@code set_connmark}, whose JSON nft rejected). */
  public RuleExpr setCtMark(long mark) {
    return mangle(Key.ct("mark"), new NumberLiteral(Validate.mark(mark)), hex(mark));
  }

  public RuleExpr setCtMark(Key value) {
    return mangle(Key.ct("mark"), value.expression(), value.toString());
  }

  /** Alias of {@link #setCtMark(long)} (seed). */
  public RuleExpr setConnmark(long mark) {
    return setCtMark(mark);
  }

  /** {@code ct label set N}: sets label bit N (0..127). */
  public RuleExpr setCtLabel(int bit) {
    return mangle(Key.ct("label"), new NumberLiteral(Validate.range("ct label", bit, 0, 127)), Integer.toString(bit));
  }

  /** {@code ct zone set N}. */
  public RuleExpr setCtZone(int zone) {
    return mangle(Key.ct("zone"), new NumberLiteral(Validate.u16("ct zone", zone)), Integer.toString(zone));
  }

  public RuleExpr setCtZone(Key value) {
    return mangle(Key.ct("zone"), value.expression(), value.toString());
  }

  /** {@code ct event set new,related}. */
  public RuleExpr setCtEvent(CtEvent... events) {
    if (events.length == 0) {
      throw new IllegalArgumentException("ct event set needs at least one event");
    }
    return mangle(Key.ct("event"), flagList(Arrays.asList(events)), names(Arrays.asList(events), ","));
  }

  /** {@code ct helper set "name"}: assigns the table's ct helper object {@code name}. */
  public RuleExpr setCtHelper(String helper) {
    return add(ObjectRef.named(ObjectRef.Type.CT_HELPER, Validate.name("ct helper", helper)), "ct helper set \"" + helper + "\"");
  }

  /** {@code ct timeout set "name"}: assigns the table's ct timeout object. */
  public RuleExpr setCtTimeout(String timeout) {
    return add(ObjectRef.named(ObjectRef.Type.CT_TIMEOUT, Validate.name("ct timeout", timeout)), "ct timeout set \"" + timeout + "\"");
  }

  /** {@code ct expectation set "name"}: assigns the table's ct expectation object. */
  public RuleExpr setCtExpectation(String expectation) {
    return add(
        ObjectRef.named(ObjectRef.Type.CT_EXPECTATION, Validate.name("ct expectation", expectation)),
        "ct expectation set \"" + expectation + "\"");
  }

  /** {@code meta secmark set "name"}: the table's secmark object (needs SELinux). */
  public RuleExpr setSecmark(String secmark) {
    return add(ObjectRef.named(ObjectRef.Type.SECMARK, Validate.name("secmark", secmark)), "meta secmark set \"" + secmark + "\"");
  }

  /** {@code meta priority set "1:2"}. */
  public RuleExpr setPriority(String classid) {
    return mangle(Key.meta("priority"), new StringLiteral(classid(classid)), classid);
  }

  /** {@code meta nftrace set 1}: trace the packet ({@code nft monitor trace}). */
  public RuleExpr setNftrace(boolean on) {
    return mangle(Key.meta("nftrace"), new NumberLiteral(on ? 1 : 0), on ? "1" : "0");
  }

  /** {@code ip dscp set N} (or {@code ip6 dscp set} in an ip6 context). */
  public RuleExpr setDscp(int dscp) {
    return mangle(Key.payload(l3Header(), "dscp"), new NumberLiteral(Validate.dscp(dscp)), Integer.toString(dscp));
  }

  /** {@code ip dscp set ef}. */
  public RuleExpr setDscp(Dscp dscp) {
    return mangle(Key.payload(l3Header(), "dscp"), new StringLiteral(dscp.nft()), dscp.nft());
  }

  /** {@code ip ttl set N}. */
  public RuleExpr setTtl(int ttl) {
    return mangle(Key.payload("ip", "ttl"), new NumberLiteral(Validate.u8("ip ttl", ttl)), Integer.toString(ttl));
  }

  /** {@code ip6 hoplimit set N}. */
  public RuleExpr setHoplimit(int hoplimit) {
    return mangle(Key.payload("ip6", "hoplimit"), new NumberLiteral(Validate.u8("ip6 hoplimit", hoplimit)), Integer.toString(hoplimit));
  }

  private static UnsupportedFeatureException noArithmetic(String field, String op) {
    return new UnsupportedFeatureException(
        field + " " + op + ": nft 1.0.6 has no arithmetic on packet fields (its JSON parser rejects '+' and '-'"
            + " expressions, its text parser '" + field + " set " + field + " " + (op.equals("increment") ? "+" : "-")
            + " 1'), and the table lookup '" + field + " set " + field + " map { … }' fails to load"
            + " (\"Value 8 exceeds valid range 0-0\"). Set a fixed value instead (setTtl/setHoplimit).");
  }

  /** Not possible with nft 1.0.6: always throws {@link UnsupportedFeatureException} saying why. */
  public RuleExpr incrementTtl() {
    throw noArithmetic("ip ttl", "increment");
  }

  /** Not possible with nft 1.0.6: always throws {@link UnsupportedFeatureException}. */
  public RuleExpr decrementTtl() {
    throw noArithmetic("ip ttl", "decrement");
  }

  /** Not possible with nft 1.0.6: always throws {@link UnsupportedFeatureException}. */
  public RuleExpr incrementHoplimit() {
    throw noArithmetic("ip6 hoplimit", "increment");
  }

  /** Not possible with nft 1.0.6: always throws {@link UnsupportedFeatureException}. */
  public RuleExpr decrementHoplimit() {
    throw noArithmetic("ip6 hoplimit", "decrement");
  }

  /** {@code tcp option maxseg size set N} (clamp the MSS; usually after {@code tcpFlags(SYN)}). */
  public RuleExpr setTcpMss(int mss) {
    Validate.range("tcp mss", mss, 1, 65535);
    return add(new Mangle(new TcpOptionExpr("maxseg", "size"), new NumberLiteral(mss)), "tcp option maxseg size set " + mss);
  }

  /** {@code tcp option maxseg size set rt mtu}: clamp the MSS to the route's path MTU (the seed's {@code set_tcp_mss(:pmtu)}). */
  public RuleExpr setTcpMssToPmtu() {
    return add(new Mangle(new TcpOptionExpr("maxseg", "size"), new RtExpr("mtu")), "tcp option maxseg size set rt mtu");
  }

  // ================================================================================ other statements

  /** {@code notrack}: no connection tracking for the packet (use in a prerouting/output chain of priority raw, -300). */
  public RuleExpr notrack() {
    return add(Notrack.INSTANCE, "notrack");
  }

  /** {@code dup to ADDRESS}: a copy of the packet to this gateway (ip/ip6/inet tables). */
  public RuleExpr dupTo(String address) {
    String a = Validate.address(address);
    return add(new Dup(new StringLiteral(a), null), "dup to " + a);
  }

  /** {@code dup to ADDRESS device "IF"}. */
  public RuleExpr dupTo(String address, String device) {
    String a = Validate.address(address);
    return add(
        new Dup(new StringLiteral(a), new StringLiteral(Validate.ifname(device))),
        "dup to " + a + " device \"" + device + "\"");
  }

  /**
   * {@code dup to "IF"}: a copy of the packet out of this interface (netdev tables). The seed's
   * {@code duplicate_to(iface)} sent {@code {"dup":{"device":…}}}, which nft rejects; nft 1.0.6
   * takes the device as {@code addr}.
   */
  public RuleExpr dupToDevice(String device) {
    return add(new Dup(new StringLiteral(Validate.ifname(device)), null), "dup to \"" + device + "\"");
  }

  /** Alias of {@link #dupToDevice(String)} (seed). */
  public RuleExpr duplicateTo(String device) {
    return dupToDevice(device);
  }

  /** {@code synproxy}: answer SYNs with SYN cookies (after {@code ct state invalid,untracked}). */
  public RuleExpr synproxy() {
    return add(new Synproxy(null, null, List.of()), "synproxy");
  }

  /** {@code synproxy mss M wscale W [timestamp] [sack-perm]}. */
  public RuleExpr synproxy(int mss, int wscale, SynproxyFlag... flags) {
    Validate.range("synproxy mss", mss, 1, 65535);
    Validate.range("synproxy wscale", wscale, 0, 14);
    List<String> f = new ArrayList<>();
    for (SynproxyFlag fl : flags) {
      f.add(fl.nft());
    }
    return add(new Synproxy(mss, wscale, f), "synproxy mss " + mss + " wscale " + wscale + (f.isEmpty() ? "" : " " + String.join(" ", f)));
  }

  /** {@code synproxy name "obj"}: a named synproxy object of the table. */
  public RuleExpr synproxyRef(String name) {
    return add(ObjectRef.named(ObjectRef.Type.SYNPROXY, Validate.name("synproxy", name)), "synproxy name \"" + name + "\"");
  }

  /** {@code flow add @ft}: offload the connection to the flowtable (the seed's {@code flow_offload(table:)}). */
  public RuleExpr flowOffload(String flowtable) {
    String n = flowtable.startsWith("@") ? flowtable.substring(1) : flowtable;
    return add(new FlowOffload("add", Validate.name("flowtable", n)), "flow add @" + n);
  }

  /** {@code tproxy to :PORT}: to a local socket on this port (after a tcp/udp match). */
  public RuleExpr tproxy(int port) {
    needL4("tproxy");
    return add(new Tproxy(null, null, new NumberLiteral(Validate.port(port))), "tproxy to :" + port);
  }

  /** {@code tproxy ip|ip6 to ADDRESS:PORT}; in inet tables the family comes from the address. */
  public RuleExpr tproxy(String address, int port) {
    needL4("tproxy");
    IpAddress a = IpAddress.parse(address);
    Validate.port(port);
    String fam = a.isIpv6() ? "ip6" : "ip";
    String text = "tproxy " + fam + " to " + (a.isIpv6() ? "[" + a + "]" : a.toString()) + ":" + port;
    return with(
        new Item(text, null, null, f -> new Tproxy(f == Family.INET ? fam : null, new StringLiteral(a.toString()), new NumberLiteral(port))),
        header, l4);
  }

  /** {@code tproxy ip|ip6 to ADDRESS}. */
  public RuleExpr tproxy(String address) {
    needL4("tproxy");
    IpAddress a = IpAddress.parse(address);
    String fam = a.isIpv6() ? "ip6" : "ip";
    return with(
        new Item("tproxy " + fam + " to " + a, null, null, f -> new Tproxy(f == Family.INET ? fam : null, new StringLiteral(a.toString()), null)),
        header, l4);
  }

  private void needL4(String what) {
    if (!l4) {
      throw new IllegalStateException(
          what + " with a port needs a transport protocol match first (nft: \"transport protocol mapping is only"
              + " valid after transport protocol match\"): call tcp(), udp(), protocol(...) or l4proto(...) before it");
    }
  }

  /**
   * {@code update @set { KEY [statements] }}: add or refresh the key in a dynamic set and run the
   * inner statements per key (a meter): {@code update("ssh", Key.ipSaddr(), expr().limit(3, MINUTE))}.
   * The set needs the {@code timeout} flag or a size (nft 1.0.6's JSON has no "dynamic" flag).
   */
  public RuleExpr update(String set, Key key, RuleExpr statements) {
    return setOp("update", set, key, null, statements);
  }

  /** {@code update @set { KEY }}. */
  public RuleExpr update(String set, Key key) {
    return setOp("update", set, key, null, Expr.expr());
  }

  /** {@code add @set { KEY [timeout T] [statements] }}: add the key if it is absent. */
  public RuleExpr addToSet(String set, Key key, @Nullable Duration timeout, RuleExpr statements) {
    return setOp("add", set, key, timeout, statements);
  }

  /** {@code add @set { KEY }}. */
  public RuleExpr addToSet(String set, Key key) {
    return setOp("add", set, key, null, Expr.expr());
  }

  private RuleExpr setOp(String op, String set, Key key, @Nullable Duration timeout, RuleExpr inner) {
    String n = set.startsWith("@") ? set.substring(1) : set;
    Validate.name("set", n);
    List<Statement> stmts = inner.statements(family);
    for (Statement s : stmts) {
      if (s instanceof Verdict || s instanceof Match) {
        throw new IllegalArgumentException("a set " + op + " runs statements only (counter, limit, quota…), not " + s);
      }
    }
    Expression elem = key.expression();
    String t = key.toString();
    if (timeout != null) {
      elem = new ElemExpr(elem, seconds("timeout", timeout), null, null, List.of());
      t += " timeout " + timeout.getSeconds() + "s";
    }
    String innerText = inner.toString();
    return add(new SetUpdate(op, elem, n, stmts), op + " @" + n + " { " + t + (innerText.isEmpty() ? "" : " " + innerText) + " }");
  }

  private static long seconds(String what, Duration d) {
    if (d.isNegative() || d.isZero() || d.getNano() != 0) {
      throw new InvalidValueException(what, d, "a positive number of whole seconds");
    }
    return d.getSeconds();
  }

  /** The seed's {@code meter_update(key, set, rate, per, burst:)}: {@code update @set { KEY limit rate … }}. */
  public RuleExpr meterUpdate(Key key, String set, long rate, Per per) {
    return update(set, key, Expr.expr().limit(rate, per));
  }

  public RuleExpr meterUpdate(Key key, String set, long rate, Per per, long burst) {
    return update(set, key, Expr.expr().limit(rate, per, burst));
  }

  /** The seed's {@code meter_add}: {@code add @set { KEY limit rate … }}. */
  public RuleExpr meterAdd(Key key, String set, long rate, Per per) {
    return setOp("add", set, key, null, Expr.expr().limit(rate, per));
  }

  public RuleExpr meterAdd(Key key, String set, long rate, Per per, long burst) {
    return setOp("add", set, key, null, Expr.expr().limit(rate, per, burst));
  }

  /**
   * nft's own meter statement: {@code meter NAME [size N] { KEY STATEMENT }}, which creates the
   * dynamic set itself.
   */
  public RuleExpr meter(String name, @Nullable Long size, Key key, RuleExpr statement) {
    Validate.name("meter", name);
    List<Statement> s = statement.statements(family);
    if (s.size() != 1) {
      throw new IllegalArgumentException("a meter runs exactly one statement, got " + s.size());
    }
    return add(new Meter(name, key.expression(), s.get(0), size), "meter " + name + (size == null ? "" : " size " + size) + " { " + key + " " + statement + " }");
  }

  // ================================================================================ verdicts

  public TerminalExpr accept() {
    return end(Verdict.ACCEPT, "accept");
  }

  public TerminalExpr drop() {
    return end(Verdict.DROP, "drop");
  }

  /** {@code continue} (Java keyword; jOOQ style trailing underscore). */
  public TerminalExpr continue_() {
    return end(Verdict.CONTINUE, "continue");
  }

  /** {@code return}: back to the calling chain (the seed's {@code return_from_chain}). */
  public TerminalExpr return_() {
    return end(Verdict.RETURN, "return");
  }

  /** Alias of {@link #return_()} (seed). */
  public TerminalExpr returnFromChain() {
    return return_();
  }

  /** {@code jump CHAIN}. */
  public TerminalExpr jump(String chain) {
    return end(Verdict.jump(Validate.name("chain", chain)), "jump " + chain);
  }

  /** {@code goto CHAIN} (Java keyword; jOOQ style trailing underscore). */
  public TerminalExpr goto_(String chain) {
    return end(Verdict.goTo(Validate.name("chain", chain)), "goto " + chain);
  }

  /** {@code reject}: nft's default answer for the family. */
  public TerminalExpr reject() {
    return end(io.jnftables.model.stmt.Reject.DEFAULT, "reject");
  }

  /** {@code reject with …}: {@code reject(RejectWith.TCP_RESET)}. */
  public TerminalExpr reject(RejectWith with) {
    return end(with.statement(), "reject " + with);
  }

  /** {@code queue num N}: to a userspace program (nfnetlink_queue). */
  public TerminalExpr queue(int num) {
    return end(new Queue(new NumberLiteral(Validate.u16("queue num", num)), List.of()), "queue num " + num);
  }

  /** {@code queue flags F num N}. */
  public TerminalExpr queue(int num, QueueFlag... flags) {
    List<String> f = flagNames(flags);
    return end(new Queue(new NumberLiteral(Validate.u16("queue num", num)), f), "queue" + flagText(f) + " num " + num);
  }

  /** {@code queue flags F num FROM-TO} (fanout over a range of queues). */
  public TerminalExpr queue(int from, int to, QueueFlag... flags) {
    Validate.u16("queue num", from);
    Validate.u16("queue num", to);
    if (from > to) {
      throw new InvalidValueException("queue range", from + "-" + to, "the first queue is above the last");
    }
    List<String> f = flagNames(flags);
    return end(
        new Queue(new RangeExpr(new NumberLiteral(from), new NumberLiteral(to)), f),
        "queue" + flagText(f) + " num " + from + "-" + to);
  }

  /** The seed's {@code queue_to_userspace(num, bypass:, fanout:)}. */
  public TerminalExpr queueToUserspace(int num, boolean bypass, boolean fanout) {
    List<QueueFlag> f = new ArrayList<>();
    if (bypass) {
      f.add(QueueFlag.BYPASS);
    }
    if (fanout) {
      f.add(QueueFlag.FANOUT);
    }
    return queue(num, f.toArray(new QueueFlag[0]));
  }

  private static List<String> flagNames(NftSymbol[] flags) {
    List<String> f = new ArrayList<>();
    for (NftSymbol s : flags) {
      if (!f.contains(s.nft())) {
        f.add(s.nft());
      }
    }
    return f;
  }

  private static String flagText(List<String> f) {
    return f.isEmpty() ? "" : " flags " + String.join(",", f);
  }

  /** {@code KEY vmap @map}: the verdict the named verdict map gives for the key. */
  public TerminalExpr vmap(Key key, String map) {
    Validate.name("map", map);
    return end(new VerdictMap(key.expression(), new SetReference(map)), key + " vmap @" + map);
  }

  /** {@code KEY vmap { k : verdict, … }}: an anonymous verdict map. */
  public TerminalExpr vmap(Key key, Map<?, Verdict> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a verdict map needs at least one entry");
    }
    List<Expression> elems = new ArrayList<>();
    List<String> t = new ArrayList<>();
    for (Map.Entry<?, Verdict> e : entries.entrySet()) {
      Expression k = e.getKey() instanceof Operand o ? o.expression(key.type(), key.toString()) : key.type().element(e.getKey(), key.toString());
      elems.add(new MappingExpr(k, new VerdictExpr(Objects.requireNonNull(e.getValue(), "verdict"))));
      t.add(Text.expr(k, false) + " : " + Text.verdict(e.getValue()));
    }
    return end(new VerdictMap(key.expression(), new SetExpr(elems)), key + " vmap { " + String.join(", ", t) + " }");
  }

  /** The README's {@code dport_map("name")}: {@code tcp dport vmap @name} for the current transport header. */
  public TerminalExpr dportVmap(String map) {
    String h = need("dport_map");
    if (!Headers.PORT_PROTOCOLS.contains(h)) {
      throw new IllegalStateException("dportVmap needs tcp(), udp(), sctp(), dccp() or th() first, not " + h);
    }
    return vmap(Key.payload(h, "dport"), map);
  }

  // ================================================================================ NAT

  /** {@code snat to ADDRESS}; the address may be a prefix or a range {@code a-b}. */
  public TerminalExpr snat(String address) {
    return nat(Nat.Type.SNAT, address, null, null);
  }

  /** {@code snat to ADDRESS:PORT} (after a tcp/udp match). */
  public TerminalExpr snat(String address, int port) {
    return nat(Nat.Type.SNAT, address, new int[] {port}, null);
  }

  /** {@code snat to ADDRESS:FROM-TO [flags]}. */
  public TerminalExpr snat(String address, int portFrom, int portTo, NatFlag... flags) {
    return nat(Nat.Type.SNAT, address, new int[] {portFrom, portTo}, flags);
  }

  /** {@code snat to ADDRESS [flags]}. */
  public TerminalExpr snat(String address, NatFlag... flags) {
    return nat(Nat.Type.SNAT, address, null, flags);
  }

  /** {@code snat to KEY}: an address from a map or a hash ({@code Key.ipSaddr().map("nat")}). */
  public TerminalExpr snat(Key address, Family addressFamily) {
    return natKey(Nat.Type.SNAT, address, addressFamily);
  }

  public TerminalExpr dnat(String address) {
    return nat(Nat.Type.DNAT, address, null, null);
  }

  public TerminalExpr dnat(String address, int port) {
    return nat(Nat.Type.DNAT, address, new int[] {port}, null);
  }

  public TerminalExpr dnat(String address, int portFrom, int portTo, NatFlag... flags) {
    return nat(Nat.Type.DNAT, address, new int[] {portFrom, portTo}, flags);
  }

  public TerminalExpr dnat(String address, NatFlag... flags) {
    return nat(Nat.Type.DNAT, address, null, flags);
  }

  /** {@code dnat to KEY}: e.g. {@code dnat(Key.numgen(INC, 2).map(Map.of(0, "10.0.0.1", 1, "10.0.0.2")), IP)}. */
  public TerminalExpr dnat(Key address, Family addressFamily) {
    return natKey(Nat.Type.DNAT, address, addressFamily);
  }

  /** Seed alias of {@link #snat(String)}. */
  public TerminalExpr snatTo(String address) {
    return snat(address);
  }

  /** Seed alias of {@link #snat(String, int)}. */
  public TerminalExpr snatTo(String address, int port) {
    return snat(address, port);
  }

  public TerminalExpr dnatTo(String address) {
    return dnat(address);
  }

  public TerminalExpr dnatTo(String address, int port) {
    return dnat(address, port);
  }

  /** {@code masquerade}. */
  public TerminalExpr masquerade() {
    return end(Nat.masquerade(), "masquerade");
  }

  /** {@code masquerade random,persistent,…}. */
  public TerminalExpr masquerade(NatFlag... flags) {
    List<String> f = flagNames(flags);
    return end(new Nat(Nat.Type.MASQUERADE, null, null, null, f, List.of()), "masquerade" + (f.isEmpty() ? "" : " " + String.join(",", f)));
  }

  /** {@code masquerade to :FROM-TO [flags]} (after a tcp/udp match). */
  public TerminalExpr masquerade(int portFrom, int portTo, NatFlag... flags) {
    needL4("masquerade");
    Expression p = ports(portFrom, portTo);
    List<String> f = flagNames(flags);
    return end(
        new Nat(Nat.Type.MASQUERADE, null, null, p, f, List.of()),
        "masquerade to :" + Text.expr(p, false) + (f.isEmpty() ? "" : " " + String.join(",", f)));
  }

  /** {@code redirect}: to the local machine, same port. */
  public TerminalExpr redirect() {
    return end(new Nat(Nat.Type.REDIRECT, null, null, null, List.of(), List.of()), "redirect");
  }

  /** {@code redirect to :PORT} (after a tcp/udp match). */
  public TerminalExpr redirect(int port) {
    needL4("redirect");
    return end(Nat.redirect(new NumberLiteral(Validate.port(port))), "redirect to :" + port);
  }

  /** {@code redirect to :FROM-TO [flags]}. */
  public TerminalExpr redirect(int portFrom, int portTo, NatFlag... flags) {
    needL4("redirect");
    Expression p = ports(portFrom, portTo);
    List<String> f = flagNames(flags);
    return end(
        new Nat(Nat.Type.REDIRECT, null, null, p, f, List.of()),
        "redirect to :" + Text.expr(p, false) + (f.isEmpty() ? "" : " " + String.join(",", f)));
  }

  /** Seed alias of {@link #redirect(int)}. */
  public TerminalExpr redirectTo(int port) {
    return redirect(port);
  }

  private static Expression ports(int from, int to) {
    Validate.portRange(from, to);
    return from == to ? new NumberLiteral(from) : new RangeExpr(new NumberLiteral(from), new NumberLiteral(to));
  }

  private TerminalExpr nat(Nat.Type type, String address, int @Nullable [] ports, NatFlag @Nullable [] flags) {
    Expression addr = ValueType.IPADDR.value(address, type.json() + " address");
    boolean v6 = Validate.looksIpv6(address);
    Expression port = null;
    if (ports != null) {
      needL4(type.json());
      port = ports.length == 1 ? new NumberLiteral(Validate.port(ports[0])) : ports(ports[0], ports[1]);
    }
    List<String> f = flags == null ? List.of() : flagNames(flags);
    String fam = v6 ? "ip6" : "ip";
    String addrText = Text.expr(addr, false);
    String text = type.json() + " " + fam + " to " + (v6 && port != null ? "[" + addrText + "]" : addrText)
        + (port == null ? "" : ":" + Text.expr(port, false)) + (f.isEmpty() ? "" : " " + String.join(",", f));
    Expression p = port;
    return endDeferred(
        family -> {
          if ((family == Family.IP && v6) || (family == Family.IP6 && !v6)) {
            throw new InvalidValueException(
                type.json() + " address", address, "an " + (v6 ? "IPv6" : "IPv4") + " address in an " + family.nftName() + " table");
          }
          return new Nat(type, family == Family.INET ? fam : null, addr, p, f, List.of());
        },
        text);
  }

  private TerminalExpr natKey(Nat.Type type, Key address, Family addressFamily) {
    if (addressFamily != Family.IP && addressFamily != Family.IP6) {
      throw new IllegalArgumentException("the address family of " + type.json() + " is ip or ip6, not " + addressFamily);
    }
    String fam = addressFamily.nftName();
    return endDeferred(
        family -> new Nat(type, family == Family.INET ? fam : null, address.expression(), null, List.of(), List.of()),
        type.json() + " " + fam + " to " + address);
  }

  /** {@code fwd to "IF"}: send the packet out of this interface (netdev ingress). */
  public TerminalExpr fwd(String device) {
    return end(new Fwd(new StringLiteral(Validate.ifname(device)), null, null), "fwd to \"" + device + "\"");
  }

  /** {@code fwd ip|ip6 to ADDRESS device "IF"}: forward to a neighbour (netdev ingress). */
  public TerminalExpr fwd(String address, String device) {
    IpAddress a = IpAddress.parse(address);
    String fam = a.isIpv6() ? "ip6" : "ip";
    return end(
        new Fwd(new StringLiteral(Validate.ifname(device)), fam, new StringLiteral(a.toString())),
        "fwd " + fam + " to " + a + " device \"" + device + "\"");
  }

  private static String hex(long v) {
    return String.format("0x%08x", v);
  }
}

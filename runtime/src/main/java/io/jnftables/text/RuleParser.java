package io.jnftables.text;

import io.jnftables.annotations.Family;
import io.jnftables.model.Names;
import io.jnftables.model.expr.CtExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Log;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.Reject;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Parses the text of one nft rule — what follows {@code add rule <family> <table> <chain>} — into
 * the statements libnftables builds from it, e.g.
 *
 * <pre>{@code
 * RuleParser.parse("tcp dport { 80, 443 } accept", Family.INET)
 *   // [Match(EQ, PayloadExpr(tcp, dport), SetExpr[80, 443]), Verdict.ACCEPT]
 * }</pre>
 *
 * <p>Supported so far (the grammar grows towards all of nft):
 *
 * <ul>
 *   <li>{@code iif}, {@code iifname}, {@code oif}, {@code oifname}, also after {@code meta}; {@code
 *       meta l4proto} with names, numbers, ranges and sets
 *   <li>{@code ct state} with one state, a comma list ({@code established,related}) or a set
 *   <li>{@code tcp|udp sport|dport} with numbers, service names, ranges ({@code 1000-2000}, also
 *       {@code 1000 - 2000}) and sets
 *   <li>{@code ip|ip6 saddr|daddr} with addresses, prefixes, ranges and sets
 *   <li>{@code == != < > <= >=} before a value ({@code < > <= >=} for single ports only)
 *   <li>{@code counter [packets N] [bytes N]}, {@code log [prefix "…"]}, {@code accept}, {@code
 *       drop}, {@code reject [with tcp reset | with icmp|icmpv6|icmpx <code>]}, {@code jump|goto
 *       <chain>}, {@code return}, {@code continue}
 * </ul>
 *
 * <p>Besides syntax it checks what nft checks on the text alone: protocols the table family cannot
 * see ({@code ip saddr} in an ip6 table), protocols that contradict each other within the rule
 * ({@code tcp dport 22 udp sport 53}, {@code meta l4proto udp reject with tcp reset}), and that
 * nothing follows a verdict.
 *
 * <p>The result is the JSON nft itself builds from the text (checked against nft 1.0.6's own test
 * corpus), with values normalized the way nft lists them back where that is a pure change of
 * spelling: service names become port numbers and protocol aliases nft's names ({@link
 * WellKnown}), prefixes are reduced to their network ({@code 10.0.0.1/8} is {@code 10.0.0.0/8}), a
 * full-length prefix is a plain address, IPv6 addresses are in canonical text, and a {@code ct
 * state} flag list is in kernel bit order without duplicates. Anonymous sets keep their elements
 * as written.
 *
 * <p>Anything else throws {@link NftSyntaxException}, and nothing else is ever thrown for any
 * input string. Parsing is pure: no DNS, no files, no native code.
 */
public final class RuleParser {
  /** Words a statement can start with, in the order error messages list them. */
  static final List<String> STATEMENT_KEYWORDS =
      List.of(
          "accept", "drop", "reject", "jump", "goto", "return", "continue", "counter", "log", "ct",
          "meta", "iif", "iifname", "oif", "oifname", "ip", "ip6", "tcp", "udp");

  static final List<String> META_KEYS = List.of("iif", "iifname", "oif", "oifname", "l4proto");

  /** Conntrack states in kernel bit order (invalid 1, established 2, related 4, new 8, untracked 64). */
  static final List<String> CT_STATES = List.of("invalid", "established", "related", "new", "untracked");

  /** nft's IFNAMSIZ (16) minus the terminating NUL. */
  static final int MAX_IFNAME_BYTES = 15;

  private static final String END_OF_RULE = "end of rule";

  private enum ValueType {
    INTERFACE("an interface name"),
    PORT("a port number or service name"),
    IPV4("an IPv4 address, prefix or range"),
    IPV6("an IPv6 address, prefix or range"),
    CT_STATE("a conntrack state"),
    L4PROTO("a protocol name or number");

    final String description;

    ValueType(String description) {
      this.description = description;
    }
  }

  /** Part of a token: a word split at {@code -} or {@code /} keeps its own column. */
  private record Piece(String text, int offset) {}

  private final String input;
  private final Family family;
  private final List<Token> tokens;
  private int pos;

  /**
   * The network protocol ({@code ip} or {@code ip6}) an earlier match limits the rule to, and the
   * token that did it; nft refuses a rule that then matches or answers with the other one.
   */
  private @Nullable String l3;

  private @Nullable Token l3Token;

  /** Likewise the transport protocol: {@code tcp}, {@code udp}, a protocol name or number. */
  private @Nullable String l4;

  private @Nullable Token l4Token;

  private RuleParser(String input, Family family) {
    this.input = input;
    this.family = family;
    this.tokens = Lexer.tokenize(input);
  }

  /**
   * The statements of {@code ruleText} for a rule in a table of {@code family}.
   *
   * @throws NftSyntaxException if the text is not a rule this parser accepts, or uses a protocol
   *     the family cannot match (e.g. {@code ip saddr} in an {@code ip6} table)
   */
  public static List<Statement> parse(String ruleText, Family family) {
    Objects.requireNonNull(ruleText, "ruleText");
    Objects.requireNonNull(family, "family");
    return new RuleParser(ruleText, family).rule();
  }

  // ------------------------------------------------------------------ rule and statements

  private List<Statement> rule() {
    if (peek().kind() == Token.Kind.EOF) {
      throw unexpected(peek(), STATEMENT_KEYWORDS, "a rule needs at least one statement");
    }
    List<Statement> out = new ArrayList<>();
    List<String> continuations = List.of();
    while (peek().kind() != Token.Kind.EOF) {
      Token start = peek();
      List<String> expected = new ArrayList<>(continuations);
      expected.addAll(STATEMENT_KEYWORDS);
      Statement s = statement(expected);
      out.add(s);
      continuations = List.of();
      if (s instanceof Log l && l.prefix() == null) {
        continuations = List.of("prefix");
      } else if (s.equals(Counter.NEW)) {
        continuations = List.of("packets", "bytes");
      }
      if (s instanceof Verdict || s instanceof Reject) {
        Token next = peek();
        if (next.kind() != Token.Kind.EOF) {
          List<String> exp =
              s.equals(Reject.DEFAULT) ? List.of("with", END_OF_RULE) : List.of(END_OF_RULE);
          throw error(next, "unexpected " + next.describe(), exp,
              "nothing can follow a verdict (\"" + start.text() + "\" at column " + start.column() + ")",
              exp);
        }
      }
    }
    return List.copyOf(out);
  }

  private Statement statement(List<String> expected) {
    Token t = next();
    if (t.kind() != Token.Kind.WORD) {
      throw unexpected(t, expected, null);
    }
    switch (t.text()) {
      case "accept":
        return Verdict.ACCEPT;
      case "drop":
        return Verdict.DROP;
      case "return":
        return Verdict.RETURN;
      case "continue":
        return Verdict.CONTINUE;
      case "jump":
        return Verdict.jump(chainName());
      case "goto":
        return Verdict.goTo(chainName());
      case "counter":
        return counter();
      case "log":
        return log();
      case "reject":
        return reject(t);
      case "iif":
      case "iifname":
      case "oif":
      case "oifname":
        return match(new MetaExpr(t.text()), ValueType.INTERFACE);
      case "meta":
        return meta(t);
      case "ct":
        return ct(t);
      case "tcp":
      case "udp":
        return transport(t);
      case "ip":
      case "ip6":
        return network(t);
      default:
        throw unexpected(t, expected, null);
    }
  }

  private String chainName() {
    Token t = next();
    if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.STRING) {
      throw unexpected(t, List.of("a chain name"), null);
    }
    String name = t.value();
    String problem = Names.problem(name);
    if (problem != null) {
      throw invalid(t.text(), t.offset(), "invalid chain name " + t.describe(), problem, List.of());
    }
    return name;
  }

  /** {@code counter [packets N] [bytes N]}, in either order. */
  private Counter counter() {
    Long packets = null;
    Long bytes = null;
    while (peek().is("packets") || peek().is("bytes")) {
      Token key = next();
      if (key.is("packets") ? packets != null : bytes != null) {
        throw invalid(key.text(), key.offset(), "duplicate \"" + key.text() + "\"", null, List.of());
      }
      Token value = next();
      if (value.kind() != Token.Kind.WORD || !isDigits(value.text())) {
        throw unexpected(value, List.of("a number"), null);
      }
      if (value.text().length() > 18) {
        throw invalid(value.text(), value.offset(), "invalid " + key.text() + " count \"" + value.text() + "\"",
            "too large", List.of());
      }
      long n = Long.parseLong(value.text());
      if (key.is("packets")) {
        packets = n;
      } else {
        bytes = n;
      }
    }
    return packets == null && bytes == null ? Counter.NEW : new Counter(packets, bytes);
  }

  private Log log() {
    if (!peek().is("prefix")) {
      return new Log(null);
    }
    next();
    Token t = next();
    if (t.kind() == Token.Kind.STRING
        || (t.kind() == Token.Kind.WORD && !STATEMENT_KEYWORDS.contains(t.text()))) {
      String prefix = t.value();
      if (prefix.getBytes(StandardCharsets.UTF_8).length > Log.MAX_PREFIX_BYTES) {
        throw invalid(t.text(), t.offset(), "log prefix too long",
            "at most " + Log.MAX_PREFIX_BYTES + " bytes", List.of());
      }
      return new Log(prefix);
    }
    throw unexpected(t, List.of("a quoted prefix"), null);
  }

  private Reject reject(Token keyword) {
    if (family == Family.ARP) {
      throw notInFamily(keyword, "reject", "arp tables cannot reject");
    }
    if (!peek().is("with")) {
      return Reject.DEFAULT;
    }
    next();
    Token type = next();
    if (type.is("tcp")) {
      expectWord("reset");
      if (l4 != null && !l4.equals("tcp")) {
        throw conflict(type, "tcp reset", "a TCP reset answers TCP packets only", l4, l4Token);
      }
      return new Reject("tcp reset", null);
    }
    List<String> codes = REJECT_CODES.get(type.text());
    if (type.kind() != Token.Kind.WORD || codes == null) {
      throw unexpected(type, List.of("tcp", "icmp", "icmpv6", "icmpx"), null);
    }
    if (type.is("icmpx") && (family == Family.IP || family == Family.IP6)) {
      throw notInFamily(type, "icmpx", "use icmp" + (family == Family.IP6 ? "v6" : "")
          + " in " + family.nftName() + " tables; icmpx is for inet, bridge and netdev");
    }
    if (type.is("icmp") && family == Family.IP6 || type.is("icmpv6") && family == Family.IP) {
      throw notInFamily(type, type.text(), "use icmp" + (family == Family.IP6 ? "v6" : "")
          + " in " + family.nftName() + " tables");
    }
    String network = type.is("icmp") ? "ip" : type.is("icmpv6") ? "ip6" : null;
    if (network != null && l3 != null && !l3.equals(network)) {
      throw conflict(type, type.text(), type.text() + " answers " + network + " packets only", l3, l3Token);
    }
    if (peek().is("type")) {
      next(); // the older spelling "reject with icmp type host-unreachable"
    }
    Token code = next();
    if (code.kind() != Token.Kind.WORD || !codes.contains(code.text())) {
      throw unexpected(code, codes, null);
    }
    return new Reject(type.text(), code.text());
  }

  /** The codes {@code reject with <type> <code>} accepts, by type. */
  private static final java.util.Map<String, List<String>> REJECT_CODES =
      java.util.Map.of(
          "icmp",
          List.of("host-unreachable", "net-unreachable", "prot-unreachable", "port-unreachable",
              "net-prohibited", "host-prohibited", "admin-prohibited"),
          "icmpv6",
          List.of("no-route", "admin-prohibited", "addr-unreachable", "port-unreachable", "policy-fail",
              "reject-route"),
          "icmpx",
          List.of("host-unreachable", "no-route", "admin-prohibited", "port-unreachable"));

  private Match meta(Token keyword) {
    Token key = next();
    if (key.kind() != Token.Kind.WORD || !META_KEYS.contains(key.text())) {
      throw unexpected(key, META_KEYS, null);
    }
    MetaExpr left = new MetaExpr(key.text());
    Match m = match(left, key.is("l4proto") ? ValueType.L4PROTO : ValueType.INTERFACE);
    if (key.is("l4proto") && l4 == null && (m.op() == Operator.EQ || m.op() == Operator.IN)) {
      if (m.right() instanceof StringLiteral name) {
        l4 = name.value();
        l4Token = keyword;
      } else if (m.right() instanceof NumberLiteral n) {
        String name = WellKnown.protocolName((int) n.value());
        l4 = name != null ? name : "protocol " + n.value();
        l4Token = keyword;
      }
    }
    return m;
  }

  private Match ct(Token keyword) {
    if (family == Family.ARP || family == Family.NETDEV) {
      throw notInFamily(keyword, "ct", "conntrack is not available to " + family.nftName() + " tables");
    }
    expectWord("state");
    return match(new CtExpr("state"), ValueType.CT_STATE);
  }

  private Match transport(Token protocol) {
    if (family == Family.ARP) {
      throw notInFamily(protocol, protocol.text(), "arp tables see ARP packets only");
    }
    if (l4 != null && !l4.equals(protocol.text())) {
      throw conflict(protocol, protocol.text(), null, l4, l4Token);
    }
    l4 = protocol.text();
    l4Token = protocol;
    Token field = next();
    if (!field.is("dport") && !field.is("sport")) {
      throw unexpected(field, List.of("dport", "sport"), null);
    }
    return match(new PayloadExpr(protocol.text(), field.text()), ValueType.PORT);
  }

  private Match network(Token protocol) {
    boolean v6 = protocol.is("ip6");
    if (family == Family.ARP || family == (v6 ? Family.IP : Family.IP6)) {
      throw notInFamily(protocol, protocol.text(),
          family == Family.ARP
              ? "arp tables see ARP packets only"
              : (v6 ? "an ip table sees IPv4 packets only; use ip, or an inet table for both"
                  : "an ip6 table sees IPv6 packets only; use ip6, or an inet table for both"));
    }
    if (l3 != null && !l3.equals(protocol.text())) {
      throw conflict(protocol, protocol.text(), null, l3, l3Token);
    }
    l3 = protocol.text();
    l3Token = protocol;
    Token field = next();
    if (!field.is("saddr") && !field.is("daddr")) {
      throw unexpected(field, List.of("saddr", "daddr"), null);
    }
    return match(new PayloadExpr(protocol.text(), field.text()), v6 ? ValueType.IPV6 : ValueType.IPV4);
  }

  // ------------------------------------------------------------------ matches and values

  private Match match(Expression left, ValueType type) {
    Token opToken = null;
    Operator op = null;
    if (peek().kind() == Token.Kind.OPERATOR) {
      opToken = next();
      op = Operator.fromJson(opToken.text());
    }
    Token first = peek();
    Expression right;
    if (first.kind() == Token.Kind.LBRACE) {
      right = set(type);
    } else {
      right = single(type, true);
    }
    if (op == null) {
      op = type == ValueType.CT_STATE ? Operator.IN : Operator.EQ;
    }
    if (opToken != null && op != Operator.EQ && op != Operator.NE) {
      if (type != ValueType.PORT) {
        throw invalid(opToken.text(), opToken.offset(), "operator \"" + opToken.text() + "\" not allowed here",
            "only == and != apply to " + type.description, List.of());
      }
      if (!(right instanceof NumberLiteral)) {
        throw invalid(opToken.text(), opToken.offset(), "operator \"" + opToken.text() + "\" not allowed here",
            "it compares with a single port, not a set or range", List.of());
      }
    }
    return new Match(op, left, right);
  }

  private SetExpr set(ValueType type) {
    next(); // {
    List<Expression> elements = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.kind() == Token.Kind.RBRACE && !elements.isEmpty()) {
        next();
        return new SetExpr(elements);
      }
      if (t.kind() == Token.Kind.RBRACE) {
        throw unexpected(t, List.of(type.description), "an anonymous set needs at least one element");
      }
      elements.add(single(type, false));
      Token sep = next();
      if (sep.kind() == Token.Kind.RBRACE) {
        return new SetExpr(elements);
      }
      if (sep.kind() != Token.Kind.COMMA) {
        throw unexpected(sep, List.of(",", "}"), null);
      }
    }
  }

  /** One value (not a set); {@code topLevel} is false inside a set. */
  private Expression single(ValueType type, boolean topLevel) {
    Token t = next();
    switch (type) {
      case INTERFACE:
        return interfaceName(t);
      case PORT:
        return port(t);
      case IPV4:
        return address(t, false);
      case IPV6:
        return address(t, true);
      case CT_STATE:
        return ctState(t, topLevel);
      case L4PROTO:
        return l4proto(t);
      default:
        throw new AssertionError(type);
    }
  }

  /** A word where a value belongs, or an error that says a value is missing. */
  private Token valueWord(Token t, ValueType type, Collection<String> candidates) {
    if (t.kind() == Token.Kind.WORD && !STATEMENT_KEYWORDS.contains(t.text())) {
      return t;
    }
    List<String> expected = type == ValueType.CT_STATE ? CT_STATES : List.of(type.description);
    throw error(t, "unexpected " + t.describe(), expected,
        t.kind() == Token.Kind.LBRACE ? "sets cannot be nested" : null, candidates);
  }

  private Expression interfaceName(Token t) {
    if (t.kind() != Token.Kind.STRING) {
      valueWord(t, ValueType.INTERFACE, List.of());
    }
    String name = t.value();
    if (name.isEmpty()) {
      throw invalid(t.text(), t.offset(), "empty interface name", null, List.of());
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_IFNAME_BYTES) {
      throw invalid(t.text(), t.offset(), "interface name \"" + name + "\" too long",
          "at most " + MAX_IFNAME_BYTES + " bytes", List.of());
    }
    return new StringLiteral(name);
  }

  private Expression ctState(Token t, boolean topLevel) {
    boolean[] seen = new boolean[CT_STATES.size()];
    seen[ctStateIndex(t)] = true;
    while (topLevel && peek().kind() == Token.Kind.COMMA) {
      next();
      seen[ctStateIndex(next())] = true;
    }
    List<Expression> states = new ArrayList<>();
    for (int i = 0; i < seen.length; i++) {
      if (seen[i]) {
        states.add(new StringLiteral(CT_STATES.get(i)));
      }
    }
    return states.size() == 1 ? states.get(0) : new ListExpr(states);
  }

  private int ctStateIndex(Token t) {
    valueWord(t, ValueType.CT_STATE, CT_STATES);
    int i = CT_STATES.indexOf(t.text());
    if (i < 0) {
      throw error(t, "unknown conntrack state " + t.describe(), CT_STATES, null, CT_STATES);
    }
    return i;
  }

  private Expression l4proto(Token t) {
    if (t.kind() == Token.Kind.WORD && WellKnown.protocolName(t.text()) != null) {
      return new StringLiteral(WellKnown.protocolName(t.text())); // "tcp" and "udp" are keywords too
    }
    List<String> names = new ArrayList<>(WellKnown.PROTOCOLS.keySet());
    names.add("icmpv6");
    valueWord(t, ValueType.L4PROTO, names);
    if (!isDigit(t.text().charAt(0))) {
      throw invalid(t.text(), t.offset(), "unknown protocol " + t.describe(),
          "not in the built-in protocol table; write the protocol number", names);
    }
    Piece[] pieces = rangePieces(t, true, ValueType.L4PROTO);
    long low = protocolNumber(pieces[0]);
    if (pieces[1] == null) {
      return new NumberLiteral(low);
    }
    long high = protocolNumber(pieces[1]);
    if (low > high) {
      throw invalid(t.text(), t.offset(), "invalid range " + t.describe(),
          "the low end " + low + " is above the high end " + high, List.of());
    }
    return new RangeExpr(new NumberLiteral(low), new NumberLiteral(high));
  }

  private long protocolNumber(Piece p) {
    String s = p.text();
    if (!isDigits(s)) {
      throw invalid(s, p.offset(), "invalid protocol number \"" + s + "\"",
          "a protocol is a number 0..255 or a name", List.of());
    }
    if (s.length() > 3 || Integer.parseInt(s) > 255) {
      throw invalid(s, p.offset(), "invalid protocol number \"" + s + "\"", "outside 0..255", List.of());
    }
    return Integer.parseInt(s);
  }

  private Expression port(Token t) {
    valueWord(t, ValueType.PORT, WellKnown.SERVICES.keySet());
    Piece[] pieces = rangePieces(t, !t.text().isEmpty() && isDigit(t.text().charAt(0)), ValueType.PORT);
    long low = portNumber(pieces[0]);
    if (pieces[1] == null) {
      return new NumberLiteral(low);
    }
    long high = portNumber(pieces[1]);
    if (low > high) {
      throw invalid(t.text(), t.offset(), "invalid range " + t.describe(),
          "the low end " + low + " is above the high end " + high, List.of());
    }
    return new RangeExpr(new NumberLiteral(low), new NumberLiteral(high));
  }

  private long portNumber(Piece p) {
    String s = p.text();
    if (!s.isEmpty() && isDigit(s.charAt(0))) {
      if (!isDigits(s)) {
        throw invalid(s, p.offset(), "invalid port \"" + s + "\"",
            "a port is a number 0..65535 or a service name", List.of());
      }
      if (s.length() > 5 || Integer.parseInt(s) > 65535) {
        throw invalid(s, p.offset(), "invalid port \"" + s + "\"", "outside 0..65535", List.of());
      }
      return Integer.parseInt(s);
    }
    Integer service = WellKnown.SERVICES.get(s);
    if (service == null) {
      throw invalid(s, p.offset(), "unknown service \"" + s + "\"",
          "not in the built-in service table; write the port number", WellKnown.SERVICES.keySet());
    }
    return service;
  }

  private Expression address(Token t, boolean v6) {
    ValueType type = v6 ? ValueType.IPV6 : ValueType.IPV4;
    valueWord(t, type, List.of());
    Piece[] pieces = rangePieces(t, true, type);
    if (pieces[1] == null) {
      return addressOrPrefix(pieces[0], v6);
    }
    for (Piece p : pieces) {
      if (p.text().indexOf('/') >= 0) {
        throw invalid(p.text(), p.offset(), "invalid range bound \"" + p.text() + "\"",
            "the ends of a range are addresses, not prefixes", List.of());
      }
    }
    byte[] low = addressBytes(pieces[0], v6);
    byte[] high = addressBytes(pieces[1], v6);
    if (Addresses.compare(low, high) > 0) {
      throw invalid(t.text(), t.offset(), "invalid range " + t.describe(),
          "the low end is above the high end", List.of());
    }
    return new RangeExpr(
        new StringLiteral(Addresses.format(low)), new StringLiteral(Addresses.format(high)));
  }

  private Expression addressOrPrefix(Piece p, boolean v6) {
    String s = p.text();
    int slash = s.indexOf('/');
    if (slash < 0) {
      return new StringLiteral(Addresses.format(addressBytes(p, v6)));
    }
    byte[] address = addressBytes(new Piece(s.substring(0, slash), p.offset()), v6);
    String len = s.substring(slash + 1);
    int bits = v6 ? 128 : 32;
    if (!isDigits(len) || len.length() > 3 || Integer.parseInt(len) > bits) {
      throw invalid(len, p.offset() + slash + 1, "invalid prefix length \"" + len + "\"",
          "a prefix length is a number 0.." + bits, List.of());
    }
    int length = Integer.parseInt(len);
    byte[] net = Addresses.network(address, length);
    if (length == bits) {
      return new StringLiteral(Addresses.format(net));
    }
    return new PrefixExpr(new StringLiteral(Addresses.format(net)), length);
  }

  private byte[] addressBytes(Piece p, boolean v6) {
    String s = p.text();
    try {
      return v6 ? Addresses.parseIpv6(s) : Addresses.parseIpv4(s);
    } catch (IllegalArgumentException e) {
      String detail = e.getMessage();
      if (!v6 && s.indexOf(':') >= 0) {
        detail = "this looks like an IPv6 address; match it with ip6 saddr/daddr";
      } else if (v6 && s.indexOf(':') < 0 && s.indexOf('.') >= 0 && !hasLetter(s)) {
        detail = "this looks like an IPv4 address; match it with ip saddr/daddr";
      } else if (hasLetter(s) && (!v6 || s.indexOf(':') < 0)) {
        detail = "host names are not resolved; write an address";
      }
      throw invalid(s, p.offset(), "invalid " + (v6 ? "IPv6" : "IPv4") + " address \"" + s + "\"",
          detail, List.of());
    }
  }

  /**
   * Splits a value into its low and high end when it is a range: {@code 1000-2000} (split inside
   * the word when {@code splitInside}), {@code 1000 - 2000}, {@code 1000 -2000}, {@code 1000-
   * 2000}. The high piece is null when the value is not a range.
   */
  private Piece[] rangePieces(Token t, boolean splitInside, ValueType type) {
    String s = t.text();
    int dash = splitInside ? s.indexOf('-') : -1;
    if (dash > 0) {
      Piece low = new Piece(s.substring(0, dash), t.offset());
      if (dash + 1 < s.length()) {
        return new Piece[] {low, new Piece(s.substring(dash + 1), t.offset() + dash + 1)};
      }
      return new Piece[] {low, highEnd(type)};
    }
    Piece low = new Piece(s, t.offset());
    Token after = peek();
    if (after.kind() == Token.Kind.WORD && after.text().startsWith("-")) {
      next();
      if (after.text().length() > 1) {
        return new Piece[] {low, new Piece(after.text().substring(1), after.offset() + 1)};
      }
      return new Piece[] {low, highEnd(type)};
    }
    return new Piece[] {low, null};
  }

  private Piece highEnd(ValueType type) {
    Token t = next();
    if (t.kind() != Token.Kind.WORD || t.text().startsWith("-")) {
      throw unexpected(t, List.of(type.description), "a range needs its high end");
    }
    return new Piece(t.text(), t.offset());
  }

  // ------------------------------------------------------------------ tokens and errors

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Token.Kind.EOF) {
      pos++;
    }
    return t;
  }

  private void expectWord(String word) {
    Token t = next();
    if (!t.is(word)) {
      throw unexpected(t, List.of(word), null);
    }
  }

  private NftSyntaxException unexpected(Token t, List<String> expected, @Nullable String detail) {
    return error(t, "unexpected " + t.describe(), expected, detail, expected);
  }

  private NftSyntaxException error(
      Token t, String headline, List<String> expected, @Nullable String detail, Collection<String> candidates) {
    String suggestion = t.kind() == Token.Kind.WORD ? Suggestions.closest(t.text(), candidates) : null;
    return new NftSyntaxException(input, t.column(), t.text(), headline, expected, detail, suggestion);
  }

  private NftSyntaxException invalid(
      String text, int offset, String headline, @Nullable String detail, Collection<String> candidates) {
    return new NftSyntaxException(
        input, offset + 1, text, headline, List.of(), detail, Suggestions.closest(text, candidates));
  }

  /** {@code what} at {@code t} contradicts the protocol an earlier match limited the rule to. */
  private NftSyntaxException conflict(
      Token t, String what, @Nullable String why, String earlier, @Nullable Token earlierToken) {
    String where = earlierToken == null ? "" : " (\"" + earlierToken.text() + "\" at column " + earlierToken.column() + ")";
    return new NftSyntaxException(
        input, t.column(), t.text(), "\"" + what + "\" conflicts with " + earlier, List.of(),
        (why != null ? why + "; " : "") + "the rule already matches " + earlier + " packets only" + where,
        null);
  }

  private NftSyntaxException notInFamily(Token t, String what, String why) {
    return new NftSyntaxException(
        input, t.column(), t.text(),
        "\"" + what + "\" cannot be used in "
            + ("aeiou".indexOf(family.nftName().charAt(0)) >= 0 ? "an " : "a ") + family.nftName() + " table",
        List.of(), why, null);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        return true;
      }
    }
    return false;
  }
}

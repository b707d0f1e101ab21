package io.jnftables.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jnftables.annotations.Family;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Command;
import io.jnftables.model.Rule;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model (and its JSON) the parser builds for each supported construct. */
class RuleParserTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<Statement> parse(String text) {
    return RuleParser.parse(text, Family.INET);
  }

  /** The {@code expr} array JsonCodec writes for a rule with these statements. */
  static String json(List<Statement> statements) throws Exception {
    byte[] doc = JsonCodec.encode(List.of(Command.add(Rule.of(Family.INET, "t", "c", statements))));
    JsonNode expr = MAPPER.readTree(doc).get("nftables").get(0).get("add").get("rule").get("expr");
    return MAPPER.writeValueAsString(expr);
  }

  private static PayloadExpr tcpDport() {
    return new PayloadExpr("tcp", "dport");
  }

  private static Match eq(Expression left, Expression right) {
    return new Match(Operator.EQ, left, right);
  }

  private static StringLiteral s(String v) {
    return new StringLiteral(v);
  }

  private static NumberLiteral n(long v) {
    return new NumberLiteral(v);
  }

  @Test
  void tcpDportSetAcceptEncodesLikeNft() throws Exception {
    List<Statement> st = parse("tcp dport { 80, 443 } accept");
    assertEquals(List.of(eq(tcpDport(), new SetExpr(List.of(n(80), n(443)))), Verdict.ACCEPT), st);
    assertEquals(
        "[{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"tcp\",\"field\":\"dport\"}},"
            + "\"right\":{\"set\":[80,443]}}},{\"accept\":null}]",
        json(st));
  }

  // ------------------------------------------------------------------ interfaces and meta

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "iif \"lo\"            | iif     | lo",
        "iif lo                | iif     | lo",
        "iifname \"eth*\"      | iifname | eth*",
        "iifname eth0.100      | iifname | eth0.100",
        "oif \"wg0\"           | oif     | wg0",
        "oifname br-lan        | oifname | br-lan",
        "meta iifname \"lo\"   | iifname | lo",
        "meta oif lo           | oif     | lo",
        "iifname \"a b\"       | iifname | a b",
      })
  void interfaceMatches(String text, String key, String name) {
    assertEquals(List.of(eq(new MetaExpr(key), s(name))), parse(text));
  }

  @Test
  void interfaceSetAndNegation() throws Exception {
    assertEquals(
        List.of(eq(new MetaExpr("iifname"), new SetExpr(List.of(s("eth0"), s("lo"))))),
        parse("iifname { \"eth0\", lo }"));
    assertEquals(
        "[{\"match\":{\"op\":\"!=\",\"left\":{\"meta\":{\"key\":\"oifname\"}},\"right\":\"lo\"}}]",
        json(parse("oifname != lo")));
  }

  @ParameterizedTest
  @CsvSource({
    "meta l4proto tcp, tcp",
    "meta l4proto udp, udp",
    "meta l4proto icmpv6, ipv6-icmp",
  })
  void l4protoNamesAreCanonical(String text, String name) {
    assertEquals(List.of(eq(new MetaExpr("l4proto"), s(name))), parse(text));
  }

  @Test
  void l4protoNumbersStayNumbersAndSetsWork() throws Exception {
    // nft keeps numbers as written (it lists a known one back by name: 6 as "tcp")
    assertEquals(List.of(eq(new MetaExpr("l4proto"), n(99))), parse("meta l4proto 99"));
    assertEquals(List.of(eq(new MetaExpr("l4proto"), n(6))), parse("meta l4proto 6"));
    assertEquals(
        List.of(eq(new MetaExpr("l4proto"), new RangeExpr(n(33), n(45)))), parse("meta l4proto 33-45"));
    assertEquals(
        "[{\"match\":{\"op\":\"==\",\"left\":{\"meta\":{\"key\":\"l4proto\"}},\"right\":{\"set\":[\"tcp\",\"udp\"]}}}]",
        json(parse("meta l4proto { tcp, udp }")));
  }

  // ------------------------------------------------------------------ conntrack

  @Test
  void ctStateListIsInWithBareArray() throws Exception {
    List<Statement> st = parse("ct state established,related accept");
    assertEquals(
        List.of(
            new Match(Operator.IN, new CtExpr("state"), new ListExpr(List.of(s("established"), s("related")))),
            Verdict.ACCEPT),
        st);
    assertEquals(
        "[{\"match\":{\"op\":\"in\",\"left\":{\"ct\":{\"key\":\"state\"}},\"right\":[\"established\",\"related\"]}},"
            + "{\"accept\":null}]",
        json(st));
  }

  @Test
  void ctStateSingleIsInWithString() throws Exception {
    List<Statement> st = parse("ct state invalid drop");
    assertEquals(List.of(new Match(Operator.IN, new CtExpr("state"), s("invalid")), Verdict.DROP), st);
    assertEquals(
        "[{\"match\":{\"op\":\"in\",\"left\":{\"ct\":{\"key\":\"state\"}},\"right\":\"invalid\"}},{\"drop\":null}]",
        json(st));
  }

  @Test
  void ctStateListIsInKernelBitOrderWithoutDuplicates() {
    // what nft lists back for "ct state new,established,related,invalid,untracked,new"
    assertEquals(
        List.of(new Match(Operator.IN, new CtExpr("state"), new ListExpr(List.of(
            s("invalid"), s("established"), s("related"), s("new"), s("untracked"))))),
        parse("ct state new, established,related,invalid,untracked,new"));
    assertEquals(
        List.of(new Match(Operator.IN, new CtExpr("state"), s("new"))), parse("ct state new,new"));
  }

  @Test
  void ctStateSetAndExplicitOperators() {
    assertEquals(
        List.of(new Match(Operator.EQ, new CtExpr("state"), new SetExpr(List.of(s("related"), s("established"))))),
        parse("ct state { related, established }"));
    assertEquals(
        List.of(new Match(Operator.NE, new CtExpr("state"), new SetExpr(List.of(s("new"))))),
        parse("ct state != { new }"));
    assertEquals(List.of(new Match(Operator.NE, new CtExpr("state"), s("invalid"))), parse("ct state != invalid"));
    assertEquals(List.of(new Match(Operator.EQ, new CtExpr("state"), s("new"))), parse("ct state == new"));
  }

  // ------------------------------------------------------------------ ports

  @ParameterizedTest
  @CsvSource({
    "tcp dport 22, tcp, dport, 22",
    "udp sport 53, udp, sport, 53",
    "tcp dport 0, tcp, dport, 0",
    "tcp dport 65535, tcp, dport, 65535",
    "tcp dport ssh, tcp, dport, 22",
    "tcp dport http, tcp, dport, 80",
    "tcp dport https, tcp, dport, 443",
    "udp dport domain, udp, dport, 53",
    "udp sport ntp, udp, sport, 123",
  })
  void singlePorts(String text, String protocol, String field, long port) {
    assertEquals(List.of(eq(new PayloadExpr(protocol, field), n(port))), parse(text));
  }

  @ParameterizedTest
  @CsvSource({
    "tcp dport 1000-2000",
    "tcp dport 1000 - 2000",
    "tcp dport 1000 -2000",
    "tcp dport 1000- 2000",
  })
  void portRangesAnySpacing(String text) throws Exception {
    assertEquals(List.of(eq(tcpDport(), new RangeExpr(n(1000), n(2000)))), parse(text));
    assertEquals(
        "[{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"tcp\",\"field\":\"dport\"}},"
            + "\"right\":{\"range\":[1000,2000]}}}]",
        json(parse(text)));
  }

  @Test
  void portSetsMixNumbersNamesAndRanges() {
    assertEquals(
        List.of(eq(tcpDport(), new SetExpr(List.of(n(22), n(80), n(443))))),
        parse("tcp dport { ssh, http, https }"));
    assertEquals(
        List.of(eq(tcpDport(), new SetExpr(List.of(n(22), new RangeExpr(n(1000), n(2000)))))),
        parse("tcp dport {22,1000-2000,}"));
    assertEquals(
        List.of(new Match(Operator.NE, tcpDport(), new SetExpr(List.of(n(22), n(80))))),
        parse("tcp dport != { 22, 80 }"));
    assertEquals(List.of(eq(tcpDport(), new RangeExpr(n(22), n(22)))), parse("tcp dport 22-22"));
  }

  @ParameterizedTest
  @CsvSource({"<, LT", ">, GT", "<=, LE", ">=, GE", "==, EQ", "!=, NE"})
  void relationalOperatorsOnPorts(String op, Operator expected) {
    assertEquals(List.of(new Match(expected, tcpDport(), n(1024))), parse("tcp dport " + op + " 1024"));
  }

  // ------------------------------------------------------------------ addresses

  @ParameterizedTest
  @CsvSource({
    "ip saddr 10.0.0.1, ip, saddr, 10.0.0.1",
    "ip daddr 255.255.255.255, ip, daddr, 255.255.255.255",
    "ip saddr 10.0.0.1/32, ip, saddr, 10.0.0.1",
    "ip6 saddr ::1, ip6, saddr, ::1",
    "ip6 daddr 2001:DB8:0:0:0:0:0:1, ip6, daddr, 2001:db8::1",
    "ip6 daddr 2001:db8::1/128, ip6, daddr, 2001:db8::1",
    "ip6 saddr 1:0:0:1:0:0:0:1, ip6, saddr, 1:0:0:1::1",
    "ip6 saddr ::ffff:1.2.3.4, ip6, saddr, ::ffff:1.2.3.4",
    "ip6 saddr ::1.2.3.4, ip6, saddr, ::1.2.3.4",
    "ip6 saddr fe80:0:0:0:0:0:0:0, ip6, saddr, fe80::",
    "ip6 saddr ::, ip6, saddr, ::",
  })
  void plainAddressesAreCanonical(String text, String protocol, String field, String address) {
    assertEquals(List.of(eq(new PayloadExpr(protocol, field), s(address))), parse(text));
  }

  @ParameterizedTest
  @CsvSource({
    "ip daddr 10.0.0.0/8, ip, 10.0.0.0, 8",
    "ip daddr 10.0.0.1/8, ip, 10.0.0.0, 8",
    "ip daddr 192.168.77.200/26, ip, 192.168.77.192, 26",
    "ip daddr 0.0.0.0/0, ip, 0.0.0.0, 0",
    "ip6 daddr 2001:db8::/32, ip6, 2001:db8::, 32",
    "ip6 daddr 2001:db8::1/32, ip6, 2001:db8::, 32",
    "ip6 daddr fe80::1:2:3:4/64, ip6, fe80::, 64",
  })
  void prefixesAreReducedToTheirNetwork(String text, String protocol, String network, int len) {
    assertEquals(
        List.of(eq(new PayloadExpr(protocol, "daddr"), new PrefixExpr(s(network), len))), parse(text));
  }

  @Test
  void addressSetsRangesAndNegation() throws Exception {
    List<Statement> st = parse("ip saddr { 10.0.0.1, 10.0.0.0/8 }");
    assertEquals(
        List.of(eq(new PayloadExpr("ip", "saddr"),
            new SetExpr(List.of(s("10.0.0.1"), new PrefixExpr(s("10.0.0.0"), 8))))),
        st);
    assertEquals(
        "[{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"ip\",\"field\":\"saddr\"}},"
            + "\"right\":{\"set\":[\"10.0.0.1\",{\"prefix\":{\"addr\":\"10.0.0.0\",\"len\":8}}]}}}]",
        json(st));
    assertEquals(
        List.of(new Match(Operator.NE, new PayloadExpr("ip", "saddr"), s("10.0.0.1"))),
        parse("ip saddr != 10.0.0.1"));
    assertEquals(
        List.of(eq(new PayloadExpr("ip", "saddr"), s("10.0.0.1"))), parse("ip saddr == 10.0.0.1"));
    assertEquals(
        List.of(eq(new PayloadExpr("ip", "saddr"), new RangeExpr(s("10.0.0.1"), s("10.0.0.5")))),
        parse("ip saddr 10.0.0.1-10.0.0.5"));
    assertEquals(
        List.of(eq(new PayloadExpr("ip6", "saddr"), new RangeExpr(s("::1"), s("::a")))),
        parse("ip6 saddr ::1 - ::A"));
  }

  // ------------------------------------------------------------------ statements and verdicts

  @Test
  void countersLogsAndVerdicts() throws Exception {
    assertEquals(List.of(Counter.NEW, Verdict.ACCEPT), parse("counter accept"));
    assertEquals(List.of(new Log(null), Verdict.DROP), parse("log drop"));
    assertEquals(List.of(new Log("text "), Counter.NEW, Verdict.DROP), parse("log prefix \"text \" counter drop"));
    assertEquals(List.of(new Log("nft")), parse("log prefix nft"));
    assertEquals(List.of(Reject.DEFAULT), parse("reject"));
    assertEquals(List.of(new Reject("tcp reset", null)), parse("reject with tcp reset"));
    assertEquals(List.of(Verdict.jump("other")), parse("jump other"));
    assertEquals(List.of(Verdict.goTo("other")), parse("goto other"));
    assertEquals(List.of(Verdict.RETURN), parse("return"));
    assertEquals(List.of(Verdict.CONTINUE), parse("continue"));
    assertEquals(
        "[{\"log\":{\"prefix\":\"text \"}},{\"counter\":null},{\"reject\":{\"type\":\"tcp reset\"}}]",
        json(parse("log prefix \"text \" counter reject with tcp reset")));
    assertEquals("[{\"jump\":{\"target\":\"other\"}}]", json(parse("jump other")));
  }

  @Test
  void rejectWithIcmpCodesAndCountersWithValues() throws Exception {
    assertEquals(List.of(new Reject("icmp", "host-unreachable")), parse("reject with icmp host-unreachable"));
    assertEquals(List.of(new Reject("icmp", "admin-prohibited")), parse("reject with icmp type admin-prohibited"));
    assertEquals(List.of(new Reject("icmpv6", "no-route")), parse("reject with icmpv6 no-route"));
    assertEquals(List.of(new Reject("icmpx", "port-unreachable")), parse("reject with icmpx port-unreachable"));
    assertEquals(
        "[{\"reject\":{\"type\":\"icmpx\",\"expr\":\"admin-prohibited\"}}]",
        json(parse("reject with icmpx admin-prohibited")));
    assertEquals(List.of(new Counter(2L, 1L)), parse("counter bytes 1 packets 2"));
    assertEquals("[{\"counter\":{\"packets\":0,\"bytes\":0}}]", json(parse("counter packets 0 bytes 0")));
  }

  @Test
  void aTypicalRuleInOrder() {
    assertEquals(
        List.of(
            eq(new MetaExpr("iifname"), s("eth0")),
            eq(new PayloadExpr("ip", "saddr"), new PrefixExpr(s("10.0.0.0"), 8)),
            eq(tcpDport(), n(22)),
            new Match(Operator.IN, new CtExpr("state"), s("new")),
            Counter.NEW,
            new Log("ssh "),
            Verdict.ACCEPT),
        parse("  iifname \"eth0\"\tip saddr 10.0.0.0/8 tcp dport ssh ct state new counter log prefix \"ssh \" accept  "));
  }

  @ParameterizedTest
  @CsvSource({"INET", "BRIDGE", "NETDEV", "IP"})
  void ipMatchesWhereIpv4IsSeen(Family family) {
    assertEquals(
        List.of(eq(new PayloadExpr("ip", "saddr"), s("1.2.3.4"))), RuleParser.parse("ip saddr 1.2.3.4", family));
  }

  @ParameterizedTest
  @CsvSource({"INET", "BRIDGE", "NETDEV", "IP6"})
  void ip6MatchesWhereIpv6IsSeen(Family family) {
    assertEquals(
        List.of(eq(new PayloadExpr("ip6", "saddr"), s("::1"))), RuleParser.parse("ip6 saddr ::1", family));
  }
}

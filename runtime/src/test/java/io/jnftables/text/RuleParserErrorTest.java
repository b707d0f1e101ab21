package io.jnftables.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jnftables.annotations.Family;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the parser refuses, and how it says so: column, token, expectation, hint. */
class RuleParserErrorTest {

  private static NftSyntaxException fail(String text) {
    return fail(text, Family.INET);
  }

  private static NftSyntaxException fail(String text, Family family) {
    return assertThrows(NftSyntaxException.class, () -> RuleParser.parse(text, family));
  }

  @Test
  void misspeltVerdictNamesTokenColumnExpectationsAndSuggestion() {
    NftSyntaxException e = fail("tcp dport 22 acept");
    assertEquals(14, e.column());
    assertEquals("acept", e.token());
    assertEquals("accept", e.suggestion());
    assertEquals("tcp dport 22 acept", e.input());
    assertEquals(RuleParser.STATEMENT_KEYWORDS, e.expected());
    assertEquals(
        "unexpected \"acept\" at column 14, expected one of: accept, drop, reject, jump, goto, return,"
            + " continue, counter, log, ct, meta, iif, iifname, oif, oifname, ip, ip6, tcp, udp"
            + " (did you mean \"accept\"?)",
        e.getMessage());
    assertEquals(
        e.getMessage() + "\n"
            + "    tcp dport 22 acept\n"
            + "                 ^^^^^",
        e.formatted());
  }

  @Test
  void unknownWordWithoutCloseKeywordHasNoSuggestion() {
    NftSyntaxException e = fail("ip saddr 10.0.0.1 foo");
    assertEquals(19, e.column());
    assertEquals("foo", e.token());
    assertNull(e.suggestion());
    assertEquals(true, e.getMessage().startsWith("unexpected \"foo\" at column 19, expected one of: accept, drop,"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // input                         | column | token       | suggestion
        "tpc dport 22                    | 1      | tpc         | tcp",
        "tcp dprot 22                    | 5      | dprot       | dport",
        "ip sadr 1.2.3.4                 | 4      | sadr        | saddr",
        "ct stat new                     | 4      | stat        | state",
        "ct state estabilshed            | 10     | estabilshed | established",
        "ct state new,relatd             | 14     | relatd      | related",
        "meta iffname lo                 | 6      | iffname     | iifname",
        "tcp dport shh                   | 11     | shh         | ssh",
        "tcp dport htps                  | 11     | htps        | https",
        "meta l4proto tpc                | 14     | tpc         | tcp",
        "log prefix \"x\" cuonter        | 16     | cuonter     | counter",
        "log prefx \"x\"                 | 5      | prefx       | prefix",
        "reject wiht tcp reset           | 8      | wiht        | with",
        "reject with icmp port-unreachabel | 18   | port-unreachabel | port-unreachable",
        "reject with icmpv7 no-route     | 13     | icmpv7      | icmpv6",
        "counter pakets 1                | 9      | pakets      | packets",
        "drop conter                     | 6      | conter      | ",
      })
  void didYouMean(String input, int column, String token, String suggestion) {
    NftSyntaxException e = fail(input);
    assertEquals(column, e.column(), e.getMessage());
    assertEquals(token, e.token(), e.getMessage());
    assertEquals(suggestion, e.suggestion(), e.getMessage());
  }

  @Test
  void nothingCanFollowAVerdict() {
    NftSyntaxException e = fail("ip saddr 10.0.0.1 accept counter");
    assertEquals(26, e.column());
    assertEquals("counter", e.token());
    assertEquals(List.of("end of rule"), e.expected());
    assertEquals(
        "unexpected \"counter\" at column 26, expected end of rule: nothing can follow a verdict"
            + " (\"accept\" at column 19)",
        e.getMessage());
    assertEquals(23, fail("reject with tcp reset accept").column());
    assertEquals("drop", fail("jump x drop").token());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "tcp dport 65536           | 11 | 65536  | invalid port \"65536\" at column 11: outside 0..65535",
        "tcp dport 99999999999     | 11 | 99999999999 | invalid port \"99999999999\" at column 11: outside 0..65535",
        "tcp dport 2000-1000       | 11 | 2000-1000 | invalid range \"2000-1000\" at column 11: the low end 2000 is above the high end 1000",
        "tcp dport 1000-70000      | 16 | 70000  | invalid port \"70000\" at column 16: outside 0..65535",
        "tcp dport 22x             | 11 | 22x    | invalid port \"22x\" at column 11: a port is a number 0..65535 or a service name",
        "tcp dport nosuch          | 11 | nosuch | unknown service \"nosuch\" at column 11: not in the built-in service table; write the port number",
        "ip saddr 10.0.0.256       | 10 | 10.0.0.256 | invalid IPv4 address \"10.0.0.256\" at column 10: octet 256 is outside 0..255",
        "ip saddr 10.0.0           | 10 | 10.0.0 | invalid IPv4 address \"10.0.0\" at column 10: an IPv4 address has four octets, found 3",
        "ip saddr 010.0.0.1        | 10 | 010.0.0.1 | invalid IPv4 address \"010.0.0.1\" at column 10: octet \"010\" has a leading zero (nft would read it as octal)",
        "ip saddr example.com      | 10 | example.com | invalid IPv4 address \"example.com\" at column 10: host names are not resolved; write an address",
        "ip saddr ::1              | 10 | ::1    | invalid IPv4 address \"::1\" at column 10: this looks like an IPv6 address; match it with ip6 saddr/daddr",
        "ip6 saddr 10.0.0.1        | 11 | 10.0.0.1 | invalid IPv6 address \"10.0.0.1\" at column 11: this looks like an IPv4 address; match it with ip saddr/daddr",
        "ip saddr 10.0.0.0/33      | 19 | 33     | invalid prefix length \"33\" at column 19: a prefix length is a number 0..32",
        "ip6 saddr ::/129          | 14 | 129    | invalid prefix length \"129\" at column 14: a prefix length is a number 0..128",
        "ip6 saddr 1::2::3         | 11 | 1::2::3 | invalid IPv6 address \"1::2::3\" at column 11: \"::\" may appear only once in an IPv6 address",
        "ip6 saddr 1:2:3:4:5:6:7   | 11 | 1:2:3:4:5:6:7 | invalid IPv6 address \"1:2:3:4:5:6:7\" at column 11: an IPv6 address without \"::\" has eight groups, found 7",
        "ip6 saddr 12345::         | 11 | 12345:: | invalid IPv6 address \"12345::\" at column 11: group \"12345\" has more than four hex digits",
        "ip saddr 10.0.0.5-10.0.0.1 | 10 | 10.0.0.5-10.0.0.1 | invalid range \"10.0.0.5-10.0.0.1\" at column 10: the low end is above the high end",
        "ip saddr 10.0.0.0/8-10.0.0.9 | 10 | 10.0.0.0/8 | invalid range bound \"10.0.0.0/8\" at column 10: the ends of a range are addresses, not prefixes",
        "meta l4proto 256          | 14 | 256    | invalid protocol number \"256\" at column 14: outside 0..255",
        "meta l4proto 10-300       | 17 | 300    | invalid protocol number \"300\" at column 17: outside 0..255",
        "meta l4proto foo          | 14 | foo    | unknown protocol \"foo\" at column 14: not in the built-in protocol table; write the protocol number",
        "iifname \"\"              | 9  | \"\"   | empty interface name at column 9",
        "iifname \"0123456789abcdef\" | 9 | \"0123456789abcdef\" | interface name \"0123456789abcdef\" too long at column 9: at most 15 bytes",
        "jump 9lives               | 6  | 9lives | invalid chain name \"9lives\" at column 6: it must start with a letter or '_'",
        "tcp dport < { 22 }        | 11 | <      | operator \"<\" not allowed here at column 11: it compares with a single port, not a set or range",
        "iifname < lo              | 9  | <      | operator \"<\" not allowed here at column 9: only == and != apply to an interface name",
      })
  void invalidValues(String input, int column, String token, String message) {
    NftSyntaxException e = fail(input);
    assertEquals(message, e.getMessage());
    assertEquals(column, e.column());
    assertEquals(token, e.token());
    assertEquals(input.substring(column - 1, column - 1 + token.length()), token);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "meta l4proto udp reject with tcp reset | 30 | tcp | \"tcp reset\" conflicts with udp at column 30: a TCP reset answers TCP packets only; the rule already matches udp packets only (\"meta\" at column 1)",
        "udp dport 53 reject with tcp reset     | 26 | tcp | \"tcp reset\" conflicts with udp at column 26: a TCP reset answers TCP packets only; the rule already matches udp packets only (\"udp\" at column 1)",
        "meta l4proto 1 reject with tcp reset   | 28 | tcp | \"tcp reset\" conflicts with icmp at column 28: a TCP reset answers TCP packets only; the rule already matches icmp packets only (\"meta\" at column 1)",
        "tcp dport 22 udp sport 53              | 14 | udp | \"udp\" conflicts with tcp at column 14: the rule already matches tcp packets only (\"tcp\" at column 1)",
        "meta l4proto tcp udp dport 53          | 18 | udp | \"udp\" conflicts with tcp at column 18: the rule already matches tcp packets only (\"meta\" at column 1)",
        "ip saddr 1.1.1.1 ip6 saddr ::1         | 18 | ip6 | \"ip6\" conflicts with ip at column 18: the rule already matches ip packets only (\"ip\" at column 1)",
        "ip6 saddr ::1 reject with icmp host-unreachable | 27 | icmp | \"icmp\" conflicts with ip6 at column 27: icmp answers ip packets only; the rule already matches ip6 packets only (\"ip6\" at column 1)",
        "ip daddr 1.1.1.1 reject with icmpv6 no-route    | 30 | icmpv6 | \"icmpv6\" conflicts with ip at column 30: icmpv6 answers ip6 packets only; the rule already matches ip packets only (\"ip\" at column 1)",
      })
  void conflictingProtocols(String input, int column, String token, String message) {
    NftSyntaxException e = fail(input);
    assertEquals(message, e.getMessage());
    assertEquals(column, e.column());
    assertEquals(token, e.token());
  }

  @Test
  void tcpResetAfterTcpOrUnknownProtocolIsFine() {
    for (String rule : List.of(
        "tcp dport 22 reject with tcp reset",
        "meta l4proto != udp reject with tcp reset",
        "meta l4proto 6 reject with tcp reset",
        "ip saddr 10.0.0.1 reject with tcp reset")) {
      List<io.jnftables.model.stmt.Statement> st = RuleParser.parse(rule, Family.INET);
      assertEquals(new io.jnftables.model.stmt.Reject("tcp reset", null), st.get(st.size() - 1), rule);
    }
  }

  @Test
  void logPrefixLongerThanNftAllows() {
    String prefix = "x".repeat(128);
    NftSyntaxException e = fail("log prefix \"" + prefix + "\"");
    assertEquals(12, e.column());
    assertEquals("log prefix too long at column 12: at most 127 bytes", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ip saddr 1.2.3.4     | IP6    | \"ip\" cannot be used in an ip6 table at column 1: an ip6 table sees IPv6 packets only; use ip6, or an inet table for both",
        "counter ip6 daddr ::1 | IP    | \"ip6\" cannot be used in an ip table at column 9: an ip table sees IPv4 packets only; use ip, or an inet table for both",
        "ip saddr 1.2.3.4     | ARP    | \"ip\" cannot be used in an arp table at column 1: arp tables see ARP packets only",
        "tcp dport 22         | ARP    | \"tcp\" cannot be used in an arp table at column 1: arp tables see ARP packets only",
        "reject               | ARP    | \"reject\" cannot be used in an arp table at column 1: arp tables cannot reject",
        "ct state new         | NETDEV | \"ct\" cannot be used in a netdev table at column 1: conntrack is not available to netdev tables",
        "reject with icmpx no-route | IP | \"icmpx\" cannot be used in an ip table at column 13: use icmp in ip tables; icmpx is for inet, bridge and netdev",
        "reject with icmp host-unreachable | IP6 | \"icmp\" cannot be used in an ip6 table at column 13: use icmpv6 in ip6 tables",
        "reject with icmpv6 no-route | IP | \"icmpv6\" cannot be used in an ip table at column 13: use icmp in ip tables",
      })
  void protocolsTheFamilyCannotSee(String input, Family family, String message) {
    assertEquals(message, fail(input, family).getMessage());
  }

  @Test
  void endOfInputAndPunctuation() {
    NftSyntaxException empty = fail("   ");
    assertEquals(4, empty.column());
    assertEquals("", empty.token());
    assertEquals(
        "unexpected end of input at column 4, expected one of: " + String.join(", ", RuleParser.STATEMENT_KEYWORDS)
            + ": a rule needs at least one statement",
        empty.getMessage());

    NftSyntaxException missing = fail("tcp dport");
    assertEquals(10, missing.column());
    assertEquals(
        "unexpected end of input at column 10, expected a port number or service name", missing.getMessage());

    NftSyntaxException keyword = fail("tcp dport accept");
    assertEquals(11, keyword.column());
    assertEquals("unexpected \"accept\" at column 11, expected a port number or service name", keyword.getMessage());

    NftSyntaxException semicolon = fail("tcp dport 22; accept");
    assertEquals(13, semicolon.column());
    assertEquals(";", semicolon.token());

    NftSyntaxException emptySet = fail("tcp dport { }");
    assertEquals(13, emptySet.column());
    assertEquals(
        "unexpected \"}\" at column 13, expected a port number or service name: an anonymous set needs at least one element",
        emptySet.getMessage());

    // nft flattens a set nested in an anonymous set (ip saddr { { 1.1.1.0, 3.3.3.0 }, 2.2.2.0 })
    assertEquals(1, RuleParser.parse("tcp dport { 22, { 80 } }", Family.INET).size());

    NftSyntaxException separator = fail("tcp dport { 22 80 }");
    assertEquals(16, separator.column());
    assertEquals(List.of(",", "}"), separator.expected());

    NftSyntaxException unterminated = fail("iifname \"eth0 accept");
    assertEquals(9, unterminated.column());
    assertEquals("unterminated string at column 9: a string starts with \" and ends with the next \"",
        unterminated.getMessage());

    NftSyntaxException range = fail("tcp dport 1000 -");
    assertEquals(17, range.column());
    assertEquals("a range needs its high end", range.detail());
  }

  @Test
  void formattedShowsControlCharactersAsSpaces() {
    NftSyntaxException e = fail("counter\n\tfoo");
    assertEquals(2, e.line());
    assertEquals(2, e.column());
    assertEquals(9, e.offset());
    assertEquals(e.getMessage() + "\n     foo\n     ^^^", e.formatted());
  }

  @Test
  void suggestionsUseTranspositionAwareDistance() {
    assertEquals(1, Suggestions.distance("tpc", "tcp"));
    assertEquals(1, Suggestions.distance("acept", "accept"));
    assertEquals(2, Suggestions.distance("acpt", "accept"));
    assertEquals("accept", Suggestions.closest("acpt", RuleParser.STATEMENT_KEYWORDS));
    assertNull(Suggestions.closest("foo", RuleParser.STATEMENT_KEYWORDS));
    assertNull(Suggestions.closest("xyz", List.of("abc")));
  }
}

package io.jnftables.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.batch.Batch;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.CtHelper;
import io.jnftables.model.NamedCounter;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NftObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Selector;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Nat;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.TextStatement;
import io.jnftables.model.stmt.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public text API: rules, files, printing, errors with lines, and the model's delegations. */
class NftTextTest {

  // ------------------------------------------------------------------ rules

  @Test
  void ruleTextKeepsTheSpellingNftsJsonTakesAndPrintsAsNftLists() {
    List<Statement> st = NftText.parseRule("tcp dport { ssh, 443 } meta mark 0x10 counter accept", Family.INET);
    assertEquals(List.of(
        Match.eq(new PayloadExpr("tcp", "dport"), new SetExpr(List.of(new StringLiteral("ssh"), new NumberLiteral(443)))),
        Match.eq(new MetaExpr("mark"), new NumberLiteral(16)),
        Counter.NEW,
        Verdict.ACCEPT), st);
    assertEquals("tcp dport { ssh, 443 } meta mark 0x00000010 counter accept", NftText.print(st));
    // the resolved form the annotation processor uses
    assertEquals(new SetExpr(List.of(new NumberLiteral(22), new NumberLiteral(443))),
        ((Match) RuleParser.parse("tcp dport { ssh, 443 } accept", Family.INET).get(0)).right());
  }

  @Test
  void natInAnInetTableTakesTheFamilyOfAnEarlierMatch() {
    List<Statement> st = NftText.parseRule("ip saddr 10.0.0.1 tcp dport 80 dnat to 192.168.1.1:8080", Family.INET);
    Nat nat = (Nat) st.get(2);
    assertEquals("ip", nat.family());
    assertEquals(new StringLiteral("192.168.1.1"), nat.address());
    assertEquals(new NumberLiteral(8080), nat.port());
    NftSyntaxException e =
        assertThrows(NftSyntaxException.class, () -> NftText.parseRule("dnat to 1.2.3.4", Family.INET));
    assertTrue(e.getMessage().contains("needs ip or ip6 in an inet table"), e.getMessage());
  }

  @Test
  void schemaChecksSetAndObjectReferences() {
    Schema schema = Schema.of(List.of(new Schema.SetInfo("blocked", List.of("ipv4_addr"), null, List.of())),
        java.util.Map.of("c1", "counter"));
    assertEquals(2, NftText.parseRule("ip saddr @blocked counter name \"c1\"", Family.IP, schema).size());
    NftSyntaxException wrongType = assertThrows(NftSyntaxException.class,
        () -> NftText.parseRule("ip6 saddr @blocked drop", Family.INET, schema));
    assertTrue(wrongType.getMessage().contains("@blocked holds ipv4_addr"), wrongType.getMessage());
    NftSyntaxException missing = assertThrows(NftSyntaxException.class,
        () -> NftText.parseRule("ip saddr @nosuch drop", Family.IP, schema));
    assertTrue(missing.getMessage().startsWith("no set or map named \"nosuch\""), missing.getMessage());
    // without a schema, references are taken on trust
    assertEquals(2, NftText.parseRule("ip saddr @nosuch drop", Family.IP).size());
  }

  @Test
  void ruleWithCommentThroughTheModelsParse() {
    Rule r = Rule.parse(Family.INET, "filter", "input", "tcp dport 22 accept comment \"ssh\"");
    assertEquals("ssh", r.comment());
    assertEquals(2, r.statements().size());
    assertEquals("rule inet filter input tcp dport 22 accept comment \"ssh\"", r.toString());
    assertEquals("tcp dport 22 accept comment \"ssh\"", NftText.print(r));
  }

  @Test
  void everyCorpusRulePrintsToTextThatParsesBackTheSame() {
    int checked = 0;
    List<String> differing = new ArrayList<>();
    for (Corpus.Line line : Corpus.lines()) {
      if (!line.ok()) {
        continue;
      }
      for (Family f : line.families()) {
        String printed = NftText.print(NftText.parseRule(line.rule(), f), f);
        String again = NftText.print(NftText.parseRule(printed, f), f);
        if (!again.equals(printed)) {
          differing.add(line.rule() + " -> " + printed + " -> " + again);
        }
        checked++;
      }
    }
    assertTrue(checked > 4500, "checked " + checked);
    assertEquals(List.of(), differing);
  }

  // ------------------------------------------------------------------ files

  private static final String FILE = String.join("\n",
      "#!/usr/sbin/nft -f",
      "define lan = { 10.0.0.0/8, 192.168.0.0/16 }",
      "flush ruleset",
      "table inet filter {",
      "\tcounter c1 { packets 1 bytes 2 }",
      "\tset blocked {",
      "\t\ttype ipv4_addr",
      "\t\tflags interval",
      "\t\telements = { 1.2.3.0/24,",
      "\t\t\t     5.6.7.8 }",
      "\t}",
      "\tchain input {",
      "\t\ttype filter hook input priority filter - 5; policy drop;",
      "\t\tip saddr $lan tcp dport 22 counter name \"c1\" jump ssh",
      "\t\tip saddr @blocked drop comment \"blocked\"",
      "\t}",
      "\tchain ssh {",
      "\t\taccept",
      "\t}",
      "}",
      "add rule inet filter ssh log prefix \"ssh \"",
      "");

  @Test
  void aFileBecomesOneBatchChainsFirstRulesLast() {
    Batch b = NftText.parseRuleset(FILE);
    List<String> shape = new ArrayList<>();
    for (Command c : b.commands()) {
      NftObject o = c.object();
      shape.add(c.verb().jsonName() + " " + o.getClass().getSimpleName());
    }
    assertEquals(List.of("flush Selector", "add Table", "add Chain", "add Chain", "add NamedCounter", "add NamedSet",
        "add Rule", "add Rule", "add Rule", "add Rule"), shape);
    assertEquals(Selector.RULESET, b.commands().get(0).object());
    Chain input = (Chain) b.commands().get(2).object();
    assertEquals(new BaseChain(ChainType.FILTER, Hook.INPUT, -5, Policy.DROP, List.of()), input.base());
    NamedSet blocked = (NamedSet) b.commands().get(5).object();
    assertEquals(List.of("interval"), blocked.flags());
    assertEquals(2, blocked.elements().size());
    Rule first = (Rule) b.commands().get(6).object();
    assertInstanceOf(SetExpr.class, ((Match) first.statements().get(0)).right(), "the variable's set");
    assertEquals("blocked", ((Rule) b.commands().get(7).object()).comment());
    assertEquals(new NamedCounter(Family.INET, "filter", "c1", null, 1L, 2L, null), b.commands().get(4).object());
  }

  @Test
  void aBatchPrintsAsAScriptThatParsesBackToTheSameBatch() {
    Batch b = NftText.parseRuleset(FILE);
    String script = NftText.print(b);
    assertTrue(script.startsWith("flush ruleset\nadd table inet filter\nadd chain inet filter input { type filter"
        + " hook input priority -5; policy drop; }\n"), script);
    assertEquals(b, NftText.parseRuleset(script));
    assertEquals(script, b.toString());
    assertEquals(b, Batch.parse(FILE));
    JsonCodec.encode(b.commands()); // and it encodes
  }

  /**
   * Command lines for ct objects name the kind in two words before the family ({@code add ct
   * helper ip filter h { … }}, as the printer writes them); the parser read the family first and
   * refused them, so a batch with ct objects printed as a script that did not parse back.
   */
  @Test
  void ctObjectCommandLinesParseBack() {
    String file = String.join("\n", "table ip filter {", "\tct helper h {", "\t\ttype \"sip\" protocol tcp",
        "\t\tl3proto ip", "\t}", "", "\tct timeout t {", "\t\tprotocol tcp", "\t\tl3proto ip",
        "\t\tpolicy = { established : 100 }", "\t}", "", "\tct expectation e {", "\t\tprotocol tcp", "\t\tdport 666",
        "\t\ttimeout 100ms", "\t\tsize 96", "\t\tl3proto ip", "\t}", "}", "");
    Batch b = NftText.parseRuleset(file);
    String script = NftText.print(b);
    assertTrue(script.contains("\nadd ct helper ip filter h { type \"sip\" protocol tcp; l3proto ip; }\n"), script);
    assertEquals(b, NftText.parseRuleset(script));
    Batch lines = NftText.parseRuleset("delete ct helper ip filter h\nlist ct timeout ip filter t\n"
        + "delete ct expectation ip filter handle 7\nadd ct helper filter h2\n");
    assertEquals(List.of(Verb.DELETE, Verb.LIST, Verb.DELETE, Verb.ADD),
        lines.commands().stream().map(Command::verb).toList());
    assertEquals("h", ((CtHelper) lines.commands().get(0).object()).name());
    assertEquals(Family.IP, ((CtHelper) lines.commands().get(3).object()).family());
  }

  @Test
  void fileErrorsGiveLineColumnCaretAndSuggestion() {
    NftSyntaxException e = assertThrows(NftSyntaxException.class, () -> NftText.parseRuleset(
        "table ip t {\n\tchain c {\n\t\ttcp dport 22 acept\n\t}\n}\n"));
    assertEquals(3, e.line());
    assertEquals(16, e.column());
    assertEquals("accept", e.suggestion());
    assertTrue(e.getMessage().startsWith("unexpected \"acept\" at line 3, column 16, expected one of: accept, drop,"),
        e.getMessage());
    assertEquals(e.getMessage() + "\n      tcp dport 22 acept\n                   ^^^^^", e.formatted());

    NftSyntaxException variable = assertThrows(NftSyntaxException.class, () -> NftText.parseRuleset(
        "define ports = { 22, 80 }\ntable ip t {\n\tchain c {\n\t\ttcp dport $prots accept\n\t}\n}\n"));
    assertEquals(4, variable.line());
    assertEquals("ports", variable.suggestion());
    assertTrue(variable.getMessage().startsWith("unknown variable \"$prots\" at line 4, column 13"),
        variable.getMessage());

    NftSyntaxException hook = assertThrows(NftSyntaxException.class, () -> NftText.parseRuleset(
        "table ip t {\n\tchain c {\n\t\ttype filter hook inptu priority 0;\n\t}\n}\n"));
    assertEquals("input", hook.suggestion());
    assertEquals(3, hook.line());

    NftSyntaxException prio = assertThrows(NftSyntaxException.class, () -> NftText.parseRuleset(
        "table ip t { chain c { type filter hook input priority dstnat; } }"));
    assertTrue(prio.getMessage().startsWith("unknown priority \"dstnat\""), prio.getMessage());
  }

  @Test
  void anonymousChainsAreKeptAsNftText() {
    List<Statement> st = NftText.parseRule("tcp dport 22 jump { counter accept; log drop }", Family.INET);
    assertEquals(new TextStatement("jump { counter accept; log drop }"), st.get(1));
    assertThrows(NftSyntaxException.class, () -> NftText.parseRule("jump { counter acept }", Family.INET));
  }

  /**
   * Was kept as the text {@code "$"} (the chain's text was cut out of the input, where only the
   * variable's use is written), so the batch printed as {@code add rule ip t c $}.
   */
  @Test
  void anAnonymousChainFromAVariableIsKeptAsItsValue() {
    String text = "define ok = jump { counter\naccept }\ndefine v = accept\n"
        + "table ip t {\n\tchain c {\n\t\t$ok\n\t\tjump { counter; $v }\n\t\tjump { log; accept }\n\t}\n}\n";
    Batch b = NftText.parseRuleset(text);
    String script = NftText.print(b);
    // a value spans lines inside braces: its line break is a space
    assertEquals(String.join("\n", "add table ip t", "add chain ip t c", "add rule ip t c jump { counter accept }",
        "add rule ip t c jump { counter ; accept }", "add rule ip t c jump { log; accept }", ""), script);
    assertEquals(b, NftText.parseRuleset(script));
  }

  // ------------------------------------------------------------------ listings

  @Test
  void aListingPrintsAsNftListRulesetDoes() {
    Ruleset listing = new Ruleset(List.of(
        new Table(Family.INET, "filter", 1L),
        NamedSet.set(Family.INET, "filter", "ports", List.of("inet_service"), List.of()).withElements(List.of(
            new NumberLiteral(1), new NumberLiteral(2), new NumberLiteral(3), new NumberLiteral(4), new NumberLiteral(5),
            new NumberLiteral(6))),
        new Chain(Family.INET, "filter", "input", new BaseChain(ChainType.FILTER, Hook.INPUT, 10, Policy.ACCEPT, List.of()), 1L),
        new Chain(Family.INET, "filter", "fwd", new BaseChain(ChainType.NAT, Hook.FORWARD, -100, Policy.ACCEPT, List.of()), 2L),
        new Rule(Family.INET, "filter", "input", List.of(Match.eq(new PayloadExpr("tcp", "dport"),
            new io.jnftables.model.expr.SetReference("ports")), Verdict.ACCEPT), 3L, null)));
    String expected = String.join("\n",
        "table inet filter {",
        "\tset ports {",
        "\t\ttype inet_service",
        "\t\telements = { 1, 2, 3, 4, 5,",
        "\t\t\t     6 }",
        "\t}",
        "",
        "\tchain input {",
        "\t\ttype filter hook input priority filter + 10; policy accept;",
        "\t\ttcp dport @ports accept",
        "\t}",
        "",
        "\tchain fwd {",
        "\t\ttype nat hook forward priority -100; policy accept;",
        "\t}",
        "}",
        "");
    assertEquals(expected, NftText.print(listing));
    assertEquals(expected, listing.toString());
    assertEquals("chain inet filter input { type filter hook input priority filter + 10; policy accept; } # handle 1",
        listing.chains().get(0).toString());
  }

  @Test
  void priorityNamesPerFamilyAndHook() {
    assertEquals("dstnat - 10", Priorities.print(-110, Family.IP, Hook.PREROUTING));
    assertEquals("-110", Priorities.print(-110, Family.IP, Hook.INPUT));
    assertEquals("out", Priorities.print(100, Family.BRIDGE, Hook.OUTPUT));
    assertEquals("-289", Priorities.print(-289, Family.IP, Hook.PREROUTING));
    assertEquals(Integer.valueOf(-300), Priorities.value("raw", Family.INET, Hook.PREROUTING));
    assertNull(Priorities.value("raw", Family.NETDEV, Hook.INGRESS));
    assertEquals(Integer.valueOf(0), Priorities.value("filter", Family.NETDEV, Hook.INGRESS));
  }

  @Test
  void matchOperatorsPrintAsNftDoes() {
    assertEquals("ct state established,related accept",
        NftText.print(NftText.parseRule("ct state established,related accept", Family.INET)));
    assertEquals("tcp flags == syn", NftText.print(List.of(new Match(Operator.EQ, new PayloadExpr("tcp", "flags"),
        new StringLiteral("syn")))));
    assertEquals("tcp flags syn / fin,syn,rst,ack",
        NftText.print(NftText.parseRule("tcp flags & (fin | syn | rst | ack) == syn", Family.INET)));
    assertEquals("reject", NftText.print(NftText.parseRule("reject with icmp port-unreachable", Family.IP), Family.IP));
    assertEquals("reject with icmp port-unreachable",
        NftText.print(NftText.parseRule("reject with icmp port-unreachable", Family.INET), Family.INET));
    assertEquals("ct expiration 3m53s", NftText.print(NftText.parseRule("ct expiration 233", Family.INET)));
  }

  @Test
  void verbsOfCommandLines() {
    Batch b = NftText.parseRuleset(String.join("\n",
        "add table ip t",
        "add chain ip t c",
        "insert rule ip t c position 4 counter",
        "replace rule ip t c handle 5 drop",
        "delete rule ip t c handle 6",
        "rename chain ip t c d",
        "delete table ip t"));
    List<Verb> verbs = b.commands().stream().map(Command::verb).toList();
    assertEquals(List.of(Verb.ADD, Verb.ADD, Verb.INSERT, Verb.REPLACE, Verb.DELETE, Verb.RENAME, Verb.DELETE), verbs);
    assertEquals(4L, ((Rule) b.commands().get(2).object()).handle());
    assertEquals(b, NftText.parseRuleset(NftText.print(b)));
  }
}

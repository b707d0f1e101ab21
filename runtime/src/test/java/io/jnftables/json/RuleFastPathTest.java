package io.jnftables.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.model.Command;
import io.jnftables.model.DocumentItem;
import io.jnftables.model.Rule;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.CtExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Notrack;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The raw-fragment path for common rules writes exactly the bytes of the token-by-token path. */
class RuleFastPathTest {

  private static void assertSameBytes(List<? extends DocumentItem> items) {
    byte[] fast = JsonCodec.encodeItems(items, true);
    byte[] generic = JsonCodec.encodeItems(items, false);
    assertArrayEquals(generic, fast,
        () -> "fast path differs:\n  generic " + new String(generic, StandardCharsets.UTF_8)
            + "\n  fast    " + new String(fast, StandardCharsets.UTF_8));
  }

  private static Command add(Rule r) {
    return new Command(Verb.ADD, r);
  }

  private static Rule rule(String table, String chain, Statement... s) {
    return Rule.of(Family.INET, table, chain, List.of(s));
  }

  @Test
  void commonRulesAndTheirNeighbours() {
    PayloadExpr saddr = new PayloadExpr("ip", "saddr");
    PayloadExpr dport = new PayloadExpr("tcp", "dport");
    List<DocumentItem> items = new ArrayList<>();
    items.add(new Command(Verb.ADD, Table.of(Family.INET, "t")));
    for (int i = 0; i < 50; i++) {
      items.add(add(rule("t", "c", Match.eq(saddr, new StringLiteral("10.0." + i + ".1")),
          Match.eq(dport, new NumberLiteral(i)), Counter.NEW, Verdict.ACCEPT)));
    }
    // header changes: other chain, other table, other verb, back again
    items.add(add(rule("t", "d", Verdict.DROP)));
    items.add(add(rule("u", "d", Verdict.DROP)));
    items.add(new Command(Verb.INSERT, rule("u", "d", Notrack.INSTANCE, Verdict.RETURN)));
    items.add(add(rule("t", "c", Verdict.DROP)));
    // every operator, negative numbers, meta and ct selectors
    for (Operator op : Operator.values()) {
      items.add(add(rule("t", "c", new Match(op, new MetaExpr("mark"), new NumberLiteral(-5)))));
      items.add(add(rule("t", "c", new Match(op, new CtExpr("state", null, null), new StringLiteral("new")))));
    }
    // strings that need escaping, and non-ASCII: the general path takes them
    for (String s : List.of("a\"b", "a\\b", "tab\there", "\u0001", "é", "日本", "😀", "/", "")) {
      items.add(add(rule("t", "c", Match.eq(new MetaExpr("iifname"), new StringLiteral(s)), Verdict.ACCEPT)));
    }
    // rules outside the fast shapes, between fast ones
    items.add(add(new Rule(Family.INET, "t", "c", List.of(Verdict.ACCEPT), 7L, null, null)));
    items.add(add(new Rule(Family.INET, "t", "c", List.of(Verdict.ACCEPT), null, "say \"hi\"", null)));
    items.add(add(new Rule(Family.INET, "t", "c", List.of(Verdict.ACCEPT), null, null, 0)));
    items.add(add(rule("t", "c", new Counter(1L, 2L), Verdict.jump("x"))));
    items.add(add(rule("t", "c")));
    items.add(add(rule("t", "c", Match.eq(saddr, new StringLiteral("10.0.0.9")), Verdict.ACCEPT)));
    assertSameBytes(items);
  }

  /** Every statement list of the nftables corpus, as rules: the same bytes both ways. */
  @Test
  void everyCorpusBlockAsARule() throws IOException {
    Path py = Conformance.require("py");
    List<DocumentItem> items = new ArrayList<>();
    for (Path file : CorpusConformanceTest.files(py)) {
      for (CorpusConformanceTest.Block b : CorpusConformanceTest.blocks(file)) {
        items.add(add(Rule.of(Family.INET, "t", "c", JsonCodec.decodeStatements(b.json()))));
      }
    }
    assertTrue(items.size() > 1900, "read " + items.size() + " blocks");
    assertSameBytes(items);
  }

  @Test
  void encodeUsesTheFastPathAndStaysValidJson() throws IOException {
    List<Command> commands = List.of(
        add(rule("t", "c", Match.eq(new PayloadExpr("ip", "saddr"), new StringLiteral("10.0.0.1")), Verdict.ACCEPT)),
        add(rule("t", "c", Verdict.DROP)));
    String json = JsonCodec.encodeToString(commands);
    assertEquals(commands, JsonCodec.decodeCommands(json));
  }
}

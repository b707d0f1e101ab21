package io.jnftables.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Ruleset;
import io.jnftables.model.stmt.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs {@link ParserFuzzTest} found, minimised: text nested or expanded far beyond any real
 * ruleset is refused with a syntax error that points at where the limit was crossed, instead of
 * overflowing the stack or exhausting memory; text just within the limits still parses, encodes
 * and prints.
 */
class ParserLimitsTest {
  private static final int LIMIT = Cursor.MAX_NESTING;

  /** Was a StackOverflowError: each anonymous chain recursed into the statement parser. */
  @Test
  void anonymousChainsNestedThousandsDeepAreASyntaxError() {
    String text = "jump { ".repeat(20_000) + "accept" + " }".repeat(20_000);
    NftSyntaxException e = assertThrows(NftSyntaxException.class, () -> NftText.parseRule(text, Family.INET));
    assertTooDeep(e, text, "jump { ".length() * LIMIT + "jump ".length());
  }

  /** The same inside a listing, as the fuzzer found it (a chain of an nft -a listing). */
  @Test
  void aListingWithAChainNestedThousandsDeepIsASyntaxError() {
    String text = "table ip t { # handle 1\n\tchain c1 { # handle 2\n\t\tmasquerade # handle 3\n"
        + "jump { ".repeat(5_000) + " }".repeat(5_000) + "\n\t}\n}\n";
    NftSyntaxException e = assertThrows(NftSyntaxException.class, () -> NftText.parseListing(text));
    assertEquals("nested too deeply", e.headline());
    assertEquals(4, e.line());
  }

  @Test
  void parenthesesSetsAndOperatorChainsThousandsDeepAreASyntaxError() {
    for (String text : List.of(
        "meta mark " + "(".repeat(10_000) + "1" + ")".repeat(10_000),
        "meta mark set " + "(".repeat(10_000) + "1" + ")".repeat(10_000),
        "ip saddr " + "(".repeat(10_000) + "ip daddr" + ")".repeat(10_000),
        "tcp dport " + "{ ".repeat(10_000) + "22" + " }".repeat(10_000),
        "meta mark " + "1 | ".repeat(10_000) + "1",
        "meta mark set meta mark " + "& 1 ".repeat(10_000),
        "meta mark set " + "1 ^ ".repeat(10_000) + "1")) {
      NftSyntaxException e = assertThrows(NftSyntaxException.class, () -> NftText.parseRule(text, Family.INET),
          text.substring(0, 40));
      assertEquals("nested too deeply", e.headline(), e.getMessage());
      assertTrue(e.offset() > 0 && e.offset() < text.length() && text.startsWith(e.token(), e.offset()), e.getMessage());
    }
  }

  /** At the limit the tree is as deep as the parser allows: it still encodes to JSON and prints. */
  @Test
  void aChainOfOperatorsJustWithinTheLimitParsesEncodesAndPrints() {
    String text = "meta mark set meta mark" + " | 1".repeat(LIMIT);
    List<Statement> st = NftText.parseRule(text, Family.INET);
    assertTrue(JsonCodec.encodeStatements(st).length() > LIMIT * 10);
    assertTrue(NftText.print(st).startsWith("meta mark set meta mark | 0x00000001"), NftText.print(st));
    String deeper = text + " | 1";
    assertEquals("nested too deeply",
        assertThrows(NftSyntaxException.class, () -> NftText.parseRule(deeper, Family.INET)).headline());
    String chains = "jump { ".repeat(LIMIT) + "accept" + " }".repeat(LIMIT);
    assertEquals(1, NftText.parseRule(chains, Family.INET).size());
  }

  /** What the parser takes at its limit, the JSON decoder reads back: the two limits agree. */
  @Test
  void theDeepestTextEncodesToJsonThatDecodes() {
    for (String text : List.of(
        "meta mark set meta mark" + " | 1".repeat(LIMIT),
        "meta mark " + "{ ".repeat(LIMIT) + "1" + " }".repeat(LIMIT))) {
      List<Statement> st = NftText.parseRule(text, Family.INET);
      String json = JsonCodec.encodeStatements(st);
      assertEquals(json, JsonCodec.encodeStatements(JsonCodec.decodeStatements(json)), text.substring(0, 30));
    }
  }

  /**
   * Was an out-of-memory hang: each value holds two uses of the one before, so the 32nd asks for
   * 2^31 tokens. The expansion has a budget linear in the text's size.
   */
  @Test
  void variablesThatDoubleWithEachDefinitionAreRefusedQuickly() {
    StringBuilder sb = new StringBuilder("define v0 = 1\n");
    for (int i = 1; i <= 40; i++) {
      sb.append("define v").append(i).append(" = { $v").append(i - 1).append(", $v").append(i - 1).append(" }\n");
    }
    sb.append("table ip t {\n\tchain c {\n\t\tip saddr $v40 accept\n\t}\n}\n");
    String text = sb.toString();
    NftSyntaxException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThrows(NftSyntaxException.class, () -> NftText.parseRuleset(text)));
    assertEquals("variables expand too much", e.headline());
    assertTrue(text.startsWith("$v", e.offset()), e.getMessage());
    assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThrows(NftSyntaxException.class, () -> NftText.parseListing(text)));
  }

  /** A few doublings stay within the budget: what a real file does with variables still works. */
  @Test
  void variablesUsedInEachOtherWithinTheBudgetExpand() {
    String text = "define a = { 10.0.0.1, 10.0.0.2 }\ndefine b = { $a, $a }\ndefine c = { $b, $b }\n"
        + "table ip t {\n\tchain c {\n\t\tip saddr $c accept\n\t}\n}\n";
    Batch b = NftText.parseRuleset(text);
    assertTrue(NftText.print(b).contains("ip saddr { { { 10.0.0.1, 10.0.0.2 }, { 10.0.0.1, 10.0.0.2 } }, "),
        NftText.print(b));
    Ruleset listed = NftText.parseListing(text);
    assertEquals(3, listed.objects().size());
  }

  /**
   * Was a 10-second parse: the key of a map written without spaces ({@code ::1:accept}) is split
   * at each colon in turn, and each try parsed the word again (quadratic in its length).
   */
  @Test
  void aVeryLongWordIsRefusedWhereItStarts() {
    String text = "ip6 saddr vmap { 1234::1234:1234:12" + ":".repeat(100_000) + "34:1234:1234:1234 : accept}";
    NftSyntaxException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> assertThrows(NftSyntaxException.class, () -> NftText.parseRule(text, Family.IP6)));
    assertEquals("word too long", e.headline());
    assertEquals("ip6 saddr vmap { ".length(), e.offset());
    assertTrue(text.startsWith(e.token(), e.offset()));
    String dashes = "tcp dport { " + "1-".repeat(50_000) + "1 } accept";
    assertEquals("word too long", assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> assertThrows(NftSyntaxException.class, () -> NftText.parseRule(dashes, Family.INET))).headline());
  }

  /** Up to the limit a word is read, and refused for what it is. */
  @Test
  void aWordAtTheLimitIsReadAsAWord() {
    String name = "c".repeat(Lexer.MAX_WORD);
    NftSyntaxException e = assertThrows(NftSyntaxException.class, () -> NftText.parseRule("jump " + name, Family.INET));
    assertTrue(!e.headline().equals("word too long"), e.getMessage());
    String value = "1-".repeat(Lexer.MAX_WORD / 2 - 1) + "1";
    e = assertThrows(NftSyntaxException.class, () -> NftText.parseRule("tcp dport " + value, Family.INET));
    assertTrue(!e.headline().equals("word too long"), e.getMessage());
  }

  private static void assertTooDeep(NftSyntaxException e, String text, int offset) {
    assertEquals("nested too deeply", e.headline(), e.getMessage());
    assertEquals(offset, e.offset(), e.getMessage());
    assertEquals("{", e.token());
    assertTrue(text.startsWith(e.token(), e.offset()));
    assertEquals(offset + 1, e.column());
  }
}

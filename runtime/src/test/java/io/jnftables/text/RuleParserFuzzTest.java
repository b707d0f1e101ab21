package io.jnftables.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Command;
import io.jnftables.model.Rule;
import io.jnftables.model.stmt.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds 10,000 random strings and mutations of valid rules to the parser: it must return or throw
 * {@link NftSyntaxException} — never anything else, never hang — and its errors must point into
 * the input. The seed is fixed so that a failure reproduces; {@code -Djnftables.fuzzSeed=N} tries
 * another.
 */
class RuleParserFuzzTest {
  private static final List<String> VALID =
      List.of(
          "tcp dport { 80, 443 } accept",
          "iif \"lo\" accept",
          "iifname \"eth*\" counter drop",
          "meta l4proto tcp ct state established,related accept",
          "ct state { established, related } counter accept",
          "ct state invalid drop",
          "tcp dport 1000-2000 log prefix \"range \" accept",
          "udp sport domain ip saddr != 10.0.0.1 drop",
          "ip daddr 10.0.0.0/8 reject with tcp reset",
          "ip6 saddr ::1 ip6 daddr 2001:db8::/32 jump other",
          "ip saddr { 10.0.0.1, 10.0.0.0/8, 192.168.0.1-192.168.0.9 } goto other",
          "tcp dport >= 1024 oifname != lo return",
          "meta iifname { \"eth0\", lo } continue",
          "tcp sport ssh counter reject",
          "ip6 daddr ::ffff:1.2.3.4/120 log drop");

  private static final List<String> WORDS =
      List.of(
          "accept", "drop", "reject", "with", "tcp", "reset", "udp", "ip", "ip6", "saddr", "daddr", "dport",
          "sport", "ct", "state", "new", "meta", "l4proto", "iif", "iifname", "log", "prefix", "counter",
          "jump", "goto", "{", "}", ",", "==", "!=", "<", ">=", "-", "22", "65536", "1000-2000", "10.0.0.1",
          "10.0.0.0/8", "::1", "fe80::/10", "\"lo\"", "\"", "ssh", "acept", ";", "/", "::", "0", "",
          "1.2.3.4-1.2.3.1", "established,related", "😀", "é", "\u0000");

  private static final String ALPHABET = "abcdeilnoprstux0123456789{}\",;!=<>-/:.* \t\n_\\#|éÿ";

  @Test
  void neverThrowsAnythingElseNorHangs() {
    long seed = Long.getLong("jnftables.fuzzSeed", 20240601L);
    int[] outcome = new int[2];
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      Random random = new Random(seed);
      Family[] families = Family.values();
      for (int i = 0; i < 10_000; i++) {
        String input;
        Family family = families[random.nextInt(families.length)];
        switch (i % 5) {
          case 0:
            input = mutateChars(VALID.get(random.nextInt(VALID.size())), random);
            break;
          case 1:
            input = mutateTokens(VALID.get(random.nextInt(VALID.size())), random);
            break;
          case 2:
            input = randomWords(random);
            break;
          case 3:
            input = randomChars(random);
            break;
          default:
            input = respace(VALID.get(random.nextInt(VALID.size())), random);
            family = Family.INET;
            break;
        }
        outcome[check(input, family, seed, i)]++;
      }
    });
    // both paths were exercised: the mutations keep plenty of inputs valid
    assertTrue(outcome[0] > 2000, "accepted " + outcome[0]);
    assertTrue(outcome[1] > 6000, "rejected " + outcome[1]);
  }

  @Test
  void everyValidSeedRuleParsesInInet() {
    for (String rule : VALID) {
      assertFalse(RuleParser.parse(rule, Family.INET).isEmpty(), rule);
    }
  }

  /** 0 if the input parsed, 1 if it was rejected properly. */
  private static int check(String input, Family family, long seed, int index) {
    try {
      List<Statement> statements = RuleParser.parse(input, family);
      assertFalse(statements.isEmpty(), input);
      assertEquals(statements, RuleParser.parse(input, family), "parsing is deterministic");
      JsonCodec.encode(List.of(Command.add(Rule.of(family, "t", "c", statements))));
      return 0;
    } catch (NftSyntaxException e) {
      String where = "seed " + seed + " case " + index + " input [" + input + "]: " + e.getMessage();
      assertTrue(e.offset() >= 0 && e.offset() <= input.length(), where);
      assertTrue(input.startsWith(e.token(), e.offset()), where);
      assertTrue(e.getMessage().contains("column " + e.column()), where);
      assertTrue(e.formatted().startsWith(e.getMessage() + "\n"), where);
      return 1;
    } catch (RuntimeException | Error e) {
      AssertionErrorHolder.fail("seed " + seed + " case " + index + " family " + family + " input ["
          + input + "] threw " + e, e);
      return -1;
    }
  }

  private static String mutateChars(String s, Random r) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + r.nextInt(3);
    for (int k = 0; k < edits; k++) {
      int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
      switch (r.nextInt(5)) {
        case 0:
          if (sb.length() > 0) {
            sb.deleteCharAt(at);
          }
          break;
        case 1:
          sb.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
          break;
        case 2:
          if (sb.length() > 0) {
            sb.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
          }
          break;
        case 3:
          if (at + 1 < sb.length()) {
            char c = sb.charAt(at);
            sb.setCharAt(at, sb.charAt(at + 1));
            sb.setCharAt(at + 1, c);
          }
          break;
        default:
          int end = Math.min(sb.length(), at + 1 + r.nextInt(6));
          sb.insert(at, sb.substring(at, end));
          break;
      }
    }
    return sb.toString();
  }

  private static String mutateTokens(String s, Random r) {
    List<String> words = new ArrayList<>(Arrays.asList(s.split(" ")));
    int edits = 1 + r.nextInt(2);
    for (int k = 0; k < edits && !words.isEmpty(); k++) {
      int at = r.nextInt(words.size());
      switch (r.nextInt(4)) {
        case 0:
          words.remove(at);
          break;
        case 1:
          words.add(at, words.get(at));
          break;
        case 2:
          words.set(at, WORDS.get(r.nextInt(WORDS.size())));
          break;
        default:
          words.add(at, WORDS.get(r.nextInt(WORDS.size())));
          break;
      }
    }
    return String.join(" ", words);
  }

  /** The same rule with other blanks: tabs, line breaks, several spaces, none around , { }. */
  private static String respace(String s, Random r) {
    String[] blanks = {" ", "  ", "\t", "\n", " \t "};
    StringBuilder sb = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      inString ^= c == '"';
      if (c == ' ' && !inString) {
        char before = s.charAt(i - 1);
        char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
        boolean optional = "{},".indexOf(before) >= 0 || "{},".indexOf(after) >= 0;
        sb.append(optional && r.nextBoolean() ? "" : blanks[r.nextInt(blanks.length)]);
      } else {
        sb.append(c);
      }
    }
    return (r.nextBoolean() ? " " : "") + sb;
  }

  private static String randomWords(Random r) {
    int n = 1 + r.nextInt(8);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(WORDS.get(r.nextInt(WORDS.size()))).append(r.nextInt(5) == 0 ? "" : " ");
    }
    return sb.toString();
  }

  private static String randomChars(Random r) {
    int n = r.nextInt(40);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(r.nextInt(50) == 0 ? (char) r.nextInt(0x10000) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** Keeps the original exception as the cause of the assertion failure. */
  private static final class AssertionErrorHolder {
    static void fail(String message, Throwable cause) {
      throw new AssertionError(message, cause);
    }
  }
}

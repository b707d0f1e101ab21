package io.jnftables.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.json.Conformance;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.stmt.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Feeds the parser 100,000 rule texts made from nft's corpus — lines with characters and tokens
 * changed, lines spliced together, token soup, random characters — and 2,000 mutated whole
 * rulesets. For every input the parser returns or throws {@link NftSyntaxException}, nothing
 * else; an error points into the input (its offset, line, column and token agree with the text);
 * a result encodes to JSON and prints; and, once warmed up, no input takes more than {@link
 * #MAX_MILLIS} milliseconds.
 *
 * <p>The seed is fixed so that a failure reproduces; {@code -Djnftables.fuzzSeed=N} tries another
 * and {@code -Djnftables.fuzzCases=N} runs more.
 */
class NftTextFuzzTest {
  /** Bounded time per input: generous against GC pauses, far above the microseconds a parse takes. */
  static final long MAX_MILLIS = 1000;

  /** The first inputs load classes and warm the JIT up: not timed. */
  static final int WARM_UP = 200;

  private static final String ALPHABET =
      "abcdeilnoprstux0123456789{}[]()\",;:!=<>-/.*@$&|^# \t\n_\\'éÿ";

  private static final Family[] FAMILIES = Family.values();

  @Test
  void corpusMutationsOnlyEverThrowTheSyntaxException() {
    long seed = Long.getLong("jnftables.fuzzSeed", 20250601L);
    int cases = Integer.getInteger("jnftables.fuzzCases", 100_000);
    List<String> lines = corpusLines();
    List<String> vocabulary = vocabulary(lines);
    int[] outcome = new int[2];
    long[] slowest = new long[1];
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      Random r = new Random(seed);
      for (int i = 0; i < cases; i++) {
        String base = lines.get(r.nextInt(lines.size()));
        String input;
        switch (i % 6) {
          case 0:
            input = mutateChars(base, r);
            break;
          case 1:
            input = mutateTokens(base, vocabulary, r);
            break;
          case 2:
            input = splice(base, lines.get(r.nextInt(lines.size())), r);
            break;
          case 3:
            input = soup(vocabulary, r);
            break;
          case 4:
            input = randomChars(r);
            break;
          default:
            input = base;
        }
        Family family = FAMILIES[r.nextInt(FAMILIES.length)];
        long start = System.nanoTime();
        outcome[rule(input, family, seed, i)]++;
        if (i >= WARM_UP) {
          slowest[0] = Math.max(slowest[0], System.nanoTime() - start);
        }
      }
    });
    System.out.printf("fuzz: %d rule inputs, %d accepted, %d rejected, slowest %.2f ms%n", cases, outcome[0],
        outcome[1], slowest[0] / 1e6);
    assertTrue(outcome[0] > cases / 10, "the mutations keep a good share valid: accepted " + outcome[0]);
    assertTrue(outcome[1] > cases / 3, "and reject many: rejected " + outcome[1]);
    assertTrue(slowest[0] < MAX_MILLIS * 1_000_000L, "slowest input took " + slowest[0] / 1e6 + " ms");
  }

  @Test
  void rulesetMutationsOnlyEverThrowTheSyntaxException() throws IOException {
    long seed = Long.getLong("jnftables.fuzzSeed", 20250601L) + 1;
    List<String> files = dumps();
    int[] outcome = new int[2];
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      Random r = new Random(seed);
      for (int i = 0; i < 2_000; i++) {
        String base = files.get(r.nextInt(files.size()));
        String input = i % 4 == 0 ? base : i % 4 == 1 ? mutateLines(base, r) : mutateChars(base, r);
        long start = System.nanoTime();
        outcome[ruleset(input, seed, i)]++;
        long took = System.nanoTime() - start;
        assertTrue(i < WARM_UP || took < MAX_MILLIS * 1_000_000L, "case " + i + " took " + took / 1e6 + " ms: " + input);
      }
    });
    assertTrue(outcome[0] > 400 && outcome[1] > 400, "accepted " + outcome[0] + ", rejected " + outcome[1]);
  }

  /** 0 if the rule parsed, 1 if it was refused properly. */
  private static int rule(String input, Family family, long seed, int index) {
    try {
      List<Statement> st = NftText.parseRule(input, family);
      assertTrue(!st.isEmpty(), input);
      if (index % 8 == 0) {
        assertEquals(st, NftText.parseRule(input, family), "parsing is deterministic: " + input);
      }
      JsonCodec.encodeStatements(st);
      NftText.print(st, family);
      return 0;
    } catch (NftSyntaxException e) {
      checkError(e, input, "seed " + seed + " case " + index + " " + family);
      return 1;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("seed " + seed + " case " + index + " family " + family + " input [" + input
          + "] threw " + e, e);
    }
  }

  private static int ruleset(String input, long seed, int index) {
    try {
      Batch b = NftText.parseRuleset(input);
      b.toJson();
      NftText.print(b);
      return 0;
    } catch (NftSyntaxException e) {
      checkError(e, input, "seed " + seed + " file case " + index);
      return 1;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("seed " + seed + " file case " + index + " input [" + input + "] threw " + e, e);
    }
  }

  /** An error points into the input: offset, line and column agree, and the token is there. */
  private static void checkError(NftSyntaxException e, String input, String where) {
    String w = where + " input [" + input + "]: " + e.getMessage();
    assertTrue(e.offset() >= 0 && e.offset() <= input.length(), w);
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < e.offset(); i++) {
      if (input.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    assertEquals(line, e.line(), w);
    assertEquals(e.offset() - lineStart + 1, e.column(), w);
    assertTrue(e.getMessage().contains("column " + e.column()), w);
    assertTrue(e.formatted().startsWith(e.getMessage() + "\n"), w);
    // a variable's value is reported where the variable is used ($name)
    assertTrue(input.startsWith(e.token(), e.offset()) || input.startsWith("$", e.offset()), w);
  }

  // ------------------------------------------------------------------ inputs

  private static List<String> corpusLines() {
    List<String> out = new ArrayList<>();
    for (Corpus.Line l : Corpus.lines()) {
      out.add(l.rule());
    }
    return out;
  }

  private static List<String> dumps() throws IOException {
    Path root = Conformance.require("shell-dumps");
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".nft")).sorted().toList()) {
        out.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static List<String> vocabulary(List<String> lines) {
    Set<String> words = new LinkedHashSet<>();
    for (String l : lines) {
      for (String w : l.split(" ")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
    }
    return new ArrayList<>(words);
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
          int end = Math.min(sb.length(), at + 1 + r.nextInt(8));
          sb.insert(at, sb.substring(at, end));
      }
    }
    return sb.toString();
  }

  private static String mutateTokens(String s, List<String> vocabulary, Random r) {
    List<String> words = new ArrayList<>(List.of(s.split(" ")));
    int edits = 1 + r.nextInt(3);
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
          words.set(at, vocabulary.get(r.nextInt(vocabulary.size())));
          break;
        default:
          words.add(at, vocabulary.get(r.nextInt(vocabulary.size())));
      }
    }
    return String.join(" ", words);
  }

  private static String splice(String a, String b, Random r) {
    return a.substring(0, r.nextInt(a.length() + 1)) + b.substring(r.nextInt(b.length() + 1));
  }

  private static String soup(List<String> vocabulary, Random r) {
    int n = 1 + r.nextInt(10);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(vocabulary.get(r.nextInt(vocabulary.size()))).append(r.nextInt(6) == 0 ? "" : " ");
    }
    return sb.toString();
  }

  private static String randomChars(Random r) {
    int n = r.nextInt(60);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(r.nextInt(40) == 0 ? (char) r.nextInt(0x10000) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private static String mutateLines(String file, Random r) {
    List<String> lines = new ArrayList<>(List.of(file.split("\n", -1)));
    int edits = 1 + r.nextInt(3);
    for (int k = 0; k < edits && !lines.isEmpty(); k++) {
      int at = r.nextInt(lines.size());
      switch (r.nextInt(3)) {
        case 0:
          lines.remove(at);
          break;
        case 1:
          lines.add(at, lines.get(r.nextInt(lines.size())));
          break;
        default:
          lines.set(at, mutateChars(lines.get(at), r));
      }
    }
    return String.join("\n", lines);
  }
}

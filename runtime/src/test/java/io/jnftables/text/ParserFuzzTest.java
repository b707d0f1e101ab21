package io.jnftables.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.json.Conformance;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.stmt.Statement;
import io.jnftables.testing.Fuzz;
import io.jnftables.testing.Mutations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds the parser inputs made from nft's own corpus: rule lines of {@code py/} (parsed as rule
 * texts, against the sets and objects their file declares, as rules with a comment, and through
 * {@link RuleParser}'s resolving parse), and the rulesets of {@code shell-dumps/} (parsed as
 * files by {@code parseRuleset}, and as listings by {@code parseListing}, also with {@code #
 * handle N} comments as {@code nft -a} writes them).
 * They are mutated by characters and bytes; by tokens of the corpus' vocabulary inserted,
 * deleted, duplicated, swapped and replaced; by splices across lines and files; by truncations at
 * token edges, after brackets and operators and inside strings; by boundary numbers; by braces,
 * parentheses, brackets, anonymous chains, operators and concatenations nested or chained
 * thousands deep; by very long tokens; by odd Unicode and control characters; by CR/LF variants;
 * and, in files, by variables whose values double with each definition.
 *
 * <p>For every input the parser returns or throws {@link NftSyntaxException}, nothing else; an
 * error points into the input (its offset, line, column and token agree with the text); a result
 * encodes to JSON and prints as nft text; and, once warmed up, no input takes more than {@link
 * Fuzz#MAX_MILLIS} milliseconds (one that hangs fails the test, naming it).
 *
 * <p>The seed is fixed so that a failure reproduces; {@code -Djnftables.fuzzSeed=N} tries another,
 * {@code -Djnftables.fuzzCases=N} runs more (docs/reliability.md: one million), {@code
 * -Djnftables.fuzzOnly=i} runs case {@code i} alone.
 */
class ParserFuzzTest {
  /** What an input is parsed as. */
  enum Kind {
    RULE,
    /** Checked against the sets and objects its corpus file declares. */
    RULE_IN_SCHEMA,
    RULE_WITH_COMMENT,
    RESOLVED_RULE,
    RULESET,
    LISTING
  }

  /**
   * @param how the mutations that made it, for messages
   * @param schema what {@link Kind#RULE_IN_SCHEMA} is checked against
   */
  record Input(Kind kind, Family family, String how, String text, Schema schema) {
    Input(Kind kind, Family family, String text) {
      this(kind, family, "", text, Schema.NONE);
    }

    Input how(StringBuilder sb) {
      return new Input(kind, family, sb.toString(), text, schema);
    }
  }

  private static final Family[] FAMILIES = Family.values();

  private static List<String> lines;
  /** The schema of each line's corpus file (its declarations before the line). */
  private static List<Schema> schemas;
  private static List<String> vocabulary;
  private static List<String> files;
  private static List<String> listings;

  @BeforeAll
  static void corpus() {
    lines = new ArrayList<>();
    schemas = new ArrayList<>();
    Map<List<Corpus.Declaration>, Schema> byDeclarations = new HashMap<>();
    for (Corpus.Line l : Corpus.lines()) {
      lines.add(l.rule());
      schemas.add(byDeclarations.computeIfAbsent(l.declarations(), NftTextConformanceTest::schema));
    }
    files = dumps();
    listings = new ArrayList<>(files);
    for (String f : files) {
      listings.add(withHandles(f));
    }
    Set<String> words = new LinkedHashSet<>();
    for (String s : lines) {
      Collections.addAll(words, s.split(" "));
    }
    for (String f : files) {
      Collections.addAll(words, f.split("[ \t\n]+"));
    }
    words.remove("");
    vocabulary = new ArrayList<>(words);
  }

  @Test
  void corpusMutationsOnlyEverThrowTheSyntaxException() throws InterruptedException {
    long seed = Fuzz.seed(20250601L);
    int cases = Fuzz.cases(20_000);
    long[][] outcomes = new long[Kind.values().length][2];
    Fuzz.Report report = Fuzz.run("parser", "syntax_errors", seed, cases, ParserFuzzTest::input,
        in -> in.kind() + " " + in.family() + " (" + in.how() + ") " + Fuzz.escape(in.text()),
        in -> {
          Fuzz.Outcome o = parse(in);
          outcomes[in.kind().ordinal()][o.ordinal()]++;
          return o;
        });
    StringBuilder byKind = new StringBuilder("FUZZ parser by kind (returned/refused):");
    for (Kind k : Kind.values()) {
      byKind.append(' ').append(k).append('=').append(outcomes[k.ordinal()][0]).append('/')
          .append(outcomes[k.ordinal()][1]);
    }
    System.out.println(byKind);
    assertEquals(0, report.other(), report.details());
    if (report.inputs() < 10_000) {
      return; // a single case or a short run: no shares to speak of
    }
    for (Kind k : Kind.values()) {
      long ok = outcomes[k.ordinal()][0];
      long refused = outcomes[k.ordinal()][1];
      String what = k + ": returned " + ok + ", refused " + refused;
      // the mutations keep a good share valid, and reject many
      assertTrue(ok > (ok + refused) / 10, what);
      assertTrue(refused > (ok + refused) / 3, what);
    }
    assertTrue(report.maxMillis() < Fuzz.MAX_MILLIS, report.line());
  }

  // ------------------------------------------------------------------ targets

  static Fuzz.Outcome parse(Input in) {
    String text = in.text();
    Family family = in.family();
    try {
      switch (in.kind()) {
        case RULE -> {
          List<Statement> st = NftText.parseRule(text, family);
          assertTrue(!st.isEmpty(), text);
          if (text.hashCode() % 8 == 0) {
            assertEquals(st, NftText.parseRule(text, family), "parsing is deterministic");
          }
          JsonCodec.encodeStatements(st);
          NftText.print(st, family);
        }
        case RULE_IN_SCHEMA -> {
          List<Statement> st = NftText.parseRule(text, family, in.schema());
          assertTrue(!st.isEmpty(), text);
          JsonCodec.encodeStatements(st);
          NftText.print(st, family);
        }
        case RESOLVED_RULE -> {
          List<Statement> st = RuleParser.parse(text, family);
          assertTrue(!st.isEmpty(), text);
          JsonCodec.encodeStatements(st);
          NftText.print(st, family);
        }
        case RULE_WITH_COMMENT -> {
          Rule rule = NftText.parseRule(family, "t", "c", text);
          JsonCodec.encodeObject(rule);
          NftText.print(rule);
          rule.toString();
        }
        case RULESET -> {
          Batch b = NftText.parseRuleset(text);
          b.toJson();
          NftText.print(b);
        }
        case LISTING -> {
          Ruleset rs = NftText.parseListing(text);
          JsonCodec.encodeRuleset(rs);
          NftText.print(rs);
        }
      }
      return Fuzz.Outcome.RETURNED;
    } catch (NftSyntaxException e) {
      checkError(e, text);
      return Fuzz.Outcome.REFUSED;
    }
  }

  /** An error points into the input: offset, line and column agree, and the token is there. */
  static void checkError(NftSyntaxException e, String input) {
    String w = e.getMessage();
    assertTrue(e.offset() >= 0 && e.offset() <= input.length(), w);
    assertEquals(input, e.input(), "the error quotes the whole input");
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

  static Input input(Random r, int index) {
    int k = r.nextInt(100);
    Family family = FAMILIES[r.nextInt(FAMILIES.length)];
    StringBuilder how = new StringBuilder();
    if (k < 46) {
      return new Input(Kind.RULE, family, rule(r, how)).how(how);
    }
    if (k < 52) {
      int line = r.nextInt(lines.size());
      String text = mutatedRule(lines.get(line), r, how);
      return new Input(Kind.RULE_IN_SCHEMA, family, "", text, schemas.get(line)).how(how.append(" schema of line ")
          .append(line));
    }
    if (k < 58) {
      String text = rule(r, how);
      if (r.nextBoolean()) {
        text = text + " comment " + Mutations.chars("\"fuzz comment\"", r);
      }
      return new Input(Kind.RULE_WITH_COMMENT, family, text).how(how);
    }
    if (k < 64) {
      return new Input(Kind.RESOLVED_RULE, family, rule(r, how)).how(how);
    }
    if (k < 84) {
      return new Input(Kind.RULESET, family, file(Mutations.pick(files, r), files, r, how)).how(how);
    }
    return new Input(Kind.LISTING, family, file(Mutations.pick(listings, r), listings, r, how)).how(how);
  }

  /** A corpus rule line, mutated (or not, one time in eight). */
  private static String rule(Random r, StringBuilder how) {
    return mutatedRule(Mutations.pick(lines, r), r, how);
  }

  private static String mutatedRule(String base, Random r, StringBuilder how) {
    int n = r.nextInt(8) == 0 ? 2 : 1;
    for (int i = 0; i < n; i++) {
      base = ruleMutation(base, r, how);
    }
    return base;
  }

  private static final String[] RULE_MUTATIONS = {"chars", "chars", "bytes", "tokens", "tokens", "splice",
      "truncate", "numbers", "nesting", "long-token", "unicode", "line-ends", "soup", "random", "none", "none"};

  private static String ruleMutation(String s, Random r, StringBuilder how) {
    int m = r.nextInt(16);
    how.append(how.length() == 0 ? "" : "+").append(RULE_MUTATIONS[m]);
    return switch (m) {
      case 0, 1 -> Mutations.chars(s, r);
      case 2 -> Mutations.bytesOfText(s, r);
      case 3, 4 -> tokens(s, r);
      case 5 -> r.nextBoolean() ? Mutations.splice(s, Mutations.pick(lines, r), r) : spliceTokens(s, r);
      case 6 -> Mutations.truncate(s, r);
      case 7 -> Mutations.numbers(s, r);
      case 8 -> nesting(s, r);
      case 9 -> Mutations.longToken(s, r);
      case 10 -> Mutations.unicode(s, r);
      case 11 -> Mutations.lineEnds(s, r);
      case 12 -> soup(r);
      case 13 -> randomChars(r);
      default -> s;
    };
  }

  private static final String[] FILE_MUTATIONS = {"lines", "chars", "bytes", "line-tokens", "splice", "truncate",
      "numbers", "line-nesting", "blocks", "long-token", "unicode", "line-ends", "variables", "line-rule-mutation",
      "none", "none"};

  /** A ruleset or listing, mutated (or not, one time in eight). */
  private static String file(String s, List<String> others, Random r, StringBuilder how) {
    int m = r.nextInt(16);
    how.append(FILE_MUTATIONS[m]);
    return switch (m) {
      case 0 -> mutateLines(s, r);
      case 1 -> Mutations.chars(s, r);
      case 2 -> Mutations.bytesOfText(s, r);
      case 3 -> oneLine(s, r, ParserFuzzTest::tokens);
      case 4 -> spliceFiles(s, Mutations.pick(others, r), r);
      case 5 -> Mutations.truncate(s, r);
      case 6 -> Mutations.numbers(s, r);
      case 7 -> oneLine(s, r, ParserFuzzTest::nesting);
      case 8 -> blocks(s, r);
      case 9 -> Mutations.longToken(s, r);
      case 10 -> Mutations.unicode(s, r);
      case 11 -> Mutations.lineEnds(s, r);
      case 12 -> variables(s, r);
      case 13 -> oneLine(s, r, (line, rr) -> ruleMutation(line, rr, how));
      default -> s;
    };
  }

  private interface LineMutation {
    String apply(String line, Random r);
  }

  private static String oneLine(String file, Random r, LineMutation m) {
    List<String> ls = new ArrayList<>(List.of(file.split("\n", -1)));
    int at = r.nextInt(ls.size());
    ls.set(at, m.apply(ls.get(at), r));
    return String.join("\n", ls);
  }

  /** Words inserted, deleted, duplicated, swapped with the next, or replaced from the vocabulary. */
  private static String tokens(String s, Random r) {
    List<String> words = new ArrayList<>(List.of(s.split(" ")));
    int edits = 1 + r.nextInt(3);
    for (int k = 0; k < edits && !words.isEmpty(); k++) {
      int at = r.nextInt(words.size());
      switch (r.nextInt(5)) {
        case 0 -> words.remove(at);
        case 1 -> words.add(at, words.get(at));
        case 2 -> words.set(at, Mutations.pick(vocabulary, r));
        case 3 -> {
          if (at + 1 < words.size()) {
            Collections.swap(words, at, at + 1);
          }
        }
        default -> words.add(at, Mutations.pick(vocabulary, r));
      }
    }
    return String.join(" ", words);
  }

  /** The first words of one line and the last words of another. */
  private static String spliceTokens(String a, Random r) {
    String[] x = a.split(" ");
    String[] y = Mutations.pick(lines, r).split(" ");
    List<String> out = new ArrayList<>(List.of(x).subList(0, r.nextInt(x.length + 1)));
    out.addAll(List.of(y).subList(r.nextInt(y.length + 1), y.length));
    return String.join(" ", out);
  }

  private static String spliceFiles(String a, String b, Random r) {
    if (r.nextBoolean()) {
      return Mutations.splice(a, b, r);
    }
    List<String> x = List.of(a.split("\n", -1));
    List<String> y = List.of(b.split("\n", -1));
    List<String> out = new ArrayList<>(x.subList(0, r.nextInt(x.size() + 1)));
    out.addAll(y.subList(r.nextInt(y.size() + 1), y.size()));
    return String.join("\n", out);
  }

  private static final int[] DEPTHS = {3, 8, 64, 256, 1000, 5000, 20_000};

  /** Something nested or chained thousands deep, put at a word boundary (or in place of the text). */
  private static String nesting(String s, Random r) {
    int d = DEPTHS[r.nextInt(DEPTHS.length)];
    String inner = Mutations.pick(List.of("1", "22", "accept", "\"x\"", "10.0.0.1", "ip saddr", ""), r);
    String nested = switch (r.nextInt(12)) {
      case 0 -> "{ ".repeat(d) + inner + " }".repeat(d);
      case 1 -> "(".repeat(d) + inner + ")".repeat(d);
      case 2 -> "[".repeat(d) + inner + "]".repeat(d);
      case 3 -> "jump { ".repeat(d) + "accept" + " }".repeat(d);
      case 4 -> "{ ".repeat(d);
      case 5 -> "(".repeat(d) + inner;
      case 6 -> " }".repeat(d);
      case 7 -> "meta mark " + "1 | ".repeat(d) + "1";
      case 8 -> "ip saddr" + " . ip saddr".repeat(d) + " 1";
      case 9 -> "!".repeat(d) + inner;
      case 10 -> "{ " + "1, ".repeat(d) + "1 }";
      default -> "counter ".repeat(d);
    };
    if (r.nextInt(4) == 0) {
      return "tcp dport " + nested;
    }
    List<Integer> cuts = new ArrayList<>();
    cuts.add(0);
    cuts.add(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ') {
        cuts.add(i + 1);
      }
    }
    int at = Mutations.pick(cuts, r);
    return s.substring(0, at) + nested + " " + s.substring(at);
  }

  /** Table, chain and set blocks nested thousands deep, or left open. */
  private static String blocks(String s, Random r) {
    int d = DEPTHS[r.nextInt(DEPTHS.length)];
    String open = Mutations.pick(List.of("table ip t {\n", "chain c {\n", "set s {\n", "{\n", "elements = {"), r);
    String body = r.nextBoolean() ? s : "";
    return switch (r.nextInt(3)) {
      case 0 -> open.repeat(d) + body + "}\n".repeat(d);
      case 1 -> open.repeat(d) + body;
      default -> body + "}\n".repeat(d);
    };
  }

  /**
   * Variables before the file: each defined as two uses of the one before (a value that doubles
   * with every line), defined by itself, or redefined and undefined around their uses.
   */
  private static String variables(String s, Random r) {
    StringBuilder sb = new StringBuilder();
    switch (r.nextInt(4)) {
      case 0 -> {
        int n = 4 + r.nextInt(40);
        sb.append("define v0 = 1\n");
        for (int i = 1; i <= n; i++) {
          sb.append("define v").append(i).append(" = { $v").append(i - 1).append(", $v").append(i - 1).append(" }\n");
        }
        sb.append("table ip t {\n\tchain c {\n\t\tip saddr $v").append(n).append(" accept\n\t}\n}\n");
      }
      case 1 -> sb.append("define a = $a\n").append("define b = { $b }\n");
      case 2 -> sb.append("define a = 1\nredefine a = { $a, $a }\nundefine a\nundefine a\nredefine b = $a\n");
      default -> {
        int n = 2 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
          sb.append("define w").append(i).append(" = ").append(i == 0 ? "22" : "$w" + (i - 1)).append('\n');
        }
        sb.append("add rule ip t c tcp dport $w").append(n - 1).append('\n');
      }
    }
    return sb + s;
  }

  private static String mutateLines(String file, Random r) {
    List<String> ls = new ArrayList<>(List.of(file.split("\n", -1)));
    int edits = 1 + r.nextInt(3);
    for (int k = 0; k < edits && !ls.isEmpty(); k++) {
      int at = r.nextInt(ls.size());
      switch (r.nextInt(4)) {
        case 0 -> ls.remove(at);
        case 1 -> ls.add(at, ls.get(r.nextInt(ls.size())));
        case 2 -> {
          int to = r.nextInt(ls.size());
          Collections.swap(ls, at, to);
        }
        default -> ls.set(at, Mutations.chars(ls.get(at), r));
      }
    }
    return String.join("\n", ls);
  }

  private static String soup(Random r) {
    int n = 1 + r.nextInt(10);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(Mutations.pick(vocabulary, r)).append(r.nextInt(6) == 0 ? "" : " ");
    }
    return sb.toString();
  }

  private static String randomChars(Random r) {
    int n = r.nextInt(60);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(r.nextInt(40) == 0 ? (char) r.nextInt(0x10000)
          : Mutations.ALPHABET.charAt(r.nextInt(Mutations.ALPHABET.length())));
    }
    return sb.toString();
  }

  /** The listing as {@code nft -a list ruleset} prints it: a {@code # handle N} after each object and rule. */
  private static String withHandles(String listing) {
    StringBuilder sb = new StringBuilder();
    int handle = 1;
    for (String line : listing.split("\n", -1)) {
      String t = line.strip();
      boolean object = t.endsWith("{") && !t.startsWith("elements") && !t.startsWith("policy");
      boolean rule = line.startsWith("\t\t") && !t.isEmpty() && !t.endsWith("}") && !t.endsWith(";")
          && !t.endsWith(",") && !t.startsWith("type ") && !t.startsWith("elements");
      sb.append(line);
      if (object || rule) {
        sb.append(" # handle ").append(handle++);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static List<String> dumps() {
    Path root = Conformance.require("shell-dumps");
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".nft")).sorted().toList()) {
        out.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

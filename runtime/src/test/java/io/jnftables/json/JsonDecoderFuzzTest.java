package io.jnftables.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.jnftables.batch.Batch;
import io.jnftables.model.Command;
import io.jnftables.model.DocumentItem;
import io.jnftables.model.Ruleset;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.stmt.Statement;
import io.jnftables.testing.Fuzz;
import io.jnftables.testing.Mutations;
import io.jnftables.text.NftSyntaxException;
import io.jnftables.text.NftText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds the JSON decoder documents made from nft's own corpus: the statement blocks of {@code
 * py/**}{@code /*.t.json} and {@code .t.json.output} (as statement arrays, as single expressions,
 * and wrapped in rule listings), and the JSON of the {@code shell-dumps/} rulesets (each read by
 * {@code NftText.parseListing}, as a listing, and as the batch of commands that creates it).
 * They are mutated byte-wise (bit flips, random, inserted, deleted and duplicated bytes, invalid
 * UTF-8, truncation) and structure-aware: a value's JSON type changed, keys dropped, duplicated,
 * renamed and added, properties given values of the wrong type, numbers huge, negative and
 * fractional, strings empty, long and odd, arrays emptied, shuffled and repeated, subtrees spliced
 * from other documents, and values nested 10 to 100,000 levels deep (plain arrays and objects, and
 * the shapes of nft's own nesting expressions).
 *
 * <p>For every input the decoder returns (raw nodes allowed: lenient decoding is the design) or
 * throws {@link JsonDecodingException} with a JSON path, nothing else; a decoded result
 * re-encodes and prints as nft text without throwing; and, once warmed up, no input takes more
 * than {@link Fuzz#MAX_MILLIS} milliseconds. (That an unmutated block re-encodes to the same JSON
 * is {@code CorpusConformanceTest}'s.)
 *
 * <p>{@code -Djnftables.fuzzSeed}, {@code -Djnftables.fuzzCases}, {@code -Djnftables.fuzzOnly} as
 * for {@link io.jnftables.testing.Fuzz}.
 */
class JsonDecoderFuzzTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Which decoding entry point an input goes to. */
  enum Decoder {
    STATEMENTS,
    EXPRESSION,
    RULESET,
    DOCUMENT,
    COMMANDS
  }

  /**
   * @param how the mutations that made it; "none" for an unmutated document
   * @param json the bytes; the string decoders get them as UTF-8 text
   */
  record Input(Decoder decoder, String how, byte[] json) {}

  private static List<JsonNode> blocks;
  private static List<JsonNode> ruleDocuments;
  private static List<JsonNode> listings;
  private static List<JsonNode> commands;
  private static List<JsonNode> pool;
  private static List<String> keys;

  @BeforeAll
  static void corpus() throws IOException {
    blocks = new ArrayList<>();
    for (Path f : CorpusConformanceTest.files(Conformance.require("py"))) {
      for (CorpusConformanceTest.Block b : CorpusConformanceTest.blocks(f)) {
        blocks.add(M.readTree(b.json()));
      }
    }
    ruleDocuments = new ArrayList<>();
    int handle = 1;
    for (JsonNode b : blocks) {
      ObjectNode rule = F.objectNode().put("family", "inet").put("table", "t").put("chain", "c")
          .put("handle", handle++);
      rule.set("expr", b);
      ArrayNode items = F.arrayNode().add(metainfo()).add(F.objectNode().set("rule", rule));
      ruleDocuments.add(F.objectNode().set("nftables", items));
    }
    listings = new ArrayList<>();
    commands = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Conformance.require("shell-dumps"))) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".nft")).sorted().toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        try {
          listings.add(M.readTree(JsonCodec.encodeRuleset(NftText.parseListing(text))));
          commands.add(M.readTree(Batch.parse(text).toJson()));
        } catch (NftSyntaxException e) {
          // a dump the parser refuses is the parser's business (NftTextConformanceTest)
        }
      }
    }
    pool = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (List<JsonNode> docs : List.of(blocks, listings, commands)) {
      for (JsonNode d : docs) {
        collect(d, names);
      }
    }
    names.addAll(List.of("", "nftables", "x", "__proto__", "expr", "elem", "set", "map", "prefix", "range"));
    keys = new ArrayList<>(names);
  }

  private static ObjectNode metainfo() {
    ObjectNode m = F.objectNode().put("version", "1.0.6").put("release_name", "Lester Gooch #5")
        .put("json_schema_version", 1);
    return F.objectNode().set("metainfo", m);
  }

  /** Keys, and one subtree in 8 for splices. */
  private static void collect(JsonNode n, Set<String> names) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        names.add(e.getKey());
        collect(e.getValue(), names);
      }
    } else if (n.isArray()) {
      for (JsonNode c : n) {
        collect(c, names);
      }
    }
    if ((names.size() + pool.size()) % 8 == 0 || pool.size() < 64) {
      pool.add(n);
    }
  }

  @Test
  void corpusMutationsOnlyEverThrowTheDecodingException() throws InterruptedException {
    long seed = Fuzz.seed(20250602L);
    int cases = Fuzz.cases(10_000);
    long[][] outcomes = new long[Decoder.values().length][2];
    List<String> unmutated = new ArrayList<>();
    Fuzz.Report report = Fuzz.run("json", "decoding_errors", seed, cases, JsonDecoderFuzzTest::input,
        in -> in.decoder() + " (" + in.how() + ") " + Fuzz.escapeBytes(in.json()),
        in -> {
          Fuzz.Outcome o = decode(in);
          outcomes[in.decoder().ordinal()][o.ordinal()]++;
          if (o == Fuzz.Outcome.REFUSED && in.how().equals("none") && in.decoder() != Decoder.EXPRESSION) {
            unmutated.add(in.decoder() + " " + Fuzz.escapeBytes(in.json()));
          }
          return o;
        });
    StringBuilder byKind = new StringBuilder("FUZZ json by decoder (returned/refused):");
    for (Decoder k : Decoder.values()) {
      byKind.append(' ').append(k).append('=').append(outcomes[k.ordinal()][0]).append('/')
          .append(outcomes[k.ordinal()][1]);
    }
    System.out.println(byKind);
    assertEquals(0, report.other(), report.details());
    assertEquals(List.of(), unmutated, "unmutated corpus documents all decode");
    if (report.inputs() < 10_000) {
      return;
    }
    for (Decoder d : Decoder.values()) {
      long ok = outcomes[d.ordinal()][0];
      long refused = outcomes[d.ordinal()][1];
      String what = d + ": returned " + ok + ", refused " + refused;
      assertTrue(ok > (ok + refused) / 10, what);
      assertTrue(refused > (ok + refused) / 10, what);
    }
    assertTrue(report.maxMillis() < Fuzz.MAX_MILLIS, report.line());
  }

  // ------------------------------------------------------------------ target

  static Fuzz.Outcome decode(Input in) {
    String text = new String(in.json(), StandardCharsets.UTF_8);
    try {
      switch (in.decoder()) {
        case STATEMENTS -> {
          List<Statement> st = JsonCodec.decodeStatements(text);
          JsonCodec.encodeStatements(st);
          NftText.print(st);
        }
        case EXPRESSION -> {
          Expression e = JsonCodec.decodeExpression(text);
          JsonCodec.encodeExpression(e);
        }
        case RULESET -> {
          Ruleset rs = JsonCodec.decodeRuleset(in.json());
          JsonCodec.encodeRuleset(rs);
          NftText.print(rs);
          rs.rawCount();
        }
        case DOCUMENT -> {
          List<DocumentItem> items = JsonCodec.decodeDocument(text);
          JsonCodec.encodeDocument(items);
        }
        case COMMANDS -> {
          List<Command> cs = JsonCodec.decodeCommands(text);
          JsonCodec.encode(cs);
          NftText.print(Batch.of(cs));
        }
      }
      return Fuzz.Outcome.RETURNED;
    } catch (JsonDecodingException e) {
      assertNotNull(e.path(), e.getMessage());
      assertTrue(e.path().startsWith("$"), e.getMessage());
      assertTrue(e.getMessage().startsWith(e.path() + ": "), e.getMessage());
      return Fuzz.Outcome.REFUSED;
    }
  }

  // ------------------------------------------------------------------ inputs

  static Input input(Random r, int index) {
    int k = r.nextInt(100);
    JsonNode doc;
    Decoder decoder;
    if (k < 30) {
      doc = Mutations.pick(blocks, r);
      decoder = Decoder.STATEMENTS;
    } else if (k < 38) {
      List<JsonNode> nodes = new ArrayList<>();
      slots(Mutations.pick(blocks, r), nodes);
      doc = Mutations.pick(nodes, r);
      decoder = Decoder.EXPRESSION;
    } else if (k < 58) {
      doc = Mutations.pick(ruleDocuments, r);
      decoder = Decoder.RULESET;
    } else if (k < 78) {
      doc = Mutations.pick(listings, r);
      decoder = r.nextInt(4) == 0 ? Decoder.DOCUMENT : Decoder.RULESET;
    } else {
      doc = Mutations.pick(commands, r);
      decoder = r.nextBoolean() ? Decoder.DOCUMENT : Decoder.COMMANDS;
    }
    StringBuilder how = new StringBuilder();
    if (r.nextInt(50) == 0) {
      decoder = Decoder.values()[r.nextInt(Decoder.values().length)]; // a document where another is expected
      how.append("other-decoder+");
    }
    byte[] json = mutate(doc, r, how);
    return new Input(decoder, how.toString(), json);
  }

  private static byte[] mutate(JsonNode doc, Random r, StringBuilder how) {
    int m = r.nextInt(16);
    if (m == 0) {
      how.append("none");
      return bytes(doc);
    }
    if (m <= 2) {
      how.append("bytes");
      return Mutations.bytes(bytes(doc), r);
    }
    if (m == 3) {
      how.append("truncate");
      byte[] b = bytes(doc);
      return java.util.Arrays.copyOf(b, r.nextInt(b.length));
    }
    // structure-aware: on a copy of the tree, one to three edits
    ArrayNode holder = F.arrayNode().add(doc.deepCopy());
    int edits = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
    for (int i = 0; i < edits; i++) {
      how.append(i == 0 ? "" : "+").append(edit(holder, r));
    }
    byte[] out = bytes(holder.get(0));
    if (m == 15) {
      how.append("+bytes");
      out = Mutations.bytes(out, r);
    }
    return out;
  }

  /** A place in the tree: a field of an object or an element of an array. */
  private record Slot(JsonNode parent, String field, int index) {
    JsonNode get() {
      return field != null ? parent.get(field) : parent.get(index);
    }

    void set(JsonNode n) {
      if (field != null) {
        ((ObjectNode) parent).set(field, n);
      } else {
        ((ArrayNode) parent).set(index, n);
      }
    }

    void remove() {
      if (field != null) {
        ((ObjectNode) parent).remove(field);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }
  }

  private static List<Slot> slots(JsonNode holder) {
    List<Slot> out = new ArrayList<>();
    slots(holder, out, 0);
    return out;
  }

  private static void slots(JsonNode n, List<Slot> out, int depth) {
    if (n.isObject()) {
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      for (String f : names) {
        out.add(new Slot(n, f, -1));
        slots(n.get(f), out, depth + 1);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.add(new Slot(n, null, i));
        slots(n.get(i), out, depth + 1);
      }
    }
  }

  /** Every node below {@code n}, {@code n} included. */
  private static void slots(JsonNode n, List<JsonNode> out) {
    out.add(n);
    for (JsonNode c : n) {
      slots(c, out);
    }
  }

  private static final List<String> NUMBERS = List.of(
      "0", "-0", "1", "-1", "0.0", "-0.0", "1.5", "-1.5", "0.5", "1e3", "1E-3", "1e308", "1e309", "-1e309", "1e-400",
      "255", "256", "65535", "65536", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295",
      "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
      "18446744073709551615", "18446744073709551616", "1" + "0".repeat(200), "9".repeat(999), "9".repeat(1001),
      "-" + "9".repeat(5000), "0." + "0".repeat(999) + "1", "123456789.123456789e-99999");

  private static final List<String> STRINGS = List.of(
      "", " ", "x", "0", "-1", "4294967296", "0x10", "ip", "ip6", "inet", "tcp", "dport", "accept", "==", "in",
      "&&", "filter", "input", "@", "*", "\u0000", "\ud83d\ude00", "\ud800", "é", "\u202e", "a".repeat(300),
      "x".repeat(100_000), "\"", "\\", "\n", "1.2.3.4/33", "::/129", "10.0.0.1-10.0.0.0");

  private static final int[] DEPTHS = {2, 10, 100, 333, 450, 499, 500, 501, 999, 1000, 1001, 5000, 10_000, 100_000};

  /** Prefix and suffix that nest a value one level, in nft's nesting shapes and plain ones. */
  private static final List<String[]> SHAPES = List.of(
      new String[] {"[", "]"}, new String[] {"{\"a\":", "}"}, new String[] {"{\"|\":[", ",1]}"},
      new String[] {"{\"concat\":[", "]}"}, new String[] {"{\"set\":[", "]}"},
      new String[] {"{\"prefix\":{\"addr\":", ",\"len\":8}}"}, new String[] {"{\"range\":[", ",1]}"},
      new String[] {"{\"elem\":{\"val\":", ",\"timeout\":3}}"}, new String[] {"{\"&\":[1,", "]}"},
      new String[] {"{\"map\":{\"key\":", ",\"data\":\"x\"}}"}, new String[] {"{\"<<\":[", ",1]}"});

  private static String edit(ArrayNode holder, Random r) {
    List<Slot> slots = slots(holder);
    // the root is slot 0; most edits go anywhere
    Slot s = slots.get(r.nextInt(slots.size()));
    JsonNode old = s.get();
    switch (r.nextInt(14)) {
      case 0 -> {
        s.set(otherType(old, r));
        return "type";
      }
      case 1 -> {
        if (s.parent() != holder) {
          s.remove();
        }
        return "drop";
      }
      case 2 -> {
        JsonNode p = s.parent();
        Slot ps = slotOf(slots, p);
        if (s.field() != null && ps != null) {
          ps.set(duplicateKey((ObjectNode) p, s.field(), r));
        }
        return "duplicate-key";
      }
      case 3 -> {
        if (s.field() != null) {
          ObjectNode p = (ObjectNode) s.parent();
          String name = r.nextInt(3) == 0 ? Mutations.chars(s.field(), r) : Mutations.pick(keys, r);
          p.remove(s.field());
          p.set(name, old);
        }
        return "rename-key";
      }
      case 4 -> {
        if (old.isObject()) {
          ((ObjectNode) old).set(Mutations.pick(keys, r), value(r));
        } else if (old.isArray()) {
          ((ArrayNode) old).insert(r.nextInt(old.size() + 1), value(r));
        } else {
          s.set(value(r));
        }
        return "add";
      }
      case 5 -> {
        s.set(raw(Mutations.pick(NUMBERS, r)));
        return "number";
      }
      case 6 -> {
        s.set(F.textNode(Mutations.pick(STRINGS, r)));
        return "string";
      }
      case 7 -> {
        s.set(r.nextBoolean() ? F.objectNode() : F.arrayNode());
        return "empty";
      }
      case 8 -> {
        if (old.isArray() && old.size() > 0) {
          ArrayNode a = (ArrayNode) old;
          int i = r.nextInt(a.size());
          switch (r.nextInt(3)) {
            case 0 -> a.insert(i, a.get(i).deepCopy());
            case 1 -> a.remove(i);
            default -> {
              JsonNode x = a.get(i);
              int j = r.nextInt(a.size());
              a.set(i, a.get(j));
              a.set(j, x);
            }
          }
        }
        return "array";
      }
      case 9, 10 -> {
        s.set(Mutations.pick(pool, r).deepCopy());
        return "splice";
      }
      case 11, 12 -> {
        s.set(raw(deep(text(old), r)));
        return "nesting";
      }
      default -> {
        s.set(wrongType(old, r));
        return "wrong-type";
      }
    }
  }

  private static Slot slotOf(List<Slot> slots, JsonNode node) {
    for (Slot s : slots) {
      if (s.get() == node) {
        return s;
      }
    }
    return null;
  }

  /** A value of another JSON type than {@code old}. */
  private static JsonNode otherType(JsonNode old, Random r) {
    List<JsonNode> choices = new ArrayList<>();
    if (!old.isTextual()) {
      choices.add(F.textNode(old.isValueNode() ? old.asText() : "x"));
    }
    if (!old.isNumber()) {
      choices.add(F.numberNode(r.nextInt(3) - 1));
      choices.add(F.numberNode(1.5));
    }
    if (!old.isBoolean()) {
      choices.add(F.booleanNode(r.nextBoolean()));
    }
    if (!old.isNull()) {
      choices.add(F.nullNode());
    }
    if (!old.isObject()) {
      choices.add(F.objectNode().set(Mutations.pick(keys, r), old.deepCopy()));
    }
    if (!old.isArray()) {
      choices.add(F.arrayNode().add(old.deepCopy()));
    }
    if (old.isContainerNode()) {
      choices.add(F.textNode(text(old)));
    }
    return Mutations.pick(choices, r);
  }

  /** A property set to a value of a type it never has: arrays and objects for scalars and back. */
  private static JsonNode wrongType(JsonNode old, Random r) {
    if (old.isValueNode()) {
      return r.nextBoolean() ? F.arrayNode().add(old) : F.objectNode().set(old.asText(), old);
    }
    return switch (r.nextInt(4)) {
      case 0 -> F.textNode("x");
      case 1 -> F.numberNode(-1);
      case 2 -> F.booleanNode(true);
      default -> F.nullNode();
    };
  }

  private static JsonNode value(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> raw(Mutations.pick(NUMBERS, r));
      case 1 -> F.textNode(Mutations.pick(STRINGS, r));
      case 2 -> Mutations.pick(pool, r).deepCopy();
      case 3 -> F.nullNode();
      default -> F.booleanNode(r.nextBoolean());
    };
  }

  /** The object with {@code field} written twice (a tree cannot hold that, so it is written as text). */
  private static JsonNode duplicateKey(ObjectNode p, String field, Random r) {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append(text(F.textNode(e.getKey()))).append(':').append(text(e.getValue()));
      if (e.getKey().equals(field)) {
        JsonNode again = r.nextBoolean() ? e.getValue() : value(r);
        sb.append(',').append(text(F.textNode(field))).append(':').append(text(again));
      }
    }
    return raw(sb.append('}').toString());
  }

  /** {@code inner} nested {@code d} levels deep in one of {@link #SHAPES}, or in a mix of them. */
  private static String deep(String inner, Random r) {
    int d = DEPTHS[r.nextInt(DEPTHS.length)];
    boolean mixed = r.nextInt(4) == 0;
    String[] shape = Mutations.pick(SHAPES, r);
    StringBuilder open = new StringBuilder();
    List<String> close = new ArrayList<>(d);
    for (int i = 0; i < d; i++) {
      String[] s = mixed ? SHAPES.get(r.nextInt(SHAPES.size())) : shape;
      open.append(s[0]);
      close.add(s[1]);
    }
    StringBuilder sb = new StringBuilder(open.length() * 2 + inner.length()).append(open).append(inner);
    for (int i = close.size() - 1; i >= 0; i--) {
      sb.append(close.get(i));
    }
    return sb.toString();
  }

  private static JsonNode raw(String json) {
    return new POJONode(new RawValue(json));
  }

  /** Through the UTF-8 writer, which escapes a lone surrogate (raw values must stay encodable). */
  private static String text(JsonNode n) {
    try {
      return new String(M.writeValueAsBytes(n), StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return M.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

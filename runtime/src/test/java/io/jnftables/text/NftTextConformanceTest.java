package io.jnftables.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jnftables.annotations.Family;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.stmt.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parser and the printer measured on nft 1.0.6's own rule corpus
 * ({@code ../shared/conformance/nftables-1.0.6/py}), one line of figures:
 *
 * <pre>CONFORMANCE parser ok=N/T fail_rejected=N/F printer=N/P</pre>
 *
 * <ul>
 *   <li><b>ok</b>: each {@code ok} rule in each family of its file (T cases) parses, and its
 *       statements encode to the JSON of the corpus' {@code .t.json} block. Equal means equal JSON
 *       (object keys in any order) up to what libnftables reads alike: a string holding a number
 *       ({@code "0x4"}) equals that number, the elements of an anonymous set may come in any order,
 *       with a set on the right {@code "in"} equals {@code "=="}, a counter of 0 packets and 0 bytes
 *       equals a new counter ({@code null}), and a limit with burst 0 equals one without burst.
 *   <li><b>fail_rejected</b>: each {@code fail} rule in each family (F cases) throws
 *       {@link NftSyntaxException}. Sets and objects the file declares before the line are given to
 *       the parser as the table's {@link Schema}, as nft knows them from its cache.
 *   <li><b>printer</b>: for each {@code ok} line (P lines), printing the statements decoded from the
 *       {@code .t.json.output} block (or {@code .t.json} where there is none) gives the line's
 *       listing (third field, or the rule itself). Compared as nft's test runner compares them:
 *       spaces do not matter, nor the order of the elements of an anonymous set.
 * </ul>
 *
 * The test fails below the goals: ok ≥ 98 % of T, fail_rejected ≥ 90 % of F, printer ≥ 98 % of P.
 * Set {@code -Djnftables.conformance.report=FILE} to write every miss to FILE.
 */
class NftTextConformanceTest {
  private static final ObjectMapper M = new ObjectMapper();

  @Test
  void corpusFigures() throws IOException {
    Path py = Corpus.py();
    List<Corpus.Line> lines = Corpus.lines();
    int okTotal = 0;
    int okPassed = 0;
    int failTotal = 0;
    int failRejected = 0;
    int printTotal = 0;
    int printPassed = 0;
    List<String> misses = new ArrayList<>();
    for (Corpus.Line line : lines) {
      Schema schema = schema(line.declarations());
      for (Family family : line.families()) {
        if (line.ok()) {
          okTotal++;
          try {
            List<Statement> st = NftText.parseRule(line.rule(), family, schema);
            JsonNode ours = M.readTree(JsonCodec.encodeStatements(st));
            if (line.input() != null && equivalent(ours, line.input())) {
              okPassed++;
            } else {
              misses.add("OK-MISMATCH " + family + " " + line.id(py) + "\n  ours: " + ours + "\n  nft:  "
                  + line.input());
            }
          } catch (NftSyntaxException e) {
            misses.add("OK-REJECTED " + family + " " + line.id(py) + "\n  " + e.getMessage());
          } catch (RuntimeException e) {
            misses.add("OK-CRASH " + family + " " + line.id(py) + "\n  " + e);
          }
        } else {
          failTotal++;
          try {
            List<Statement> st = NftText.parseRule(line.rule(), family, schema);
            misses.add("FAIL-ACCEPTED " + family + " " + line.id(py) + "\n  ours: " + JsonCodec.encodeStatements(st));
          } catch (NftSyntaxException e) {
            failRejected++;
          } catch (RuntimeException e) {
            misses.add("FAIL-CRASH " + family + " " + line.id(py) + "\n  " + e);
          }
        }
      }
      if (line.ok()) {
        JsonNode listed = line.output() != null ? line.output() : line.input();
        if (listed != null) {
          printTotal++;
          String printed;
          try {
            printed = NftText.print(JsonCodec.decodeStatements(M.writeValueAsString(listed)), line.families().get(0));
          } catch (RuntimeException e) {
            printed = "CRASH " + e;
          }
          if (sameListing(printed, line.listing())) {
            printPassed++;
          } else {
            misses.add("PRINT " + line.id(py) + "\n  ours: " + printed + "\n  nft:  " + line.listing());
          }
        }
      }
    }
    String figures = "CONFORMANCE parser ok=" + okPassed + "/" + okTotal + " fail_rejected=" + failRejected + "/"
        + failTotal + " printer=" + printPassed + "/" + printTotal;
    System.out.println(figures);
    String report = System.getProperty("jnftables.conformance.report");
    if (report != null && !report.isBlank()) {
      Files.writeString(Path.of(report), figures + "\n" + String.join("\n", misses) + "\n", StandardCharsets.UTF_8);
    }
    assertTrue(okTotal > 4000 && failTotal > 150 && printTotal > 1500, "corpus incomplete: " + figures);
    assertTrue(okPassed * 100L >= okTotal * 98L, figures + ": ok below 98 %\n" + first(misses, "OK-"));
    assertTrue(failRejected * 100L >= failTotal * 90L, figures + ": fail_rejected below 90 %\n" + first(misses, "FAIL-"));
    assertTrue(printPassed * 100L >= printTotal * 98L, figures + ": printer below 98 %\n" + first(misses, "PRINT"));
  }

  private static String first(List<String> misses, String prefix) {
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (String m : misses) {
      if (m.startsWith(prefix) && n++ < 20) {
        sb.append(m).append('\n');
      }
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ the table's declarations

  /** The sets and objects a test file declared ({@code !set1 type ipv4_addr}, {@code %cnt1 type counter}). */
  static Schema schema(List<Corpus.Declaration> declarations) {
    Schema s = Schema.of(List.of(), Map.of());
    for (Corpus.Declaration d : declarations) {
      if (!d.ok()) {
        continue;
      }
      String text = d.line().substring(1);
      String name = text.substring(0, text.indexOf(' '));
      String rest = text.substring(text.indexOf(' ') + 1).trim();
      if (!rest.startsWith("type ")) {
        continue;
      }
      rest = rest.substring(5);
      if (d.line().startsWith("%")) {
        String kind = rest.startsWith("ct helper") ? "ct helper" : rest.startsWith("ct timeout") ? "ct timeout"
            : rest.startsWith("ct expectation") ? "ct expectation" : rest.split("[ ;{]")[0];
        s = s.withObject(name, kind);
      } else {
        String keyPart = rest;
        String data = null;
        int colon = rest.indexOf(" : ");
        if (colon >= 0) {
          keyPart = rest.substring(0, colon);
          data = rest.substring(colon + 3).split(" ")[0];
        }
        List<String> keys = new ArrayList<>();
        String[] words = keyPart.split(" ");
        for (int i = 0; i < words.length; i++) {
          if (i % 2 == 0) {
            keys.add(words[i]);
          } else if (!words[i].equals(".")) {
            break;
          }
        }
        s = s.withSet(new Schema.SetInfo(name, keys, data, List.of()));
      }
    }
    return s;
  }

  // ------------------------------------------------------------------ comparisons

  /** JSON equality up to the spellings libnftables reads alike (see the class comment). */
  static boolean equivalent(JsonNode ours, JsonNode nft) {
    return normalize(ours).equals(normalize(nft));
  }

  private static JsonNode normalize(JsonNode n) {
    if (n.isTextual()) {
      String s = n.asText();
      if (ValueParser.isNumber(s)) {
        return JsonNodeFactory.instance.numberNode(ValueParser.number(s));
      }
      return n;
    }
    if (n.isIntegralNumber()) {
      return JsonNodeFactory.instance.numberNode(n.bigIntegerValue());
    }
    if (n.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode x : n) {
        out.add(normalize(x));
      }
      return out;
    }
    if (n.isObject() && n.size() == 1 && n.has("set") && n.get("set").isArray()) {
      // an anonymous set: its elements in any order
      List<JsonNode> elements = new ArrayList<>();
      for (JsonNode x : n.get("set")) {
        elements.add(normalize(x));
      }
      elements.sort((a, b) -> a.toString().compareTo(b.toString()));
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      ArrayNode arr = out.putArray("set");
      elements.forEach(arr::add);
      return out;
    }
    if (n.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), normalize(e.getValue()));
      }
      if (out.has("op") && out.has("right") && out.get("right").has("set") && out.get("op").asText().equals("in")) {
        out.put("op", "==");
      }
      if (out.size() == 1 && out.has("counter") && out.get("counter").isObject()
          && out.get("counter").path("packets").asLong(-1) == 0 && out.get("counter").path("bytes").asLong(-1) == 0) {
        out.putNull("counter"); // a new counter starts at zero
      }
      if (out.size() == 1 && out.has("limit") && out.get("limit").isObject()
          && out.get("limit").path("burst").asLong(-1) == 0) {
        ((ObjectNode) out.get("limit")).remove(List.of("burst", "burst_unit")); // burst 0 is no burst
      }
      return out;
    }
    return n;
  }

  /** Listings equal up to spaces and the order of anonymous set elements. */
  static boolean sameListing(String ours, String nft) {
    return canonicalListing(ours).replace(" ", "").equals(canonicalListing(nft).replace(" ", ""));
  }

  static String canonicalListing(String s) {
    String t = s.trim().replaceAll("\\s+", " ").replaceAll(" ?([{},]) ?", "$1");
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < t.length()) {
      char ch = t.charAt(i);
      if (ch == '{') {
        int depth = 0;
        int j = i;
        for (; j < t.length(); j++) {
          if (t.charAt(j) == '{') {
            depth++;
          } else if (t.charAt(j) == '}' && --depth == 0) {
            break;
          }
        }
        String inner = t.substring(i + 1, Math.min(j, t.length()));
        List<String> parts = new ArrayList<>();
        int d = 0;
        int start = 0;
        for (int k = 0; k < inner.length(); k++) {
          char x = inner.charAt(k);
          if (x == '{') {
            d++;
          } else if (x == '}') {
            d--;
          } else if (x == ',' && d == 0) {
            parts.add(canonicalListing(inner.substring(start, k)));
            start = k + 1;
          }
        }
        parts.add(canonicalListing(inner.substring(start)));
        parts.sort(null);
        out.append('{').append(String.join(",", parts)).append('}');
        i = j + 1;
      } else {
        out.append(ch);
        i++;
      }
    }
    return out.toString();
  }
}

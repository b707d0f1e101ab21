package io.jnftables.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jnftables.annotations.Family;
import io.jnftables.json.JsonCodec;
import io.jnftables.model.Command;
import io.jnftables.model.Rule;
import io.jnftables.model.stmt.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the parser over nft 1.0.6's own rule corpus ({@code ../shared/conformance/nftables-1.0.6/py}):
 * every {@code ok} rule the parser accepts must give exactly the corpus' JSON (the JSON nft builds
 * from the text, or the JSON it lists back), and a rule the corpus accepts in a family must never be
 * refused because of that family. Rules beyond the parser's subset are counted, not failed: the
 * grammar grows towards all of nft.
 */
class RuleParserConformanceTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Path corpus() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate : List.of(dir.resolve("shared"), dir.resolveSibling("shared"))) {
        Path py = candidate.resolve("conformance/nftables-1.0.6/py");
        if (Files.isDirectory(py)) {
          return py;
        }
      }
    }
    return null;
  }

  @Test
  void acceptedCorpusRulesGiveNftsJson() throws IOException {
    Path py = corpus();
    Assumptions.assumeTrue(py != null,
        "nft's conformance corpus (../shared/conformance/nftables-1.0.6/py) is not on this machine");
    List<Path> files;
    try (Stream<Path> s = Files.walk(py)) {
      files = s.filter(p -> p.toString().endsWith(".t")).sorted().collect(Collectors.toList());
    }
    int okCases = 0;
    int accepted = 0;
    int failLinesAccepted = 0;
    List<String> mismatches = new ArrayList<>();
    List<String> familyRefusals = new ArrayList<>();
    List<String> acceptedFailLines = new ArrayList<>();
    for (Path file : files) {
      Map<String, JsonNode> input = jsonSections(Paths.get(file + ".json"));
      Map<String, JsonNode> output = jsonSections(Paths.get(file + ".json.output"));
      Set<Family> families = new LinkedHashSet<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith("*")) {
          families.add(Family.valueOf(line.substring(1, line.indexOf(';')).toUpperCase(java.util.Locale.ROOT)));
          continue;
        }
        if (line.isEmpty() || "#:!%?-*".indexOf(line.charAt(0)) >= 0) {
          continue;
        }
        String[] parts = line.split(";", -1);
        if (parts.length < 2) {
          continue;
        }
        String rule = parts[0];
        boolean ok = parts[1].startsWith("ok");
        for (Family family : families) {
          List<Statement> statements;
          try {
            statements = RuleParser.parse(rule, family);
          } catch (NftSyntaxException e) {
            if (ok && e.getMessage().contains(" cannot be used in ")) {
              familyRefusals.add(file.getFileName() + " " + family + ": " + rule + " -> " + e.getMessage());
            }
            if (ok) {
              okCases++;
              if (System.getenv("JNFTABLES_CONFORMANCE_VERBOSE") != null) {
                System.out.println("  not accepted: " + family + " " + rule + " -> " + e.getMessage());
              }
            }
            continue;
          }
          if (!ok) {
            acceptedFailLines.add(py.relativize(file) + " " + family + ": " + rule);
            failLinesAccepted++;
            continue;
          }
          okCases++;
          accepted++;
          JsonNode ours = plainReject(exprOf(statements, family));
          JsonNode in = plainReject(input.get(rule));
          JsonNode out = plainReject(output.get(rule));
          if (!ours.equals(in) && !ours.equals(out)) {
            mismatches.add(py.relativize(file) + " " + family + ": " + rule + "\n  ours: " + ours
                + "\n  nft:  " + in + (out != null ? "\n  listed: " + out : ""));
          }
        }
      }
    }
    System.out.printf(
        "conformance: %d ok cases, %d accepted and compared, %d fail-lines accepted%n",
        okCases, accepted, failLinesAccepted);
    assertEquals(List.of(), acceptedFailLines, "rules nft refuses must be refused");
    assertEquals(List.of(), familyRefusals, "rules nft accepts in a family must not be refused for it");
    assertEquals(List.of(), mismatches, "accepted rules must give nft's JSON");
    assertTrue(accepted >= 400, "the subset covers a good part of the corpus; accepted " + accepted);
  }

  /**
   * nft fills in the family's default for a bare {@code reject} ({@code icmpx port-unreachable} in
   * inet, bridge and netdev); {@code {"reject":null}} is the same statement and nft accepts it.
   */
  private static JsonNode plainReject(JsonNode expr) {
    if (expr == null || !expr.isArray()) {
      return expr;
    }
    com.fasterxml.jackson.databind.node.ArrayNode copy = MAPPER.createArrayNode();
    for (JsonNode st : expr) {
      JsonNode r = st.get("reject");
      if (r != null && r.size() == 2 && "port-unreachable".equals(r.path("expr").asText())
          && List.of("icmpx", "icmp", "icmpv6").contains(r.path("type").asText())) {
        copy.add(MAPPER.createObjectNode().putNull("reject"));
      } else {
        copy.add(st);
      }
    }
    return copy;
  }

  private static JsonNode exprOf(List<Statement> statements, Family family) throws IOException {
    byte[] doc = JsonCodec.encode(List.of(Command.add(Rule.of(family, "t", "c", statements))));
    return MAPPER.readTree(doc).get("nftables").get(0).get("add").get("rule").get("expr");
  }

  /** {@code # rule} headers each followed by the rule's JSON array. */
  private static Map<String, JsonNode> jsonSections(Path file) throws IOException {
    Map<String, JsonNode> out = new HashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    String rule = null;
    StringBuilder json = new StringBuilder();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("# ")) {
        put(out, rule, json);
        rule = line.substring(2);
        json.setLength(0);
      } else {
        json.append(line).append('\n');
      }
    }
    put(out, rule, json);
    return out;
  }

  private static void put(Map<String, JsonNode> out, String rule, StringBuilder json) throws IOException {
    if (rule != null && json.toString().trim().length() > 0) {
      out.put(rule, MAPPER.readTree(json.toString()));
    }
  }
}

package io.jnftables.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jnftables.model.RawNodes;
import io.jnftables.model.stmt.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every JSON block of the nftables 1.0.6 rule corpus ({@code py/**}{@code /*.t.json} and
 * {@code *.t.json.output}) decodes with no raw node and re-encodes to JSON structurally equal to
 * the block (object keys in any order, arrays in order).
 *
 * <p>File format: a block starts with a line {@code # <rule text>}; the lines up to the next
 * {@code #} line are a JSON array of the rule's statements.
 */
class CorpusConformanceTest {
  private static final ObjectMapper M = new ObjectMapper();

  /**
   * Blocks left out, as "{@code <file relative to py/>: <rule text>}" → reason. Expected: none.
   */
  static final Map<String, String> EXCLUDED = Map.of();

  record Block(Path file, String rule, String json) {
    String id(Path base) {
      return base.relativize(file) + ": " + rule;
    }
  }

  static List<Block> blocks(Path file) throws IOException {
    List<Block> out = new ArrayList<>();
    String rule = null;
    StringBuilder json = new StringBuilder();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#")) {
        if (rule != null) {
          out.add(new Block(file, rule, json.toString()));
        }
        rule = line.substring(1).strip();
        json.setLength(0);
      } else if (rule != null) {
        json.append(line).append('\n');
      } else if (!line.isBlank()) {
        throw new IllegalStateException(file + ": JSON before the first '# rule' line: " + line);
      }
    }
    if (rule != null) {
      out.add(new Block(file, rule, json.toString()));
    }
    return out;
  }

  static List<Path> files(Path py) throws IOException {
    try (Stream<Path> s = Files.walk(py)) {
      return s.filter(p -> {
            String n = p.getFileName().toString();
            return Files.isRegularFile(p) && (n.endsWith(".t.json") || n.endsWith(".t.json.output"));
          })
          .sorted()
          .toList();
    }
  }

  @Test
  void everyCorpusBlockDecodesTypedAndRoundTrips() throws IOException {
    Path py = Conformance.require("py");
    List<Path> files = files(py);
    assertTrue(files.size() > 100, "expected the corpus' .t.json files under " + py + ", found " + files.size());

    int total = 0;
    int typed = 0;
    int roundTrip = 0;
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      for (Block b : blocks(file)) {
        String id = b.id(py);
        if (EXCLUDED.containsKey(id)) {
          continue;
        }
        total++;
        JsonNode expected = M.readTree(b.json());
        assertTrue(expected != null && expected.isArray(), id + ": a block is a JSON array");
        List<Statement> statements;
        try {
          statements = JsonCodec.decodeStatements(b.json());
        } catch (RuntimeException e) {
          failures.add(id + ": decoding failed: " + e);
          continue;
        }
        int raw = RawNodes.countStatements(statements);
        if (raw == 0) {
          typed++;
        } else {
          failures.add(id + ": " + raw + " raw node(s): " + statements);
        }
        JsonNode actual = M.readTree(JsonCodec.encodeStatements(statements));
        if (actual.equals(expected)) {
          roundTrip++;
        } else {
          failures.add(id + ": re-encodes differently\n  expected " + expected + "\n  actual   " + actual);
        }
      }
    }
    System.out.println("CONFORMANCE model typed=" + typed + "/" + total + " roundtrip=" + roundTrip + "/" + total);
    if (!failures.isEmpty()) {
      fail(failures.size() + " failure(s), first ones:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }
    assertEquals(total, typed);
    assertEquals(total, roundTrip);
    assertTrue(total >= 1900, "expected ~1978 blocks, read " + total);
  }
}

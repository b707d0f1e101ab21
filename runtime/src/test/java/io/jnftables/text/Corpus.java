package io.jnftables.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jnftables.annotations.Family;
import io.jnftables.json.Conformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * nft 1.0.6's rule corpus ({@code py/} of the corpus {@link Conformance} finds, see its README) read
 * into lines: each rule line with its families, expected result and listing, the JSON blocks of
 * {@code .t.json} and {@code .t.json.output}, and the sets and objects the file declared before it.
 */
final class Corpus {
  private static final ObjectMapper M = new ObjectMapper();

  /** A {@code !set} or {@code %object} declaration of a test file. */
  record Declaration(String line, boolean ok) {}

  /**
   * One rule line.
   *
   * @param listing what nft lists back: the third field, or the rule itself
   * @param input the {@code .t.json} block, null if none
   * @param output the {@code .t.json.output} block, null if none
   * @param declarations the set and object declarations before the line in its file
   */
  record Line(
      Path file,
      int number,
      String rule,
      boolean ok,
      String listing,
      List<Family> families,
      @Nullable JsonNode input,
      @Nullable JsonNode output,
      List<Declaration> declarations) {
    String id(Path base) {
      return base.relativize(file) + ":" + number + ": " + rule;
    }
  }

  private Corpus() {}

  static Path py() {
    return Conformance.require("py");
  }

  static List<Line> lines() {
    try {
      Path py = py();
      List<Path> files;
      try (Stream<Path> s = Files.walk(py)) {
        files = s.filter(p -> p.getFileName().toString().endsWith(".t")).sorted().toList();
      }
      List<Line> out = new ArrayList<>();
      for (Path f : files) {
        read(f, out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void read(Path file, List<Line> out) throws IOException {
    Map<String, JsonNode> input = blocks(Path.of(file + ".json"));
    Map<String, JsonNode> output = blocks(Path.of(file + ".json.output"));
    List<Family> families = new ArrayList<>();
    List<Declaration> declarations = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("*")) {
        families.add(Family.valueOf(line.substring(1, line.indexOf(';')).toUpperCase(Locale.ROOT)));
        continue;
      }
      if (line.startsWith("!") || line.startsWith("%")) {
        int semi = line.lastIndexOf(';');
        declarations.add(new Declaration(line.substring(0, semi), line.substring(semi + 1).startsWith("ok")));
        continue;
      }
      if (line.isEmpty() || "#:?-".indexOf(line.charAt(0)) >= 0) {
        continue;
      }
      String[] parts = line.split(";", -1);
      if (parts.length < 2) {
        continue;
      }
      String rule = parts[0];
      boolean ok = parts[1].startsWith("ok");
      String listing = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : rule;
      out.add(new Line(file, i + 1, rule, ok, listing, List.copyOf(families), input.get(rule), output.get(rule),
          List.copyOf(declarations)));
    }
  }

  /** {@code # rule} headers each followed by the rule's JSON array. */
  static Map<String, JsonNode> blocks(Path file) throws IOException {
    Map<String, JsonNode> out = new HashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    String rule = null;
    StringBuilder json = new StringBuilder();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#")) {
        put(out, rule, json);
        rule = line.substring(1).strip();
        json.setLength(0);
      } else {
        json.append(line).append('\n');
      }
    }
    put(out, rule, json);
    return out;
  }

  private static void put(Map<String, JsonNode> out, @Nullable String rule, StringBuilder json) throws IOException {
    if (rule != null && !json.toString().isBlank()) {
      out.put(rule, M.readTree(json.toString()));
    }
  }
}

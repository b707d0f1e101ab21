package io.jnftables.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.batch.Batch;
import io.jnftables.client.Nftables;
import io.jnftables.client.NftablesException;
import io.jnftables.json.Conformance;
import io.jnftables.model.Ruleset;
import io.jnftables.netns.NetnsTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole rulesets of nft's shell tests ({@code shell-dumps/**}{@code /*.nft}), round trip
 * through our parser and printer:
 *
 * <ol>
 *   <li>nft loads the file into a fresh network namespace and lists it as text: the expected
 *       listing (files nft cannot load on this kernel are left out of M);
 *   <li>our parser reads the file into a batch, the client submits it into another fresh
 *       namespace, lists it back (JSON, decoded into the model), and our printer prints it.
 * </ol>
 *
 * The printed listing must equal nft's, character for character. Prints {@code CONFORMANCE parser
 * rulesets=N/M}; fails below 95 %. {@code -Djnftables.conformance.report=FILE} writes the misses.
 */
@Tag("kernel")
class NftTextRulesetsKernelTest {

  @Test
  void rulesetsRoundTripThroughParserKernelAndPrinter() throws IOException {
    Path root = Conformance.require("shell-dumps");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".nft")).sorted().toList();
    }
    int loadable = 0;
    int passed = 0;
    List<String> notLoadable = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    for (Path file : files) {
      String id = root.relativize(file).toString();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String expected;
      try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
        try {
          nft.runText(text);
        } catch (NftablesException e) {
          notLoadable.add(id);
          continue;
        }
        expected = nft.listRulesetText();
      }
      loadable++;
      Batch batch;
      try {
        batch = NftText.parseRuleset(text);
      } catch (NftSyntaxException e) {
        misses.add("PARSE " + id + "\n" + e.formatted());
        continue;
      }
      String printed;
      try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
        try {
          nft.submit(batch);
        } catch (NftablesException e) {
          misses.add("SUBMIT " + id + ": " + e.getMessage().lines().findFirst().orElse("") + "\n  "
              + batch.toJson());
          continue;
        }
        Ruleset listed = nft.listRuleset();
        printed = NftText.print(listed);
      }
      if (printed.equals(expected)) {
        passed++;
      } else {
        misses.add("DIFF " + id + "\n" + diff(expected, printed));
      }
    }
    String figures = "CONFORMANCE parser rulesets=" + passed + "/" + loadable;
    System.out.println(figures + " (" + notLoadable.size() + " of " + files.size()
        + " files nft cannot load on this kernel: " + String.join(", ", notLoadable) + ")");
    String report = System.getProperty("jnftables.conformance.report");
    if (report != null && !report.isBlank()) {
      Files.writeString(Path.of(report), figures + "\n" + String.join("\n", misses) + "\n", StandardCharsets.UTF_8);
    }
    assertTrue(loadable >= 150, figures + ": only " + loadable + " files load here");
    assertTrue(passed * 100L >= loadable * 95L,
        figures + ": below 95 %\n" + String.join("\n", misses.subList(0, Math.min(10, misses.size()))));
  }

  /** The lines that differ, with their numbers: enough to see what the printer got wrong. */
  static String diff(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < Math.max(e.length, a.length) && shown < 8; i++) {
      String x = i < e.length ? e[i] : "<none>";
      String y = i < a.length ? a[i] : "<none>";
      if (!x.equals(y)) {
        sb.append("  line ").append(i + 1).append("\n    nft:  ").append(x).append("\n    ours: ").append(y)
            .append('\n');
        shown++;
      }
    }
    return sb.toString();
  }
}

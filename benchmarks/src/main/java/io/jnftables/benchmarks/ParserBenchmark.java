package io.jnftables.benchmarks;

import io.jnftables.annotations.Family;
import io.jnftables.model.stmt.Statement;
import io.jnftables.text.NftSyntaxException;
import io.jnftables.text.NftText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The nft text parser on nft's own rule corpus: every {@code ok} line of {@code py/**}{@code /*.t}
 * (1,626 lines, in the first family of its file), one line per operation, so the score is lines
 * per second. The corpus is read in place, where {@link ConformanceCorpus} finds it ({@code
 * -Djnftables.conformance.dir=…/nftables-1.0.6}, {@code ../shared/conformance/nftables-1.0.6} from
 * the project root, or the user cache that {@code scripts/fetch-conformance.sh} fills).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ParserBenchmark {
  private String[] lines;
  private Family[] families;
  private int next;

  @Setup
  public void setUp() {
    List<String> text = new ArrayList<>();
    List<Family> fams = new ArrayList<>();
    for (String[] line : corpus(ConformanceCorpus.require())) {
      text.add(line[0]);
      fams.add(Family.valueOf(line[1]));
    }
    lines = text.toArray(new String[0]);
    families = fams.toArray(new Family[0]);
  }

  /** One corpus line parsed into statements. */
  @Benchmark
  public List<Statement> parseLine() {
    int i = next;
    next = i + 1 == lines.length ? 0 : i + 1;
    return NftText.parseRule(lines[i], families[i]);
  }

  /** One corpus line parsed, then printed back as nft lists it. */
  @Benchmark
  public String parseAndPrintLine() {
    int i = next;
    next = i + 1 == lines.length ? 0 : i + 1;
    return NftText.print(NftText.parseRule(lines[i], families[i]), families[i]);
  }

  int size() {
    return lines.length;
  }

  /** The {@code ok} lines of the corpus that parse, each with its family's name. */
  static List<String[]> corpus(Path dir) {
    Path py = dir.resolve("py");
    if (!Files.isDirectory(py)) {
      throw new IllegalStateException("nft's corpus is not at " + py + "; set -Djnftables.conformance.dir");
    }
    List<String[]> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(py)) {
      for (Path file : s.filter(p -> p.getFileName().toString().endsWith(".t")).sorted().toList()) {
        String family = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.startsWith("*") && family == null) {
            family = line.substring(1, line.indexOf(';')).toUpperCase(Locale.ROOT);
          }
          String[] parts = line.split(";", -1);
          if (family == null || line.isEmpty() || "#:!%?-*".indexOf(line.charAt(0)) >= 0 || parts.length < 2
              || !parts[1].startsWith("ok")) {
            continue;
          }
          try {
            NftText.parseRule(parts[0], Family.valueOf(family));
            out.add(new String[] {parts[0], family});
          } catch (NftSyntaxException e) {
            // a line the parser refuses is not timed
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

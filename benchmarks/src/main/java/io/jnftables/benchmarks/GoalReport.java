package io.jnftables.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JMH result file ({@code -rf json}) and prints, as Markdown tables: every result with its
 * median and spread, then each goal of the benchmark issue with the measured value, its baseline
 * from the same run, the ratio and whether it is met. A goal whose benchmarks are not in the file
 * says "not measured". Nothing is compared across files: every ratio is within one run.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.jnftables.benchmarks.GoalReport benchmarks/target/jmh-result.json</pre>
 */
public final class GoalReport {
  private static final String PKG = "io.jnftables.benchmarks.";

  /** One measured configuration: a benchmark method with its parameters. */
  record Result(String benchmark, Map<String, String> params, String mode, double median, double low, double high,
      String spreadLabel, int samples, String unit) {

    /** The median in milliseconds (time modes only). */
    double medianMs() {
      return toMs(median, unit);
    }

    String label() {
      StringBuilder sb = new StringBuilder(benchmark.startsWith(PKG) ? benchmark.substring(PKG.length()) : benchmark);
      if (!params.isEmpty()) {
        sb.append(' ').append(params.toString().replace("{", "(").replace("}", ")"));
      }
      return sb.toString();
    }
  }

  /** Whether a goal is met. */
  enum Status {
    MET("met"), NOT_MET("**not met**"), NOT_MEASURED("not measured"), REPORTED("reported (no target)");

    final String text;

    Status(String text) {
      this.text = text;
    }
  }

  /** One goal: what was measured against what, and the verdict. */
  record Goal(String name, String measured, String baseline, String ratio, String target, Status status) {}

  private final List<Result> results;
  private final String jvm;

  GoalReport(List<Result> results, String jvm) {
    this.results = List.copyOf(results);
    this.jvm = jvm;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: GoalReport JMH_RESULT.json");
      System.exit(2);
    }
    GoalReport report = read(Path.of(args[0]));
    report.print(System.out);
  }

  static GoalReport read(Path file) throws IOException {
    return parse(new ObjectMapper().readTree(Files.readAllBytes(file)));
  }

  static GoalReport parse(JsonNode jmh) {
    List<Result> out = new ArrayList<>();
    String jvm = "";
    for (JsonNode r : jmh) {
      jvm = "JMH " + r.path("jmhVersion").asText() + ", " + r.path("vmName").asText() + " " + r.path("vmVersion").asText()
          + ", forks " + r.path("forks").asText();
      Map<String, String> params = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = r.path("params").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        params.put(e.getKey(), e.getValue().asText());
      }
      JsonNode pm = r.path("primaryMetric");
      String mode = r.path("mode").asText();
      String unit = pm.path("scoreUnit").asText();
      if (mode.equals("sample")) {
        JsonNode pct = pm.path("scorePercentiles");
        long n = 0;
        for (JsonNode fork : pm.path("rawDataHistogram")) {
          for (JsonNode iteration : fork) {
            for (JsonNode bin : iteration) {
              n += bin.get(1).asLong();
            }
          }
        }
        out.add(new Result(r.path("benchmark").asText(), params, mode, pct.path("50.0").asDouble(),
            pct.path("0.0").asDouble(), pct.path("99.0").asDouble(), "p0–p99", (int) n, unit));
      } else {
        List<Double> raw = new ArrayList<>();
        for (JsonNode fork : pm.path("rawData")) {
          for (JsonNode v : fork) {
            raw.add(v.asDouble());
          }
        }
        double[] v = raw.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = v.length == 0 ? pm.path("score").asDouble() : median(v);
        double low = v.length == 0 ? median : v[0];
        double high = v.length == 0 ? median : v[v.length - 1];
        out.add(new Result(r.path("benchmark").asText(), params, mode, median, low, high, "min–max", v.length, unit));
      }
    }
    return new GoalReport(out, jvm);
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double toMs(double value, String unit) {
    return switch (unit) {
      case "ns/op" -> value / 1e6;
      case "us/op" -> value / 1e3;
      case "ms/op" -> value;
      case "s/op" -> value * 1e3;
      default -> throw new IllegalArgumentException("not a time per operation: " + unit);
    };
  }

  List<Result> results() {
    return results;
  }

  /** The result of {@code Class.method} whose parameters include {@code params} (pairs: name, value). */
  Optional<Result> find(String classAndMethod, String... params) {
    outer:
    for (Result r : results) {
      if (!r.benchmark.equals(PKG + classAndMethod)) {
        continue;
      }
      for (int i = 0; i < params.length; i += 2) {
        if (!params[i + 1].equals(r.params.get(params[i]))) {
          continue outer;
        }
      }
      return Optional.of(r);
    }
    return Optional.empty();
  }

  /** Every goal of the benchmark issue, evaluated on this run. */
  List<Goal> goals() {
    List<Goal> goals = new ArrayList<>();
    // Small update: in-process p50 at least 50x faster than spawning nft per update.
    // The bounded set (the steady state: every call adds to an empty set), else whatever was run.
    String size = find("ClientLatencyBenchmark.addElementInProcess", "setSize", "bounded").isPresent() ? "bounded"
        : find("ClientLatencyBenchmark.addElementInProcess", "setSize", "growing").isPresent() ? "growing" : null;
    String[] latency = size == null ? new String[0] : new String[] {"setSize", size};
    String suffix = size == null ? "" : ", " + size + " set";
    goals.add(speedup("small update ≥ 50× faster than spawning `nft -j -f -` (p50" + suffix + ")",
        find("ClientLatencyBenchmark.addElementInProcess", latency),
        find("ClientLatencyBenchmark.addElementSpawnNft", latency), 50));
    goals.add(atMost("helper small update ≤ 2× in-process (p50" + suffix + ")",
        find("ClientLatencyBenchmark.addElementHelper", latency),
        find("ClientLatencyBenchmark.addElementInProcess", latency), 2.0));
    // Bulk applies: the faster in-process route against nft -j -f on the same content.
    goals.add(atMost("apply 10,000 rules ≤ 0.7× `nft -j -f`", fastestInProcess("rules:10000"),
        find("BulkApplyBenchmark.nftJsonFile", "content", "rules:10000"), 0.7));
    goals.add(atMost("apply 100,000 elements ≤ 1.0× `nft -j -f`", fastestInProcess("elements:100000"),
        find("BulkApplyBenchmark.nftJsonFile", "content", "elements:100000"), 1.0));
    // JSON generation of 10,000 rules in at most 5 ms.
    Optional<Result> encode = find("JsonGenerationBenchmark.codec", "rules", "10000");
    goals.add(encode.map(r -> new Goal("JSON generation of 10,000 rules ≤ 5 ms", ms(r.medianMs()) + " (median)", "—",
            "—", "≤ 5 ms", r.medianMs() <= 5 ? Status.MET : Status.NOT_MET))
        .orElse(notMeasured("JSON generation of 10,000 rules ≤ 5 ms", "≤ 5 ms")));
    // Java-side cost: generating what the fastest in-process route sends, against that apply.
    goals.add(javaShare("rules:10000", "rules", "10000", "", "rules"));
    goals.add(javaShare("elements:100000", "elements", "100000", "Elements", "elements"));
    // Per-update cost stays flat with the size of a set or verdict map.
    for (String container : new String[] {"set", "verdictMap"}) {
      goals.add(atMost("one element into a 10,000-entry " + container + " ≤ 1.5× into a 10-entry one (p50)",
          find("UpdateScalingBenchmark.addElement", "container", container, "entries", "10000"),
          find("UpdateScalingBenchmark.addElement", "container", container, "entries", "10"), 1.5));
    }
    // One rule into growing chains: a curve to publish, no target.
    Optional<Result> small = find("UpdateScalingBenchmark.addRule", "rules", "10");
    for (String n : new String[] {"100", "1000", "10000"}) {
      Optional<Result> big = find("UpdateScalingBenchmark.addRule", "rules", n);
      String name = "one rule into a " + String.format(Locale.ROOT, "%,d", Integer.parseInt(n))
          + "-rule chain vs a 10-rule one (p50)";
      if (big.isPresent() && small.isPresent()) {
        goals.add(new Goal(name, describe(big.get()), describe(small.get()),
            times(big.get().medianMs() / small.get().medianMs()), "— (curve)", Status.REPORTED));
      } else {
        goals.add(notMeasured(name, "— (curve)"));
      }
    }
    return goals;
  }

  /** The faster of the two in-process routes for {@code content}. */
  private Optional<Result> fastestInProcess(String content) {
    Optional<Result> json = find("BulkApplyBenchmark.inProcessJson", "content", content);
    Optional<Result> text = find("BulkApplyBenchmark.inProcessText", "content", content);
    if (json.isEmpty()) {
      return text;
    }
    if (text.isEmpty()) {
      return json;
    }
    return Optional.of(json.get().medianMs() <= text.get().medianMs() ? json.get() : text.get());
  }

  private Goal javaShare(String content, String param, String size, String suffix, String what) {
    String name = "Java-side cost ≤ 2% of applying " + String.format(Locale.ROOT, "%,d", Integer.parseInt(size)) + " " + what;
    Optional<Result> apply = fastestInProcess(content);
    if (apply.isEmpty()) {
      return notMeasured(name, "≤ 2%");
    }
    boolean text = apply.get().benchmark.endsWith("inProcessText");
    Optional<Result> generate = find("JsonGenerationBenchmark." + (text ? "nftText" : "codec") + suffix, param, size);
    if (generate.isEmpty()) {
      return notMeasured(name, "≤ 2%");
    }
    double share = generate.get().medianMs() / apply.get().medianMs();
    return new Goal(name, describe(generate.get()), describe(apply.get()),
        String.format(Locale.ROOT, "%.1f%%", share * 100), "≤ 2%", share <= 0.02 ? Status.MET : Status.NOT_MET);
  }

  /** {@code fast} must be at least {@code factor} times faster than {@code slow}. */
  private static Goal speedup(String name, Optional<Result> fast, Optional<Result> slow, double factor) {
    String target = "≥ " + num(factor) + "×";
    if (fast.isEmpty() || slow.isEmpty()) {
      return notMeasured(name, target);
    }
    double ratio = slow.get().medianMs() / fast.get().medianMs();
    return new Goal(name, describe(fast.get()), describe(slow.get()), times(ratio) + " faster", target,
        ratio >= factor ? Status.MET : Status.NOT_MET);
  }

  /** {@code measured} must take at most {@code factor} times {@code baseline}. */
  private static Goal atMost(String name, Optional<Result> measured, Optional<Result> baseline, double factor) {
    String target = "≤ " + num(factor) + "×";
    if (measured.isEmpty() || baseline.isEmpty()) {
      return notMeasured(name, target);
    }
    double ratio = measured.get().medianMs() / baseline.get().medianMs();
    return new Goal(name, describe(measured.get()), describe(baseline.get()), times(ratio), target,
        ratio <= factor ? Status.MET : Status.NOT_MET);
  }

  private static Goal notMeasured(String name, String target) {
    return new Goal(name, "—", "—", "—", target, Status.NOT_MEASURED);
  }

  private static String describe(Result r) {
    String method = r.benchmark.substring(r.benchmark.lastIndexOf('.') + 1);
    return "`" + method + "` " + ms(r.medianMs());
  }

  static String ms(double ms) {
    return ms < 1 ? String.format(Locale.ROOT, "%.1f µs", ms * 1000) : String.format(Locale.ROOT, "%.2f ms", ms);
  }

  private static String times(double ratio) {
    return String.format(Locale.ROOT, "%.2f×", ratio);
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  void print(PrintStream out) {
    out.println("Run: " + jvm);
    out.println();
    out.println("## Results (median and spread of each configuration)");
    out.println();
    out.println("| benchmark (params) | mode | median | spread | n | unit |");
    out.println("|---|---|---:|---|---:|---|");
    for (Result r : results) {
      out.printf(Locale.ROOT, "| %s | %s | %s | %s %s – %s | %d | %s |%n", r.label(), r.mode, fmt(r.median),
          r.spreadLabel, fmt(r.low), fmt(r.high), r.samples, r.unit);
    }
    out.println();
    out.println("## Goals (ratios within this run; p50 for sample-time benchmarks, median otherwise)");
    out.println();
    out.println("| goal | measured | baseline | ratio | target | status |");
    out.println("|---|---|---|---|---|---|");
    for (Goal g : goals()) {
      out.printf("| %s | %s | %s | %s | %s | %s |%n", g.name, g.measured, g.baseline, g.ratio, g.target, g.status.text);
    }
  }

  private static String fmt(double v) {
    if (v >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (v >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }
}

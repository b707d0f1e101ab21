package io.jnftables.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every JMH benchmark runs, so that the suite never rots: a benchmark that throws fails the build.
 * Each is run in this JVM (no fork), one warm-up and one measurement iteration of 100 ms (one
 * shot for single-shot benchmarks), at its smallest parameters. These are smoke runs: their
 * figures mean nothing. Benchmarks that need the kernel (root; each in a namespace of its own) are
 * in a test tagged {@code kernel}, so {@code -DexcludedTestGroups=kernel} leaves them out.
 */
class BenchmarkSmokeTest {
  private static final String PKG = "io.jnftables.benchmarks.";
  private static final Path OUT = Path.of("target", "jmh-smoke");

  /** Benchmarks that need no kernel, with the parameters of their smoke run (name, values). */
  static final Map<String, Map<String, String[]>> PURE = new LinkedHashMap<>();
  /** Benchmarks that need nft's corpus (skipped without it, see {@link CorpusAssumption}). */
  static final Map<String, Map<String, String[]>> CORPUS = new LinkedHashMap<>();
  /** Benchmarks that need the kernel, with the parameters of their smoke run. */
  static final Map<String, Map<String, String[]>> KERNEL = new LinkedHashMap<>();

  static {
    PURE.put("JsonGenerationBenchmark", Map.of("rules", new String[] {"10"}, "elements", new String[] {"1000"}));
    PURE.put("JsonDecodingBenchmark", Map.of("rules", new String[] {"10"}));
    CORPUS.put("ParserBenchmark", Map.of());
    KERNEL.put("ClientLatencyBenchmark", Map.of("setSize", new String[] {"bounded", "growing"}));
    KERNEL.put("EchoCostBenchmark", Map.of("existingRules", new String[] {"0"}));
    KERNEL.put("BulkApplyBenchmark", Map.of("content", new String[] {"rules:100", "elements:1000"}));
    KERNEL.put("UpdateScalingBenchmark", Map.of("entries", new String[] {"10"}, "rules", new String[] {"10"}));
  }

  /** A new benchmark class must be put in one of the groups, or it would never be smoke-run. */
  @Test
  void everyBenchmarkClassIsInExactlyOneGroup() throws IOException {
    Set<String> classes = new TreeSet<>();
    for (BenchmarkListEntry e : benchmarkList()) {
      classes.add(e.getUserClassQName().substring(PKG.length()));
    }
    List<Map<String, Map<String, String[]>>> groups = List.of(PURE, CORPUS, KERNEL);
    Set<String> grouped = new TreeSet<>();
    for (Map<String, Map<String, String[]>> g : groups) {
      for (String c : g.keySet()) {
        assertTrue(grouped.add(c), c + " is in two groups");
      }
    }
    assertEquals(classes, grouped, "benchmark classes vs. the smoke test's groups (PURE, CORPUS, KERNEL)");
  }

  @Test
  void everyBenchmarkWithoutKernelRuns() throws Exception {
    Collection<RunResult> results = run(PURE, "pure");
    // The report reads what JMH wrote; it can judge the JSON generation goal only at 10,000 rules.
    GoalReport report = GoalReport.read(OUT.resolve("pure.json"));
    assertEquals(results.size(), report.results().size());
    assertTrue(report.goals().stream().allMatch(g -> g.status() == GoalReport.Status.NOT_MEASURED),
        "at smoke sizes no goal applies: " + report.goals());
  }

  @Test
  void everyCorpusBenchmarkRuns() throws Exception {
    CorpusAssumption.require();
    Collection<RunResult> results = run(CORPUS, "corpus");
    GoalReport report = GoalReport.read(OUT.resolve("corpus.json"));
    assertEquals(results.size(), report.results().size());
  }

  @Tag("kernel")
  @Test
  void everyKernelBenchmarkRunsInNamespacesItDeletes() throws Exception {
    Set<String> before = BenchNetns.created();
    Collection<RunResult> results = run(KERNEL, "kernel");
    Set<String> created = new TreeSet<>(BenchNetns.created());
    created.removeAll(before);
    assertFalse(created.isEmpty(), "the kernel benchmarks made no namespace of their own");
    for (String name : created) {
      assertFalse(Files.exists(Path.of("/var/run/netns", name)), "network namespace left behind: " + name);
    }
    GoalReport report = GoalReport.read(OUT.resolve("kernel.json"));
    assertEquals(results.size(), report.results().size());
    for (GoalReport.Result r : report.results()) {
      assertTrue(r.median() > 0 && r.samples() > 0, "no measurement in " + r);
    }
    // The small-update goal has no size parameter, so it is evaluated even at smoke sizes.
    GoalReport.Goal small = report.goals().get(0);
    assertTrue(small.status() == GoalReport.Status.MET || small.status() == GoalReport.Status.NOT_MET, small.toString());
  }

  /** Runs every benchmark of {@code group} and checks that each method ran in each configuration. */
  private static Collection<RunResult> run(Map<String, Map<String, String[]>> group, String name) throws Exception {
    System.setProperty("jmh.ignoreLock", "true"); // other JMH runs on this machine must not block a build
    Files.createDirectories(OUT);
    Path log = OUT.resolve(name + ".log");
    Path json = OUT.resolve(name + ".json");
    ChainedOptionsBuilder options = new OptionsBuilder()
        .forks(0)
        .warmupIterations(1)
        .warmupTime(TimeValue.milliseconds(100))
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .shouldFailOnError(true)
        .output(log.toString())
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString());
    Map<String, String[]> params = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String[]>> c : group.entrySet()) {
      options.include("^" + Pattern.quote(PKG + c.getKey()) + "\\.");
      for (Map.Entry<String, String[]> p : c.getValue().entrySet()) {
        String[] old = params.put(p.getKey(), p.getValue());
        if (old != null && !List.of(old).equals(List.of(p.getValue()))) {
          throw new IllegalStateException("parameter " + p.getKey() + " differs between smoke benchmarks");
        }
      }
    }
    params.forEach(options::param);
    Collection<RunResult> results;
    try {
      results = new Runner(options.build()).run();
    } catch (RunnerException e) {
      fail("a benchmark failed: " + e.getMessage() + "\n--- tail of " + log + " ---\n" + tail(log), e);
      throw new AssertionError(e);
    }
    // Each method, as many times as it has configurations (its parameters' values multiplied,
    // the smoke values where given, else its own).
    Map<String, Integer> expected = new TreeMap<>();
    for (BenchmarkListEntry e : benchmarkList()) {
      if (group.containsKey(e.getUserClassQName().substring(PKG.length()))) {
        int configurations = 1;
        for (Map.Entry<String, String[]> p : e.getParams().orElse(Map.of()).entrySet()) {
          configurations *= params.getOrDefault(p.getKey(), p.getValue()).length;
        }
        expected.put(e.getUsername(), configurations);
      }
    }
    Map<String, Integer> ran = results.stream()
        .collect(Collectors.toMap(r -> r.getParams().getBenchmark(), r -> 1, Integer::sum, TreeMap::new));
    assertEquals(expected, ran, "benchmarks that ran, and how many configurations each");
    for (RunResult r : results) {
      assertTrue(r.getPrimaryResult().getSampleCount() > 0, "no sample in " + r.getParams().id());
    }
    return results;
  }

  private static List<BenchmarkListEntry> benchmarkList() throws IOException {
    try (InputStream in = BenchmarkSmokeTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
      if (in == null) {
        throw new IllegalStateException("no " + BenchmarkList.BENCHMARK_LIST + ": the JMH annotation processor did not run");
      }
      return BenchmarkList.readBenchmarkList(in);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}

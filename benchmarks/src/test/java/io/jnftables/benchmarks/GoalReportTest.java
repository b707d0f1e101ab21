package io.jnftables.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's arithmetic, on a JMH result file written by hand (made-up figures, not measurements). */
class GoalReportTest {
  private static String sample(String method, String params, double p50) {
    return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"io.jnftables.benchmarks." + method + "\",\"mode\":\"sample\","
        + "\"forks\":1,\"params\":{" + params + "},\"primaryMetric\":{\"score\":" + p50 + ",\"scoreUnit\":\"us/op\","
        + "\"scorePercentiles\":{\"0.0\":" + p50 / 2 + ",\"50.0\":" + p50 + ",\"99.0\":" + p50 * 3 + "},"
        + "\"rawDataHistogram\":[[[[" + p50 + ",7]],[[" + p50 + ",3]]]]}}";
  }

  private static String shots(String method, String params, String unit, double... values) {
    StringBuilder raw = new StringBuilder();
    for (double v : values) {
      raw.append(raw.length() == 0 ? "" : ",").append(v);
    }
    return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"io.jnftables.benchmarks." + method + "\",\"mode\":\"ss\","
        + "\"forks\":1,\"params\":{" + params + "},\"primaryMetric\":{\"score\":0,\"scoreUnit\":\"" + unit + "\","
        + "\"rawData\":[[" + raw + "]]}}";
  }

  private static GoalReport report(String... results) throws Exception {
    return GoalReport.parse(new ObjectMapper().readTree("[" + String.join(",", results) + "]"));
  }

  @Test
  void mediansComeFromPercentilesOrRawShots() throws Exception {
    GoalReport r = report(
        sample("ClientLatencyBenchmark.addElementInProcess", "", 100),
        shots("BulkApplyBenchmark.nftJsonFile", "\"content\":\"rules:10000\"", "ms/op", 30, 10, 20, 40));
    GoalReport.Result latency = r.results().get(0);
    assertEquals(100, latency.median());
    assertEquals(10, latency.samples());
    assertEquals(0.1, latency.medianMs(), 1e-9);
    GoalReport.Result bulk = r.results().get(1);
    assertEquals(25, bulk.median());
    assertEquals(10, bulk.low());
    assertEquals(40, bulk.high());
    assertEquals(4, bulk.samples());
  }

  @Test
  void goalsAreRatiosWithinTheRunAndTheFasterInProcessRouteCounts() throws Exception {
    GoalReport r = report(
        sample("ClientLatencyBenchmark.addElementInProcess", "", 100),
        sample("ClientLatencyBenchmark.addElementSpawnNft", "", 6000),
        shots("BulkApplyBenchmark.inProcessJson", "\"content\":\"rules:10000\"", "ms/op", 300, 300),
        shots("BulkApplyBenchmark.inProcessText", "\"content\":\"rules:10000\"", "ms/op", 150, 150),
        shots("BulkApplyBenchmark.nftJsonFile", "\"content\":\"rules:10000\"", "ms/op", 250, 250),
        shots("JsonGenerationBenchmark.nftText", "\"rules\":\"10000\"", "ms/op", 6, 6),
        shots("JsonGenerationBenchmark.codec", "\"rules\":\"10000\"", "ms/op", 4, 4),
        sample("UpdateScalingBenchmark.addElement", "\"container\":\"set\",\"entries\":\"10\"", 100),
        sample("UpdateScalingBenchmark.addElement", "\"container\":\"set\",\"entries\":\"10000\"", 200));
    List<GoalReport.Goal> goals = r.goals();
    GoalReport.Goal small = goals.get(0);
    assertEquals("60.00× faster", small.ratio());
    assertEquals(GoalReport.Status.MET, small.status());
    GoalReport.Goal rules = byName(goals, "apply 10,000 rules");
    assertEquals("0.60×", rules.ratio()); // text, 150 ms, against 250 ms
    assertEquals(GoalReport.Status.MET, rules.status());
    assertEquals(GoalReport.Status.NOT_MEASURED, byName(goals, "apply 100,000 elements").status());
    assertEquals(GoalReport.Status.MET, byName(goals, "JSON generation of 10,000 rules").status());
    GoalReport.Goal share = byName(goals, "Java-side cost ≤ 2% of applying 10,000 rules");
    assertEquals("4.0%", share.ratio()); // printing the text (6 ms) for the text route (150 ms)
    assertEquals(GoalReport.Status.NOT_MET, share.status());
    GoalReport.Goal set = byName(goals, "one element into a 10,000-entry set");
    assertEquals("2.00×", set.ratio());
    assertEquals(GoalReport.Status.NOT_MET, set.status());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    r.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    for (GoalReport.Goal g : goals) {
      assertTrue(printed.contains("| " + g.name() + " | "), g.name() + " in\n" + printed);
    }
    assertTrue(printed.contains("| BulkApplyBenchmark.nftJsonFile (content=rules:10000) | ss | 250.0 | min–max 250.0 – 250.0 | 2 | ms/op |"),
        printed);
  }

  @Test
  void theSmallUpdateGoalReadsTheBoundedSetWhenBothWereRun() throws Exception {
    GoalReport r = report(
        sample("ClientLatencyBenchmark.addElementInProcess", "\"setSize\":\"growing\"", 200),
        sample("ClientLatencyBenchmark.addElementSpawnNft", "\"setSize\":\"growing\"", 5000),
        sample("ClientLatencyBenchmark.addElementInProcess", "\"setSize\":\"bounded\"", 100),
        sample("ClientLatencyBenchmark.addElementSpawnNft", "\"setSize\":\"bounded\"", 4000));
    GoalReport.Goal small = r.goals().get(0);
    assertTrue(small.name().endsWith("bounded set)"), small.name());
    assertEquals("40.00× faster", small.ratio());
    assertEquals(GoalReport.Status.NOT_MET, small.status());
  }

  private static GoalReport.Goal byName(List<GoalReport.Goal> goals, String prefix) {
    return goals.stream().filter(g -> g.name().startsWith(prefix)).findFirst().orElseThrow();
  }
}

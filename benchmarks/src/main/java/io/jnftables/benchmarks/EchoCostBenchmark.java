package io.jnftables.benchmarks;

import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.client.CallOptions;
import io.jnftables.client.Nftables;
import io.jnftables.client.SubmitResult;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.Rule;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.netns.NetnsTarget;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What asking for handles costs: libnftables' echo loads the whole ruleset into its cache on every
 * call, so an echoed rule add grows with the ruleset (here a chain of {@code existingRules} rules
 * beside the one written to). Compared: a rule add without echo (what {@code submit(batch)}
 * does), with echo ({@code withHandles()}), and 100 rules in one echoed batch (the cost shared).
 * In-process client, fresh namespace.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 4)
// A fixed, pre-touched heap: on this VM, page faults from G1 growing and shrinking the heap
// otherwise add ~100 µs to a 100 µs call.
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class EchoCostBenchmark {
  @Param({"0", "10000"})
  public int existingRules;

  private Nftables nft;
  private Batch oneRule;
  private Batch hundredRules;
  private Batch flush;
  private final CallOptions handles = CallOptions.defaults().withHandles();

  private static Rule rule(String chain, int port) {
    return Rule.of(Family.INET, "bench", chain,
        List.of(Match.eq(new PayloadExpr("tcp", "dport"), new NumberLiteral(port)), Counter.NEW, Verdict.ACCEPT));
  }

  @Setup(Level.Trial)
  public void setUp() {
    nft = Nftables.builder().netns(NetnsTarget.fresh()).probeCapabilities(false).open();
    Batch.Builder b = Batch.builder().add(Table.of(Family.INET, "bench"))
        .add(Chain.regular(Family.INET, "bench", "big")).add(Chain.regular(Family.INET, "bench", "small"));
    for (int i = 0; i < existingRules; i++) {
      b.add(rule("big", 1 + i % 65000));
    }
    nft.submit(b.build());
    oneRule = Batch.builder().add(rule("small", 22)).build();
    Batch.Builder hundred = Batch.builder();
    for (int i = 0; i < 100; i++) {
      hundred.add(rule("small", 1000 + i));
    }
    hundredRules = hundred.build();
    flush = Batch.builder().command(new Command(Verb.FLUSH, Chain.regular(Family.INET, "bench", "small"))).build();
  }

  private int calls;

  /** Keeps the written chain small (flushed every 100 calls), so that only the other chain's size varies. */
  private void keepSmall() {
    if (++calls % 100 == 0) {
      nft.submit(flush);
    }
  }

  /** Empties the written chain before each call of the 100-rule benchmark (not measured). */
  @State(Scope.Benchmark)
  public static class Flushed {
    @Setup(Level.Invocation)
    public void flush(EchoCostBenchmark benchmark) {
      benchmark.nft.submit(benchmark.flush);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    nft.close();
  }

  /** {@code submit(batch)}: no echo, no handles. */
  @Benchmark
  public SubmitResult addRuleNoEcho() {
    keepSmall();
    return nft.submit(oneRule);
  }

  /** {@code submit(batch, withHandles())}: echo, the handle comes back. */
  @Benchmark
  public SubmitResult addRuleWithHandle() {
    keepSmall();
    return nft.submit(oneRule, handles);
  }

  /** 100 rules in one echoed batch: divide by 100 for the cost per handle. */
  @Benchmark
  public SubmitResult add100RulesWithHandles(Flushed flushed) {
    return nft.submit(hundredRules, handles);
  }
}
